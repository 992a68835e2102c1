import GridGeometry
import GridIO
import GridModel

/// What changed between an earlier grid map (`--previous`) and the one evaluated.
struct MapChange {
    static let definition = """
        Each point inside a grid of the evaluated map is located in the earlier map. Grids are matched one to one \
        with earlier grids by the primary weight they share, heaviest pairs first (ties by position). A point's weight \
        changed grid when its grid is matched to no earlier grid or to another earlier grid than the one holding it \
        (a point in no earlier grid counts as changed). changed_weight_share = changed weight / weight of all points \
        inside the evaluated grids. changed_area_km2 = area of the evaluated grids not covered by their matched earlier grid.
        """
    var file: String
    var idField: String
    var earlierGrids: Int
    var matchedGrids: Int
    /// Matched pairs whose ids are equal.
    var sameIDMatches: Int
    var changedPoints: Int
    var comparedPoints: Int
    var changedWeightShare: Double
    var changedAreaKm2: Double
    /// Earlier id matched to each grid, "" for a grid with no earlier match.
    var earlierID: [String]
    /// Earlier grid outlines in the work CRS, for the map.
    var earlierShapes: [MultiPolygon]
}

extension EvaluateRun {
    /// Compares the map with `--previous`; nil without it.
    func compare(_ map: GridMap, points: PointTable?, measured: MeasuredGrids) throws(PipelineError) -> MapChange? {
        guard let path = config.previousPath else { return nil }
        return try stage("compare", "comparing with \(path)") { () throws(PipelineError) -> MapChange in
            let doc = try readFeatures(path)
            let crs = try InputCRS.resolve(declared: config.inputCRS, fileCRS: doc.crs, file: path, warn: warn)
            let field = config.previousIdField
                ?? (doc.features.contains { $0[property: config.gridIdField] != nil } ? config.gridIdField : "grid_id")
            var label: [String: Int] = [:]  // lookups only
            var ids: [String] = []
            var featureLabel: [Int] = []
            var featureShapes: [MultiPolygon] = []
            for f in doc.features {
                guard let g = f.geometry else { continue }
                guard let shape = g.multiPolygon else {
                    throw PipelineError(.data, "\(path): feature \(f.index) is a point; an earlier grid map must be polygons (line \(f.line))")
                }
                guard let id = f[property: field]?.text, !id.isEmpty else {
                    throw PipelineError(.data, "\(path): feature \(f.index) has no value for \(field) (line \(f.line)); name the earlier map's grid property with --previous-id")
                }
                try CoordinateCheck.checkShape(shape, crs: crs, file: path, feature: f.index)
                if label[id] == nil {
                    label[id] = ids.count
                    ids.append(id)
                }
                featureLabel.append(label[id] ?? 0)
                let projected = try geometry(path) { () throws(GeometryError) in try engine.transform(shape, from: crs, to: map.workCRS) }
                featureShapes.append(try repair(projected, file: path, feature: f.index))
            }
            guard !ids.isEmpty else { throw PipelineError(.data, "\(path): no Polygon or MultiPolygon feature") }
            // Shared weight per (grid, earlier label) pair, from the points inside the evaluated grids.
            let k = map.ids.count, labels = ids.count
            var shared = Array(repeating: 0.0, count: k * labels)
            var pointLabel: [Int32] = []
            if let p = points, p.count > 0 {
                let located = try geometry(path) { () throws(GeometryError) in
                    try GridLocator.points(x: p.x, y: p.y, in: featureShapes, engine: engine)
                }
                pointLabel = located.map { $0 >= 0 ? Int32(featureLabel[Int($0)]) : -1 }
                for i in 0..<p.count where measured.pointGrid[i] >= 0 && pointLabel[i] >= 0 {
                    shared[Int(measured.pointGrid[i]) * labels + Int(pointLabel[i])] += Self.weight(p, i)
                }
            }
            let matched = Self.matchHeaviest(shared: shared, grids: k, labels: labels, ids: map.ids, earlierIDs: ids)
            var changedPoints = 0, compared = 0
            var changedWeight = 0.0, totalWeight = 0.0
            if let p = points {
                for i in 0..<p.count where !measured.pointGrid.isEmpty && measured.pointGrid[i] >= 0 {
                    let w = Self.weight(p, i)
                    compared += 1
                    totalWeight += w
                    if matched[Int(measured.pointGrid[i])] != Int(pointLabel[i]) || pointLabel[i] < 0 {
                        changedPoints += 1
                        changedWeight += w
                    }
                }
            }
            var changedArea = 0.0
            for g in 0..<k {
                let a = try geometry(config.gridsPath) { () throws(GeometryError) in try engine.area(map.shapes[g]) }
                guard matched[g] >= 0 else {
                    changedArea += a
                    continue
                }
                let parts = featureShapes.indices.filter { featureLabel[$0] == matched[g] }.map { featureShapes[$0] }
                let earlier = parts.count == 1 ? parts[0] : try geometry(path) { () throws(GeometryError) in try engine.union(parts) }
                let b = try geometry(path) { () throws(GeometryError) in try engine.area(earlier) }
                let d = try geometry(path) { () throws(GeometryError) in try engine.symmetricDifferenceArea(map.shapes[g], earlier) }
                changedArea += max(0, (d + a - b) / 2)  // |A∖B|
            }
            let earlierID = matched.map { $0 >= 0 ? ids[$0] : "" }
            return MapChange(
                file: path, idField: field, earlierGrids: labels, matchedGrids: matched.filter { $0 >= 0 }.count,
                sameIDMatches: zip(earlierID, map.ids).filter { $0.0 == $0.1 }.count,
                changedPoints: changedPoints, comparedPoints: compared,
                changedWeightShare: totalWeight > 0 ? changedWeight / totalWeight : 0, changedAreaKm2: changedArea / 1e6,
                earlierID: earlierID, earlierShapes: featureShapes)
        }
    }

    private static func weight(_ p: PointTable, _ i: Int) -> Double {
        p.weights.isEmpty ? 1 : p.weights[0][i]
    }

    /// One-to-one matching of grids to earlier labels by shared weight, heaviest pairs first; grids
    /// sharing no weight with any label fall back to an unused earlier grid of the same id.
    /// - Returns: the earlier label of each grid, −1 for none.
    /// - Complexity: O(P log P) for P pairs with shared weight.
    static func matchHeaviest(shared: [Double], grids k: Int, labels: Int, ids: [String], earlierIDs: [String]) -> [Int] {
        var label = GridMatching.heaviestPairs(shared: shared, grids: k, labels: labels)
        var taken = Array(repeating: false, count: labels)
        for l in label where l >= 0 { taken[l] = true }
        for g in 0..<k where label[g] < 0 {
            if let l = earlierIDs.firstIndex(of: ids[g]), !taken[l] {
                label[g] = l
                taken[l] = true
            }
        }
        return label
    }
}

/// Which of a set of polygons (metres) holds each point; −1 for none.
enum GridLocator {
    static func points(x: [Double], y: [Double], in shapes: [MultiPolygon], engine: GeometryEngine) throws(GeometryError) -> [Int32] {
        let n = shapes.count
        let zeros = Array(repeating: 0.0, count: n)
        let set = UnitSet(
            shapes: shapes, jurisdiction: Array(repeating: 0, count: n), area: zeros, perimeter: zeros,
            centroidX: zeros, centroidY: zeros, names: Array(repeating: "", count: n),
            offsets: Array(repeating: 0, count: n + 1), neighbors: [], sharedLength: [])
        return try engine.assignPoints(x: x, y: y, units: set, lattice: nil)
    }
}
