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

/// Stage `compare` of `evaluate`: what changed since the earlier map (`--previous`).
struct CompareStage: ContextStage {
    let context: EvaluateContext

    /// Compares the map with `--previous`; nil without it.
    static func run(_ map: GridMap, points: PointFile?, measured: MeasuredGrids, _ context: EvaluateContext) throws(PipelineError)
        -> MapChange?
    {
        try CompareStage(context: context).compare(map, points: points?.table, measured: measured)
    }

    private func compare(_ map: GridMap, points: PointTable?, measured: MeasuredGrids) throws(PipelineError) -> MapChange? {
        guard let path = config.previousPath else { return nil }
        return try stage("compare", "comparing with \(path)") { () throws(PipelineError) -> MapChange in
            let earlier = try EarlierMap.read(
                path, idField: config.previousIdField, fallbackIDField: config.gridIdField, crs: config.inputCRS,
                context: context, missingID: "name the earlier map's grid property with --previous-id")
            let field = earlier.idField
            var label: [String: Int] = [:]  // lookups only
            var ids: [String] = []
            var featureLabel: [Int] = []
            for f in earlier.features {
                if label[f.gridID] == nil {
                    label[f.gridID] = ids.count
                    ids.append(f.gridID)
                }
                featureLabel.append(label[f.gridID] ?? 0)
            }
            let featureShapes = try earlier.shapes(in: map.workCRS, context: context)
            // Shared weight per (grid, earlier label) pair, from the points inside the evaluated grids.
            let k = map.ids.count, labels = ids.count
            var shared = Array(repeating: 0.0, count: k * labels)
            var pointLabel: [Int?] = []
            if let p = points, p.count > 0 {
                let located = try geometry(path) { () throws(GeometryError) in
                    try GridLocator.points(x: p.x, y: p.y, in: featureShapes, engine: engine)
                }
                pointLabel = located.map { $0 >= 0 ? featureLabel[Int($0)] : nil }
                for i in 0..<p.count {
                    guard let g = measured.pointGrid[i], let l = pointLabel[i] else { continue }
                    shared[g.index * labels + l] += Self.weight(p, i)
                }
            }
            let matched = Self.matchHeaviest(shared: shared, grids: k, labels: labels, ids: map.ids, earlierIDs: ids)
            var changedPoints = 0, compared = 0
            var changedWeight = 0.0, totalWeight = 0.0
            if let p = points {
                for i in 0..<p.count where !measured.pointGrid.isEmpty {
                    guard let g = measured.pointGrid[i] else { continue }
                    let w = Self.weight(p, i)
                    compared += 1
                    totalWeight += w
                    if pointLabel[i] == nil || matched[g.index] != pointLabel[i] {
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
