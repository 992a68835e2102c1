import GridGeometry
import GridIO
import GridModel

/// An earlier plan (`--previous`): its grid label per current unit, the ids those labels stand for,
/// and the matching of new grids to old ones so that grid ids stay with the grids they mostly were.
struct PreviousPlan {
    /// Earlier `grid_id` of each label, sorted (label = index).
    var gridIDs: [String]
    /// Earlier `grid_code` of each label ("" when the file had none).
    var gridCodes: [String]
    /// Label (index into `gridIDs`) per current unit, −1 where the unit lay in no earlier grid.
    var unitLabel: [Int]
    /// How the labels were found: "unit_id" (matched by name) or "location" (largest shared area).
    var method: String

    /// Labels the current units with an earlier `units.geojson` or `grids.geojson`: by unit name when
    /// the earlier file lists every current unit, else by the earlier shape holding most of each unit's area.
    static func label(
        _ map: EarlierMap, units: UnitSet, workCRS: String, context: PartitionContext
    ) throws(PipelineError) -> PreviousPlan {
        var labelOf: [String: Int] = [:]  // lookups only
        var ids: [String] = []
        var codes: [String: String] = [:]  // lookups only
        var featureGrid: [Int] = []
        for f in map.features {
            if labelOf[f.gridID] == nil {
                labelOf[f.gridID] = ids.count
                ids.append(f.gridID)
            }
            if let code = f.gridCode { codes[f.gridID] = code }
            featureGrid.append(labelOf[f.gridID] ?? -1)
        }
        // Labels are the sorted ids, so nothing depends on the file's order.
        let sorted = ids.sorted()
        var relabel = Array(repeating: 0, count: ids.count)
        for (newLabel, id) in sorted.enumerated() { relabel[labelOf[id] ?? 0] = newLabel }
        featureGrid = featureGrid.map { $0 >= 0 ? relabel[$0] : -1 }
        let gridCodes = sorted.map { codes[$0] ?? "" }

        // 1. By unit name, when the earlier file lists units and every current unit is in it.
        var byName: [String: Int] = [:]  // lookups only
        for (i, f) in map.features.enumerated() {
            if let name = f.unitID { byName[name] = featureGrid[i] }
        }
        if !byName.isEmpty, units.names.allSatisfy({ byName[$0] != nil }) {
            let labels = units.names.map { byName[$0] ?? -1 }
            return PreviousPlan(gridIDs: sorted, gridCodes: gridCodes, unitLabel: labels, method: "unit_id")
        }
        // 2. By location: the earlier grid holding most of each unit's area (a map drawn elsewhere,
        //    e.g. the bureau's hand-drawn Shapefile, shares no unit names with ours).
        let shapes = try map.shapes(in: workCRS, context: context)
        let overlap = try context.geometry(map.path) { () throws(GeometryError) in
            try context.engine.largestOverlap(units.shapes, in: shapes)
        }
        let labels = overlap.map { $0.index >= 0 ? featureGrid[Int($0.index)] : -1 }
        return PreviousPlan(gridIDs: sorted, gridCodes: gridCodes, unitLabel: labels, method: "location")
    }

    /// Matches new grids to earlier labels by the weight they share, heaviest pairs first, one to one.
    /// - Returns: the earlier label of each new grid, or −1 for a grid that is new.
    func match(assignment: [GridID], gridCount: Int, weights: [Double]) -> [Int] {
        let labels = gridIDs.count
        var shared = Array(repeating: 0.0, count: gridCount * labels)
        for u in 0..<assignment.count where unitLabel[u] >= 0 {
            // Zero-weight units still count a little, so empty land keeps its grid's id.
            shared[assignment[u].index * labels + unitLabel[u]] += max(weights[u], 1e-9)
        }
        return GridMatching.heaviestPairs(shared: shared, grids: gridCount, labels: labels)
    }

    /// What changed against the earlier plan: a unit changed when its new grid does not carry its
    /// earlier label (a unit in no earlier grid always changed).
    func changes(assignment: [GridID], gridLabel: [Int], weights: [Double], areas: [Double]) -> UnitChanges {
        var changed = 0
        var moved = 0.0, total = 0.0, movedArea = 0.0, totalArea = 0.0
        var gridWeight = Array(repeating: 0.0, count: gridLabel.count), gridArea = gridWeight
        for u in 0..<assignment.count {
            let g = assignment[u].index
            total += weights[u]
            totalArea += areas[u]
            if gridLabel[g] != unitLabel[u] {
                changed += 1
                moved += weights[u]
                movedArea += areas[u]
                gridWeight[g] += weights[u]
                gridArea[g] += areas[u]
            }
        }
        return UnitChanges(
            units: changed, weightShare: total > 0 ? moved / total : 0, areaShare: totalArea > 0 ? movedArea / totalArea : 0,
            gridWeight: gridWeight, gridArea: gridArea)
    }
}

/// The units of a new plan that are not in their earlier grid, and their share of the weight and area.
struct UnitChanges {
    /// Units whose grid is not the one they were in.
    var units: Int
    /// Share of the primary weight in those units.
    var weightShare: Double
    /// Share of the area (the units' areas) in those units.
    var areaShare: Double
    /// Per new grid (optimizer index): the primary weight and area (m²) of its units that were in another
    /// earlier grid or none.
    var gridWeight: [Double]
    var gridArea: [Double]
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
