import GridGeometry
import GridIO
import GridModel

/// The inputs as read, still in their own CRS.
struct RawInputs {
    var boundaryFeatureCount: Int
    var jurisdictions: Jurisdictions
    var boundaryCRS: String
    var points: PointTable
    var pointsCRS: String
    var pointsRead: Int
    var units: [Feature]?
    var unitsCRS: String
    /// Police posts (`--centers`) and their CRS.
    var centers: (points: PointTable, crs: String)?
}

extension PartitionRun {
    /// Reads the boundary, points and units files and settles each file's CRS.
    func readInputs() throws(PipelineError) -> RawInputs {
        try times.time("read") { () throws(PipelineError) -> RawInputs in
            stage("read", "reading \(config.boundaryPath)")
            let boundary = try readFeatures(config.boundaryPath)
            let jurisdictions = try Jurisdictions.group(
                boundary.features, idField: config.boundaryIdField, file: config.boundaryPath, warn: warn)
            jurisdictionNames = jurisdictions.names
            let boundaryCRS = try resolveCRS(fileCRS: boundary.crs, file: config.boundaryPath, declared: config.boundaryCRS)
            checkBoundaryOrigin(boundary.features, crs: boundaryCRS)

            var unitFeatures: [Feature]?
            var unitsCRS = boundaryCRS
            if let unitsPath = config.unitsPath {
                let doc = try readFeatures(unitsPath)
                unitFeatures = doc.features
                unitsCRS = try resolveCRS(fileCRS: doc.crs, file: unitsPath, declared: config.unitsCRS)
            }

            var points = PointTable(weightNames: config.weightFields)
            var pointsCRS = boundaryCRS
            if let pointsPath = config.pointsPath {
                stage("read", "reading \(pointsPath)")
                let (table, crs) = try readPoints(pointsPath)
                points = table
                pointsCRS = try resolveCRS(fileCRS: crs, file: pointsPath, declared: config.pointsCRS)
            }
            inputCRSs = (boundaryCRS, pointsCRS)
            var centers: (points: PointTable, crs: String)?
            if let path = config.centersPath { centers = try loadCenters(path) }
            return RawInputs(
                boundaryFeatureCount: boundary.features.count, jurisdictions: jurisdictions,
                boundaryCRS: boundaryCRS, points: points, pointsCRS: pointsCRS, pointsRead: points.count,
                units: unitFeatures, unitsCRS: unitsCRS, centers: centers)
        }
    }

    private func readPoints(_ path: String) throws(PipelineError) -> (PointTable, String?) {
        let lower = path.lowercased()
        do throws(GridIOError) {
            if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tsv") {
                let (table, diagnostics) = try CSVPointReader.read(
                    path: path, idField: config.idField, weightFields: config.weightFields)
                for d in diagnostics { warn(d) }
                return (table, nil)
            }
            let (table, crs, diagnostics) = try GeoJSONReader.readPoints(
                path: path, idField: config.idField, weightFields: config.weightFields)
            for d in diagnostics { warn(d) }
            return (table, crs)
        } catch {
            throw PipelineError(error)
        }
    }

    /// The CRS a file is in (see `InputCRS.resolve`): its own `--*-crs` option, else `--input-crs`,
    /// else the file's legacy `crs` member, else EPSG:4326.
    func resolveCRS(fileCRS: String?, file: String, declared: String? = nil) throws(PipelineError) -> String {
        try InputCRS.resolve(declared: declared ?? config.inputCRS, fileCRS: fileCRS, file: file, warn: warn)
    }
}
