import GridGeometry
import GridIO
import GridModel

/// An existing grid map in the work CRS: one merged, valid shape per grid id.
struct GridMap {
    var workCRS: String
    var inputCRS: String
    var featureCount: Int
    /// Grid ids in output order (by sub-jurisdiction, then id; numeric ids sorted as numbers).
    var ids: [String]
    /// Sub-jurisdiction name of each grid ("" without `--boundary-id`).
    var jurisdiction: [String]
    /// Sub-jurisdiction names in output order.
    var jurisdictionNames: [String]
    /// Shapes in metres (work CRS).
    var shapes: [MultiPolygon]
    /// How many input features made each grid.
    var featureCounts: [Int]
}

/// Stages `read` and `project` of `evaluate`: reads `--grids`, groups its features by `--grid-id`,
/// projects and repairs them.
struct GridMapStage: ContextStage {
    let context: EvaluateContext

    static func run(_ context: EvaluateContext) throws(PipelineError) -> GridMap {
        try GridMapStage(context: context).readGrids()
    }

    private func readGrids() throws(PipelineError) -> GridMap {
        let file = config.gridsPath
        let (doc, crs) = try stage("read", "reading \(file)") { () throws(PipelineError) -> (GeoJSONDocument, String) in
            let doc = try readFeatures(file)
            return (doc, try context.resolveCRS(declared: config.gridsCRS ?? config.inputCRS, fileCRS: doc.crs, file: file))
        }
        return try stage("project", "projecting \(doc.features.count) grid features") { () throws(PipelineError) -> GridMap in
            let field = config.gridIdField
            try PipelineError.requireProperty(field, option: "--grid-id", file: file, features: doc.features)
            if let jf = config.boundaryIdField {
                try PipelineError.requireProperty(jf, option: "--boundary-id", file: file, features: doc.features)
            }
            let grouped = try group(doc, crs: crs)
            let (ids, jurisdictions, parts, featureIndex, skipped) =
                (grouped.ids, grouped.jurisdictions, grouped.parts, grouped.featureIndex, grouped.skipped)
            let workCRS = try context.workCRS(config.workCRS, shapes: parts.flatMap { $0 }, crs: crs, file: file)
            let order = ids.indices.sorted {
                jurisdictions[$0] != jurisdictions[$1]
                    ? Jurisdictions.nameLess(jurisdictions[$0], jurisdictions[$1])
                    : Jurisdictions.nameLess(ids[$0], ids[$1])
            }
            var shapes: [MultiPolygon] = []
            for k in order {
                var repaired: [MultiPolygon] = []
                for (p, part) in parts[k].enumerated() {
                    repaired.append(try context.project(part, from: crs, to: workCRS, file: file, feature: featureIndex[k][p]))
                }
                let merged =
                    repaired.count == 1 ? repaired[0] : try geometry(file) { () throws(GeometryError) in try engine.union(repaired) }
                shapes.append(merged)
            }
            if ids.count < doc.features.count - skipped {
                warn(
                    Diagnostic(
                        code: .gridFeaturesMerged, file: file,
                        message:
                            "\(doc.features.count - skipped) features make \(ids.count) grids: features sharing a \(field) were merged",
                        count: doc.features.count - skipped - ids.count))
            }
            var names: [String] = []
            for j in order.map({ jurisdictions[$0] }) where names.last != j { names.append(j) }
            return GridMap(
                workCRS: workCRS, inputCRS: crs, featureCount: doc.features.count, ids: order.map { ids[$0] },
                jurisdiction: order.map { jurisdictions[$0] }, jurisdictionNames: names, shapes: shapes,
                featureCounts: order.map { parts[$0].count })
        }
    }

    /// The grid features grouped by `--grid-id`, in first-seen order, each with its jurisdiction.
    private struct GroupedGrids {
        var ids: [String]
        var jurisdictions: [String]
        /// Shapes (input CRS) and feature indices of each grid's features.
        var parts: [[MultiPolygon]]
        var featureIndex: [[Int]]
        /// Features without geometry (skipped with a warning).
        var skipped: Int
    }

    private func group(_ doc: GeoJSONDocument, crs: String) throws(PipelineError) -> GroupedGrids {
        let file = config.gridsPath, field = config.gridIdField
        var slot: [String: Int] = [:]  // lookups only
        var ids: [String] = [], jurisdictions: [String] = [], parts: [[MultiPolygon]] = [], featureIndex: [[Int]] = []
        var skipped = 0, firstSkipped = -1
        for f in doc.features {
            guard let g = f.geometry else {
                skipped += 1
                if firstSkipped < 0 { firstSkipped = f.index }
                continue
            }
            guard let shape = g.multiPolygon else {
                throw PipelineError.data(
                    "\(file): feature \(f.index) is a point; grids must be Polygon or MultiPolygon (line \(f.line))")
            }
            guard let id = f[property: field]?.text, !id.isEmpty else {
                throw PipelineError.data("\(file): feature \(f.index) has no value for --grid-id \(field) (line \(f.line))")
            }
            var jurisdiction = ""
            if let jf = config.boundaryIdField {
                guard let j = f[property: jf]?.text, !j.isEmpty else {
                    throw PipelineError.data("\(file): feature \(f.index) has no value for --boundary-id \(jf) (line \(f.line))")
                }
                jurisdiction = j
            }
            try CoordinateCheck.checkShape(shape, crs: crs, file: file, feature: f.index)
            if let k = slot[id] {
                guard jurisdictions[k] == jurisdiction else {
                    throw PipelineError.data(
                        "\(file): feature \(f.index) puts grid \(id) in \(jurisdiction) but feature \(featureIndex[k][0]) in \(jurisdictions[k])"
                    )
                }
                parts[k].append(shape)
                featureIndex[k].append(f.index)
            } else {
                slot[id] = ids.count
                ids.append(id)
                jurisdictions.append(jurisdiction)
                parts.append([shape])
                featureIndex.append([f.index])
            }
        }
        if skipped > 0 {
            warn(
                Diagnostic(
                    code: .geometryNull, file: file, location: "feature \(firstSkipped)",
                    message: "\(skipped) grid feature(s) without geometry skipped", count: skipped))
        }
        guard !ids.isEmpty else { throw PipelineError.data("\(file): no Polygon or MultiPolygon feature") }
        return GroupedGrids(ids: ids, jurisdictions: jurisdictions, parts: parts, featureIndex: featureIndex, skipped: skipped)
    }
}

/// Stage `points` of `evaluate`: reads `--points` (any point format) and projects them to the work CRS.
enum EvaluatePointsStage {
    /// The points in the work CRS; nil without `--points`.
    static func run(workCRS: String, _ context: EvaluateContext) throws(PipelineError) -> PointFile? {
        let config = context.config
        guard let path = config.pointsPath else { return nil }
        return try context.stage("points", "reading \(path)") { () throws(PipelineError) -> PointFile in
            var file = try PointInput.read(
                path, idField: config.idField, weightFields: config.weightFields, format: config.inputFormat, warn: context.warn)
            let crs = try context.resolveCRS(declared: config.pointsCRS ?? config.inputCRS, fileCRS: file.fileCRS, file: path)
            try CoordinateCheck.checkPoints(file, crs: crs)
            if file.table.count > 0 {
                try context.geometry(path) { () throws(GeometryError) in
                    try context.engine.transform(x: &file.table.x, y: &file.table.y, from: crs, to: workCRS)
                }
            }
            return file
        }
    }
}
