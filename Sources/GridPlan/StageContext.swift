import GridGDAL
import GridGeometry
import GridIO
import GridModel

/// What every stage of a run borrows: the GEOS/PROJ engine (one per run, never shared), the
/// command's configuration, the sink that receives events, the warnings so far and the stage clock.
/// Never prints. Stages pass their results to each other as values; nothing else travels here.
final class StageContext<Config> {
    let config: Config
    let sink: PipelineSink
    let engine: GeometryEngine
    private(set) var warnings: [Diagnostic] = []
    private(set) var clock: StageClock

    init(config: Config, sink: @escaping PipelineSink, listedStages: [String]) throws(PipelineError) {
        self.config = config
        self.sink = sink
        do throws(GeometryError) {
            engine = try GeometryEngine()
        } catch {
            throw .internalFailure("cannot start GEOS/PROJ: \(error.message)")
        }
        clock = StageClock(listed: listedStages)
    }

    /// Runs `body` as stage `name` (announced with `text` unless nil) and adds its duration to the clock.
    func stage<T>(_ name: String, _ text: String?, _ body: () throws(PipelineError) -> T) throws(PipelineError) -> T {
        if let text { sink(.stage(name, text)) }
        let start = clock.begin()
        defer { clock.stop(name, since: start) }
        return try body()
    }

    /// Announces a step inside the running stage.
    func announce(_ name: String, _ text: String) {
        sink(.stage(name, text))
    }

    /// Records a warning and hands it to the sink.
    func warn(_ d: Diagnostic) {
        warnings.append(d)
        sink(.warning(d))
    }

    /// `body`'s geometry failure as a data error naming `file` (GEOS/PROJ's own text kept).
    func geometry<T>(_ file: String, _ body: () throws(GeometryError) -> T) throws(PipelineError) -> T {
        do throws(GeometryError) {
            return try body()
        } catch {
            throw .geometry(error, file: file)
        }
    }

    /// Reads a polygon file (GeoJSON by gridplan's reader; Shapefile, GeoPackage, file geodatabase,
    /// KML through GDAL), passing the reader's repairs on as warnings.
    /// - Parameters:
    ///   - layer: the layer of a multi-layer file; `layerOption` names its option in messages.
    func readFeatures(_ path: String, layer: String? = nil, layerOption: String = "--layer") throws(PipelineError) -> GeoJSONDocument {
        let kind = try InputFileKind(path: path)
        do throws(GridIOError) {
            let doc: GeoJSONDocument
            switch kind {
            case .gdal:
                let encoding = (config as? ReadsInputFormats)?.inputFormat.encoding
                doc = try GDALReader.readFeatures(
                    path: path, options: GDALReadOptions(layer: layer, layerOption: layerOption, encoding: encoding))
            case .geoJSON:
                doc = try GeoJSONReader.readFeatures(path: path)
            case .delimitedText:
                throw GridIOError(file: path, message: "a CSV file holds points, not polygons; give a polygon file (GeoJSON, Shapefile, GeoPackage …)", kind: .badData)
            }
            for d in doc.diagnostics { warn(d) }
            return doc
        } catch {
            throw .input(error)
        }
    }

    /// Many shapes from one CRS to another in one PROJ call.
    func transform(_ shapes: [MultiPolygon], from: String, to: String, file: String) throws(PipelineError) -> [MultiPolygon] {
        try geometry(file) { () throws(GeometryError) in try engine.transform(shapes, from: from, to: to) }
    }

    /// Moves `shape` from `crs` to `workCRS` and makes it valid when it is not, with a warning that
    /// states the area change: the one path every polygon input takes.
    func project(_ shape: MultiPolygon, from crs: String, to workCRS: String, file: String, feature: Int) throws(PipelineError)
        -> MultiPolygon
    {
        let projected = try geometry(file) { () throws(GeometryError) in try engine.transform(shape, from: crs, to: workCRS) }
        return try repair(projected, file: file, feature: feature)
    }

    /// Makes a polygon valid when it is not, with a warning that states the area change.
    func repair(_ m: MultiPolygon, file: String, feature: Int) throws(PipelineError) -> MultiPolygon {
        let r = try geometry("\(file): feature \(feature)") { () throws(GeometryError) in try engine.repair(m) }
        if !r.wasValid {
            // The signed area of a self-intersecting ring is meaningless (a bow-tie's halves cancel), so
            // the change is only stated when the area before is a sensible share of the area after.
            var change = "area after repair \(Format.km2(r.areaAfter)) km²"
            if r.areaBefore > 0.5 * r.areaAfter {
                let percent = (r.areaAfter - r.areaBefore) / r.areaBefore * 100
                change = "area \(Format.km2(r.areaBefore)) → \(Format.km2(r.areaAfter)) km² (\(Format.fixed(percent, 2))%)"
            }
            warn(
                Diagnostic(
                    code: .polygonRepaired, file: file, location: "feature \(feature)",
                    message: "invalid polygon (\(r.reason ?? "invalid")) made valid; \(change)"))
        }
        return r.shape
    }

    /// The work CRS: `requested` unless it is `auto`, else the UTM zone of the centre of the shapes'
    /// longitude/latitude bounding box (shapes in `crs`).
    func workCRS(_ requested: String, shapes: [MultiPolygon], crs: String, file: String) throws(PipelineError) -> String {
        if CRSName.canonical(requested).lowercased() != "auto" { return requested }
        let lonLat = try geometry(file) { () throws(GeometryError) in try engine.transform(shapes, from: crs, to: "EPSG:4326") }
        guard let box = BoundingBox(exteriorsOf: lonLat) else { return CRS.autoUTM(longitude: .nan, latitude: .nan) }
        return CRS.autoUTM(longitude: (box.minX + box.maxX) / 2, latitude: (box.minY + box.maxY) / 2)
    }

    /// The CRS a file is in (see `InputCRS.resolve`), unknown-CRS warnings going to the run.
    func resolveCRS(declared: String?, fileCRS: String?, file: String) throws(PipelineError) -> String {
        try InputCRS.resolve(declared: declared, fileCRS: fileCRS, file: file, warn: warn)
    }
}

typealias PartitionContext = StageContext<PartitionConfig>
typealias EvaluateContext = StageContext<EvaluateConfig>

/// A stage that keeps its context at hand: the context's helpers read as the stage's own.
protocol ContextStage {
    associatedtype Config
    var context: StageContext<Config> { get }
}

extension ContextStage {
    var config: Config { context.config }
    var engine: GeometryEngine { context.engine }

    func warn(_ d: Diagnostic) { context.warn(d) }

    func stage<T>(_ name: String, _ text: String?, _ body: () throws(PipelineError) -> T) throws(PipelineError) -> T {
        try context.stage(name, text, body)
    }

    func geometry<T>(_ file: String, _ body: () throws(GeometryError) -> T) throws(PipelineError) -> T {
        try context.geometry(file, body)
    }

    func readFeatures(_ path: String, layer: String? = nil, layerOption: String = "--layer") throws(PipelineError) -> GeoJSONDocument {
        try context.readFeatures(path, layer: layer, layerOption: layerOption)
    }

    func repair(_ m: MultiPolygon, file: String, feature: Int) throws(PipelineError) -> MultiPolygon {
        try context.repair(m, file: file, feature: feature)
    }
}
