import GridGeometry
import GridIO
import GridModel

/// What every command's run holds: the GEOS/PROJ engine (one per run, never shared), the sink that
/// receives events, and the warnings so far. Never prints.
class RunContext {
    let sink: PipelineSink
    let engine: GeometryEngine
    var warnings: [Diagnostic] = []

    init(sink: @escaping PipelineSink) throws(PipelineError) {
        self.sink = sink
        do throws(GeometryError) {
            engine = try GeometryEngine()
        } catch {
            throw PipelineError(.internalError, "cannot start GEOS/PROJ: \(error.message)")
        }
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
            throw PipelineError(geometry: error, file: file)
        }
    }

    /// Reads a polygon GeoJSON file, passing the reader's repairs on as warnings.
    func readFeatures(_ path: String) throws(PipelineError) -> GeoJSONDocument {
        do throws(GridIOError) {
            let doc = try GeoJSONReader.readFeatures(path: path)
            for d in doc.diagnostics { warn(d) }
            return doc
        } catch {
            throw PipelineError(error)
        }
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
            warn(Diagnostic(
                code: "POLYGON_REPAIRED", file: file, location: "feature \(feature)",
                message: "invalid polygon (\(r.reason ?? "invalid")) made valid; \(change)"))
        }
        return r.shape
    }

    /// The work CRS: `requested` unless it is `auto`, else the UTM zone of the centre of the shapes'
    /// longitude/latitude bounding box (shapes in `crs`).
    func workCRS(_ requested: String, shapes: [MultiPolygon], crs: String, file: String) throws(PipelineError) -> String {
        if CRSName.canonical(requested).lowercased() != "auto" { return requested }
        let lonLat = try geometry(file) { () throws(GeometryError) in try engine.transform(shapes, from: crs, to: "EPSG:4326") }
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for shape in lonLat {
            for polygon in shape.polygons {
                let ring = polygon.exterior
                for i in stride(from: 0, to: ring.count, by: 2) {
                    minX = min(minX, ring[i])
                    maxX = max(maxX, ring[i])
                    minY = min(minY, ring[i + 1])
                    maxY = max(maxY, ring[i + 1])
                }
            }
        }
        return CRS.autoUTM(longitude: (minX + maxX) / 2, latitude: (minY + maxY) / 2)
    }
}
