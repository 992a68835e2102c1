import GridGeometry
import GridIO
import GridModel

/// The grid map's numbers: per-grid stats and where each point fell.
struct MeasuredGrids {
    var stats: [GridStats]
    /// Polygon parts per grid (1 = contiguous).
    var parts: [Int]
    var weightNames: [String]
    /// Grid (output position) of each point, nil for a point in no grid.
    var pointGrid: [GridID?]
    var pointsInside: Int
    var pointsOutside: Int
    /// Mean primary weight per sub-jurisdiction, in `GridMap.jurisdictionNames` order.
    var jurisdictionMeans: [Double]
}

/// How far the grids fail to tile the boundary (m²), and how much they overlap each other.
struct Coverage {
    /// Area of the union of the grids.
    var unionArea: Double
    /// Sum of the grids' areas minus the area of their union: land claimed by two grids or more.
    var overlapArea: Double
    /// With `--boundary`: boundary area no grid covers, grid area outside the boundary, boundary area.
    var gapArea: Double?
    var outsideArea: Double?
    var boundaryArea: Double?
    var boundary: MultiPolygon?
}

/// Stage `measure` of `evaluate`: places the points in the grids and measures every grid (area,
/// perimeter, Polsby-Popper, parts, weights).
struct MeasureStage: ContextStage {
    let context: EvaluateContext

    static func run(_ map: GridMap, points: PointFile?, _ context: EvaluateContext) throws(PipelineError) -> MeasuredGrids {
        try MeasureStage(context: context).measure(map, file: points)
    }

    private func measure(_ map: GridMap, file: PointFile?) throws(PipelineError) -> MeasuredGrids {
        try stage("measure", "measuring \(map.ids.count) grids") { () throws(PipelineError) -> MeasuredGrids in
            let k = map.ids.count
            let names = config.weightFields.isEmpty ? ["weight"] : config.weightFields
            var weights = Array(repeating: Array(repeating: 0.0, count: k), count: names.count)
            var counts = Array(repeating: 0, count: k)
            var pointGrid: [GridID?] = []
            var outside = 0, firstOutside = -1
            if let file, file.table.count > 0 {
                let p = file.table
                pointGrid = GridID.located(
                    try geometry(file.path) { () throws(GeometryError) in
                        try GridLocator.points(x: p.x, y: p.y, in: map.shapes, engine: engine)
                    })
                for i in 0..<p.count {
                    guard let g = pointGrid[i]?.index else {
                        outside += 1
                        if firstOutside < 0 { firstOutside = i }
                        continue
                    }
                    counts[g] += 1
                    if p.weights.isEmpty {
                        weights[0][g] += 1
                    } else {
                        for w in 0..<names.count { weights[w][g] += p.weights[w][i] }
                    }
                }
                if outside > 0 {
                    var message = "\(outside) of \(p.count) points lie in no grid and are not counted"
                    if outside * 2 > p.count { message += "; check --input-crs (GCJ-02/BD-09 data, projected metres?)" }
                    warn(
                        Diagnostic(
                            code: .pointOutsideGrids, file: file.path,
                            location: "first at " + file.location(of: firstOutside),
                            message: message, count: outside))
                }
            }
            var means: [Double] = []
            for name in map.jurisdictionNames {
                let members = (0..<k).filter { map.jurisdiction[$0] == name }
                means.append(members.reduce(0) { $0 + weights[0][$1] } / Double(max(1, members.count)))
            }
            var stats: [GridStats] = []
            var parts: [Int] = []
            for g in 0..<k {
                let shape = map.shapes[g]
                let area = try geometry(config.gridsPath) { () throws(GeometryError) in try engine.area(shape) }
                let perimeter = try geometry(config.gridsPath) { () throws(GeometryError) in try engine.perimeter(shape) }
                let j = map.jurisdictionNames.firstIndex(of: map.jurisdiction[g]) ?? 0
                let mean = means.indices.contains(j) ? means[j] : 0
                let w = (0..<names.count).map { weights[$0][g] }
                stats.append(
                    GridStats(
                        gridID: map.ids[g], gridCode: map.ids[g], jurisdiction: map.jurisdiction[g], weights: w,
                        points: counts[g], units: map.featureCounts[g], areaKm2: area / 1e6, perimeterKm: perimeter / 1000,
                        polsbyPopper: Compactness.polsbyPopper(area: area, perimeter: perimeter),
                        deviation: mean > 0 ? (w[0] - mean) / mean : 0, exclaves: max(0, shape.polygons.count - 1)))
                parts.append(shape.polygons.count)
            }
            return MeasuredGrids(
                stats: stats, parts: parts, weightNames: names, pointGrid: pointGrid,
                pointsInside: counts.reduce(0, +), pointsOutside: outside, jurisdictionMeans: means)
        }
    }

}

/// Stage `coverage` of `evaluate`: overlaps between grids, and with `--boundary` the gaps and the grid
/// area outside it.
struct CoverageStage: ContextStage {
    let context: EvaluateContext

    static func run(_ map: GridMap, _ context: EvaluateContext) throws(PipelineError) -> Coverage {
        try CoverageStage(context: context).coverage(map)
    }

    private func coverage(_ map: GridMap) throws(PipelineError) -> Coverage {
        try stage("coverage", "checking how the grids tile the area") { () throws(PipelineError) -> Coverage in
            let file = config.gridsPath
            let union = try geometry(file) { () throws(GeometryError) in try engine.union(map.shapes) }
            let unionArea = try geometry(file) { () throws(GeometryError) in try engine.area(union) }
            var sum = 0.0
            for s in map.shapes { sum += try geometry(file) { () throws(GeometryError) in try engine.area(s) } }
            var result = Coverage(unionArea: unionArea, overlapArea: max(0, sum - unionArea))
            if let boundary = try readBoundary(workCRS: map.workCRS) {
                let path = config.boundaryPath ?? ""
                let b = try geometry(path) { () throws(GeometryError) in try engine.area(boundary) }
                let d = try geometry(path) { () throws(GeometryError) in try engine.symmetricDifferenceArea(boundary, union) }
                // |B∖U| + |U∖B| = d and |B| − |U| = |B∖U| − |U∖B|.
                result.gapArea = max(0, (d + b - unionArea) / 2)
                result.outsideArea = max(0, (d - b + unionArea) / 2)
                result.boundaryArea = b
                result.boundary = boundary
            }
            return result
        }
    }

    /// The boundary (`--boundary`) as one valid shape in the work CRS; nil without `--boundary`.
    private func readBoundary(workCRS: String) throws(PipelineError) -> MultiPolygon? {
        guard let path = config.boundaryPath else { return nil }
        let doc = try readFeatures(path)
        let crs = try context.resolveCRS(declared: config.boundaryCRS ?? config.inputCRS, fileCRS: doc.crs, file: path)
        var parts: [MultiPolygon] = []
        for f in doc.features {
            guard let g = f.geometry else { continue }
            guard let shape = g.multiPolygon else {
                throw PipelineError.data(
                    "\(path): feature \(f.index) is a point; a boundary must be Polygon or MultiPolygon (line \(f.line))")
            }
            try CoordinateCheck.checkShape(shape, crs: crs, file: path, feature: f.index)
            parts.append(try context.project(shape, from: crs, to: workCRS, file: path, feature: f.index))
        }
        guard !parts.isEmpty else { throw PipelineError.data("\(path): no Polygon or MultiPolygon feature") }
        return parts.count == 1 ? parts[0] : try geometry(path) { () throws(GeometryError) in try engine.union(parts) }
    }
}
