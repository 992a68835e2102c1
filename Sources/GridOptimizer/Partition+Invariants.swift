/// A broken invariant of a `Partition`, described for a test failure message.
struct PartitionInvariantViolation: Error, CustomStringConvertible {
    /// What is wrong.
    let description: String
}

extension Partition {
    /// Checks every invariant and throws the first violation found.
    ///
    /// Every unit is assigned exactly one grid in range; every tally equals a recomputation (within
    /// 1e-6 relative); every non-empty grid is connected (island links count); every centre is in
    /// its own grid; no grid is light land alone.
    /// - Complexity: O(n + m).
    func checkInvariants() throws(PartitionInvariantViolation) {
        guard assignment.count == graph.unitCount else {
            throw PartitionInvariantViolation(description: "assignment has \(assignment.count) entries for \(graph.unitCount) units")
        }
        for (u, g) in assignment.enumerated() where g < 0 || Int(g) >= gridCount {
            throw PartitionInvariantViolation(description: "unit \(u) has grid \(g), outside 0..<\(gridCount)")
        }
        let t = Partition.tallies(graph: graph, gridCount: gridCount, assignment: assignment)
        func close(_ a: Double, _ b: Double, scale: Double) -> Bool {
            abs(a - b) <= 1e-6 * max(scale, abs(a), abs(b))
        }
        let totalWeight = max(1e-12, graph.weight.reduce(0, +))
        let totalArea = max(1e-12, graph.area.reduce(0, +))
        let totalPerimeter = max(1e-12, graph.perimeter.reduce(0, +))
        // |Σ area·x| of any grid is at most the total area times the largest |coordinate|.
        let extent = zip(graph.x, graph.y).reduce(0.0) { max($0, abs($1.0), abs($1.1)) }
        let momentScale = max(1, totalArea * extent)
        for g in 0..<gridCount {
            if t.unitCount[g] != unitCount[g] {
                throw PartitionInvariantViolation(description: "grid \(g) counts \(unitCount[g]) units, recount \(t.unitCount[g])")
            }
            let checks: [(String, Double, Double, Double)] = [
                ("weight", weight[g], t.weight[g], totalWeight),
                ("area", area[g], t.area[g], totalArea),
                ("perimeter", perimeter[g], t.perimeter[g], totalPerimeter),
                ("momentX", momentX[g], t.momentX[g], momentScale),
                ("momentY", momentY[g], t.momentY[g], momentScale),
            ]
            let s = graph.secondaryCount
            for k in 0..<s where !close(secondary[g * s + k], t.secondary[g * s + k], scale: 1) {
                throw PartitionInvariantViolation(
                    description: "grid \(g) further weight \(k) tally \(secondary[g * s + k]) but recomputation \(t.secondary[g * s + k])")
            }
            for (name, kept, fresh, scale) in checks where !close(kept, fresh, scale: scale) {
                throw PartitionInvariantViolation(description: "grid \(g) \(name) tally \(kept) but recomputation \(fresh)")
            }
        }
        let solid = Partition.solidCounts(gridCount: gridCount, assignment: assignment, isLight: isLight)
        for g in 0..<gridCount where solid[g] != solidCount[g] {
            throw PartitionInvariantViolation(description: "grid \(g) counts \(solidCount[g]) solid units, recount \(solid[g])")
        }
        for g in 0..<gridCount where unitCount[g] > 0 && solid[g] == 0 {
            throw PartitionInvariantViolation(description: "grid \(g) is only land too light to be a grid")
        }
        for g in 0..<gridCount where centre[g] >= 0 && assignment[Int(centre[g])] != Int32(g) {
            throw PartitionInvariantViolation(description: "centre unit \(centre[g]) of grid \(g) is in grid \(assignment[Int(centre[g])])")
        }
        let parts = gridParts()
        var partsPerGrid = [Int](repeating: 0, count: gridCount)
        for g in parts.partGrid { partsPerGrid[Int(g)] += 1 }
        for g in 0..<gridCount where partsPerGrid[g] > 1 {
            throw PartitionInvariantViolation(description: "grid \(g) falls apart into \(partsPerGrid[g]) parts")
        }
    }
}
