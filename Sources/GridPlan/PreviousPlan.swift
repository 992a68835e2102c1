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
    /// Label per current unit, −1 where the unit lay in no earlier grid.
    var unitLabel: [Int32]
    /// How the labels were found: "unit_id" (matched by name) or "location" (unit centroids).
    var method: String

    /// Reads an earlier `units.geojson` or `grids.geojson` and labels the current units with it.
    static func read(
        path: String, units: UnitSet, workCRS: String, engine: GeometryEngine
    ) throws(PipelineError) -> PreviousPlan {
        let doc: GeoJSONDocument
        do {
            doc = try GeoJSONReader.readFeatures(path: path)
        } catch {
            throw PipelineError(error)
        }
        var labelOf: [String: Int] = [:]
        var ids: [String] = []
        var codes: [String: String] = [:]
        var featureGrid: [Int] = []
        for f in doc.features {
            guard let id = f[property: "grid_id"]?.text, !id.isEmpty else {
                throw PipelineError(.data, "\(path): feature \(f.index) has no grid_id; --previous takes an earlier units.geojson or grids.geojson (line \(f.line))")
            }
            if labelOf[id] == nil {
                labelOf[id] = ids.count
                ids.append(id)
            }
            if let code = f[property: "grid_code"]?.text { codes[id] = code }
            featureGrid.append(labelOf[id] ?? -1)
        }
        guard !ids.isEmpty else { throw PipelineError(.data, "\(path): no grids in the earlier plan") }
        // Labels are the sorted ids, so nothing depends on the file's order.
        let sorted = ids.sorted()
        var relabel = Array(repeating: 0, count: ids.count)
        for (newLabel, id) in sorted.enumerated() { relabel[labelOf[id] ?? 0] = newLabel }
        featureGrid = featureGrid.map { $0 >= 0 ? relabel[$0] : -1 }

        // 1. By unit name, when the earlier file lists units and every current unit is in it.
        var byName: [String: Int] = [:]
        for (i, f) in doc.features.enumerated() {
            if let name = f[property: "unit_id"]?.text { byName[name] = featureGrid[i] }
        }
        if !byName.isEmpty, units.names.allSatisfy({ byName[$0] != nil }) {
            let labels = units.names.map { Int32(byName[$0] ?? -1) }
            return PreviousPlan(gridIDs: sorted, gridCodes: sorted.map { codes[$0] ?? "" }, unitLabel: labels, method: "unit_id")
        }
        // 2. By location: the earlier shape holding each current unit's centroid.
        var shapes: [MultiPolygon] = []
        do throws(GeometryError) {
            for f in doc.features {
                guard let m = f.geometry?.multiPolygon else {
                    throw GeometryError("feature \(f.index) is not a polygon")
                }
                shapes.append(try engine.transform(m, from: "EPSG:4326", to: workCRS))
            }
            let located = try GridLocator.points(x: units.centroidX, y: units.centroidY, in: shapes, engine: engine)
            let labels = located.map { $0 >= 0 ? Int32(featureGrid[Int($0)]) : -1 }
            return PreviousPlan(gridIDs: sorted, gridCodes: sorted.map { codes[$0] ?? "" }, unitLabel: labels, method: "location")
        } catch {
            throw PipelineError(geometry: error, file: path)
        }
    }

    /// Matches new grids to earlier labels by the weight they share, heaviest pairs first, one to one.
    /// - Returns: the earlier label of each new grid, or −1 for a grid that is new.
    func match(assignment: [Int32], gridCount: Int, weights: [Double]) -> [Int] {
        let labels = gridIDs.count
        var shared = Array(repeating: 0.0, count: gridCount * labels)
        for u in 0..<assignment.count where unitLabel[u] >= 0 {
            // Zero-weight units still count a little, so empty land keeps its grid's id.
            shared[Int(assignment[u]) * labels + Int(unitLabel[u])] += max(weights[u], 1e-9)
        }
        return GridMatching.heaviestPairs(shared: shared, grids: gridCount, labels: labels)
    }

    /// Units and weight share that changed grid: a unit changed when its new grid does not carry its earlier label.
    func changes(assignment: [Int32], gridLabel: [Int], weights: [Double]) -> (units: Int, weightShare: Double) {
        var changed = 0
        var moved = 0.0, total = 0.0
        for u in 0..<assignment.count {
            total += weights[u]
            if gridLabel[Int(assignment[u])] != Int(unitLabel[u]) {
                changed += 1
                moved += weights[u]
            }
        }
        return (changed, total > 0 ? moved / total : 0)
    }
}
