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

extension EvaluateRun {
    /// Reads `--grids`, groups its features by `--grid-id`, projects and repairs them.
    func readGrids() throws(PipelineError) -> GridMap {
        let file = config.gridsPath
        let (doc, crs) = try stage("read", "reading \(file)") { () throws(PipelineError) -> (GeoJSONDocument, String) in
            let doc = try readFeatures(file)
            return (doc, try InputCRS.resolve(declared: config.inputCRS, fileCRS: doc.crs, file: file, warn: warn))
        }
        return try stage("project", "projecting \(doc.features.count) grid features") { () throws(PipelineError) -> GridMap in
            let field = config.gridIdField
            if !doc.features.contains(where: { $0[property: field] != nil }) {
                let names = doc.features.first?.properties.map(\.name).joined(separator: ", ") ?? ""
                throw PipelineError(.data, "\(file): no feature has the property \(field) (--grid-id); feature 0 has: \(names)")
            }
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
                    throw PipelineError(.data, "\(file): feature \(f.index) is a point; grids must be Polygon or MultiPolygon (line \(f.line))")
                }
                guard let id = f[property: field]?.text, !id.isEmpty else {
                    throw PipelineError(.data, "\(file): feature \(f.index) has no value for --grid-id \(field) (line \(f.line))")
                }
                var jurisdiction = ""
                if let jf = config.boundaryIdField {
                    guard let j = f[property: jf]?.text, !j.isEmpty else {
                        throw PipelineError(.data, "\(file): feature \(f.index) has no value for --boundary-id \(jf) (line \(f.line))")
                    }
                    jurisdiction = j
                }
                try CoordinateCheck.checkShape(shape, crs: crs, file: file, feature: f.index)
                if let k = slot[id] {
                    guard jurisdictions[k] == jurisdiction else {
                        throw PipelineError(.data, "\(file): feature \(f.index) puts grid \(id) in \(jurisdiction) but feature \(featureIndex[k][0]) in \(jurisdictions[k])")
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
                warn(Diagnostic(code: "GEOMETRY_NULL", file: file, location: "feature \(firstSkipped)",
                                message: "\(skipped) grid feature(s) without geometry skipped", count: skipped))
            }
            guard !ids.isEmpty else { throw PipelineError(.data, "\(file): no Polygon or MultiPolygon feature") }
            let workCRS = try self.workCRS(config.workCRS, shapes: parts.flatMap { $0 }, crs: crs, file: file)
            let order = ids.indices.sorted {
                jurisdictions[$0] != jurisdictions[$1]
                    ? Jurisdictions.nameLess(jurisdictions[$0], jurisdictions[$1])
                    : Jurisdictions.nameLess(ids[$0], ids[$1])
            }
            var shapes: [MultiPolygon] = []
            for k in order {
                var repaired: [MultiPolygon] = []
                for (p, part) in parts[k].enumerated() {
                    let projected = try geometry(file) { () throws(GeometryError) in try engine.transform(part, from: crs, to: workCRS) }
                    repaired.append(try repair(projected, file: file, feature: featureIndex[k][p]))
                }
                let merged = repaired.count == 1 ? repaired[0] : try geometry(file) { () throws(GeometryError) in try engine.union(repaired) }
                shapes.append(merged)
            }
            if ids.count < doc.features.count - skipped {
                warn(Diagnostic(code: "GRID_FEATURES_MERGED", file: file,
                                message: "\(doc.features.count - skipped) features make \(ids.count) grids: features sharing a \(field) were merged",
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

    /// Reads `--points` (GeoJSON or CSV) and projects them to the work CRS; nil without `--points`.
    func readPoints(workCRS: String) throws(PipelineError) -> PointTable? {
        guard let path = config.pointsPath else { return nil }
        return try stage("points", "reading \(path)") { () throws(PipelineError) -> PointTable in
            let lower = path.lowercased()
            var table: PointTable
            var fileCRS: String?
            do throws(GridIOError) {
                if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") || lower.hasSuffix(".tsv") {
                    let (t, diagnostics) = try CSVPointReader.read(path: path, idField: config.idField, weightFields: config.weightFields)
                    for d in diagnostics { warn(d) }
                    table = t
                } else {
                    let (t, crs, diagnostics) = try GeoJSONReader.readPoints(path: path, idField: config.idField, weightFields: config.weightFields)
                    for d in diagnostics { warn(d) }
                    table = t
                    fileCRS = crs
                }
            } catch {
                throw PipelineError(error)
            }
            let crs = try InputCRS.resolve(declared: config.inputCRS, fileCRS: fileCRS, file: path, warn: warn)
            try CoordinateCheck.checkPoints(table, crs: crs, file: path)
            if table.count > 0 {
                try geometry(path) { () throws(GeometryError) in try engine.transform(x: &table.x, y: &table.y, from: crs, to: workCRS) }
            }
            return table
        }
    }

    /// The boundary (`--boundary`) as one valid shape in the work CRS; nil without `--boundary`.
    func readBoundary(workCRS: String) throws(PipelineError) -> MultiPolygon? {
        guard let path = config.boundaryPath else { return nil }
        let doc = try readFeatures(path)
        let crs = try InputCRS.resolve(declared: config.inputCRS, fileCRS: doc.crs, file: path, warn: warn)
        var parts: [MultiPolygon] = []
        for f in doc.features {
            guard let g = f.geometry else { continue }
            guard let shape = g.multiPolygon else {
                throw PipelineError(.data, "\(path): feature \(f.index) is a point; a boundary must be Polygon or MultiPolygon (line \(f.line))")
            }
            try CoordinateCheck.checkShape(shape, crs: crs, file: path, feature: f.index)
            let projected = try geometry(path) { () throws(GeometryError) in try engine.transform(shape, from: crs, to: workCRS) }
            parts.append(try repair(projected, file: path, feature: f.index))
        }
        guard !parts.isEmpty else { throw PipelineError(.data, "\(path): no Polygon or MultiPolygon feature") }
        return parts.count == 1 ? parts[0] : try geometry(path) { () throws(GeometryError) in try engine.union(parts) }
    }
}
