import GridGeometry
import GridIO
import GridModel

/// The inputs as read, still in their own CRS, with the CRS each file was settled to.
struct RawInputs {
    var boundaryFeatureCount: Int
    var jurisdictions: Jurisdictions
    var boundaryCRS: String
    /// The points (an empty table without `--points`).
    var points: PointFile
    var pointsCRS: String
    /// The `--units` polygons and their CRS.
    var units: (features: [Feature], crs: String)?
    /// Police posts (`--centers`) and their CRS.
    var centers: (file: PointFile, crs: String)?
    /// The earlier plan (`--previous`), read but not yet matched to units.
    var previous: EarlierMap?
    /// Barrier files (`--barriers`, then `--hard-barriers`), with their CRS.
    var barriers: [BarrierFile] = []
}

/// One barrier file as read.
struct BarrierFile {
    var path: String
    var hard: Bool
    var features: [Feature]
    var crs: String
}

/// Stage `read`: reads the boundary, units, points, centres and earlier-plan files and settles each
/// file's CRS. Every file the run reads is read here.
enum ReadStage {
    static func run(_ context: PartitionContext) throws(PipelineError) -> RawInputs {
        let config = context.config
        return try context.stage("read", "reading \(config.boundaryPath)") { () throws(PipelineError) -> RawInputs in
            let format = config.inputFormat
            let boundary = try context.readFeatures(config.boundaryPath, layer: format.boundaryLayer, layerOption: "--boundary-layer")
            var jurisdictions = try Jurisdictions.group(
                boundary.features, idField: config.boundaryIdField, file: config.boundaryPath, warn: context.warn)
            if let field = config.stationCodeField {
                try jurisdictions.readCodes(field: field, features: boundary.features, file: config.boundaryPath)
            }
            let boundaryCRS = try resolve(config.boundaryCRS, boundary.crs, config.boundaryPath, context)
            PointPlausibility.checkBoundaryOrigin(boundary.features, crs: boundaryCRS, file: config.boundaryPath, warn: context.warn)

            var units: (features: [Feature], crs: String)?
            if let unitsPath = config.unitsPath {
                let doc = try context.readFeatures(unitsPath, layer: format.unitsLayer, layerOption: "--units-layer")
                units = (doc.features, try resolve(config.unitsCRS, doc.crs, unitsPath, context))
            }

            var points = PointFile(
                path: "", kind: .geoJSON, table: PointTable(weightNames: config.weightFields), fileCRS: nil)
            var pointsCRS = boundaryCRS
            if let pointsPath = config.pointsPath {
                context.announce("read", "reading \(pointsPath)")
                points = try PointInput.read(
                    pointsPath, idField: config.idField, weightFields: config.weightFields, format: format, layer: format.pointsLayer,
                    threads: config.workerThreads, warn: context.warn)
                pointsCRS = try resolve(config.pointsCRS, points.fileCRS, pointsPath, context)
            }
            var centers: (file: PointFile, crs: String)?
            if let path = config.centersPath {
                let file = try PointInput.read(
                    path, idField: nil, weightFields: [], format: format, layer: format.centersLayer, layerOption: "--centers-layer",
                    warn: context.warn)
                guard file.table.count > 0 else { throw .data("\(path): no centre points") }
                let crs = try resolve(nil, file.fileCRS, path, context)
                try CoordinateCheck.checkPoints(file, crs: crs)
                centers = (file, crs)
            }
            var previous: EarlierMap?
            if let path = config.previousPath {
                // gridplan writes its maps in EPSG:4326 (no crs member); a bureau's own map says its CRS (.prj).
                previous = try EarlierMap.read(
                    path, idField: config.previousIdField ?? "grid_id", crs: nil, layer: format.previousLayer, context: context,
                    missingID: "name the property that holds each grid's id with --previous-id")
            }
            let barriers = try BarrierFile.read(
                config.barrierPaths.map { ($0, false) } + config.hardBarrierPaths.map { ($0, true) },
                declaredCRS: config.barriersCRS ?? config.inputCRS, stage: "read", context: context)
            return RawInputs(
                boundaryFeatureCount: boundary.features.count, jurisdictions: jurisdictions,
                boundaryCRS: boundaryCRS, points: points, pointsCRS: pointsCRS,
                units: units, centers: centers, previous: previous, barriers: barriers)
        }
    }

    /// The CRS a file is in (see `InputCRS.resolve`): its own `--*-crs` option, else `--input-crs`,
    /// else the file's legacy `crs` member, else EPSG:4326.
    private static func resolve(
        _ declared: String?, _ fileCRS: String?, _ file: String, _ context: PartitionContext
    ) throws(PipelineError) -> String {
        try context.resolveCRS(declared: declared ?? context.config.inputCRS, fileCRS: fileCRS, file: file)
    }
}
