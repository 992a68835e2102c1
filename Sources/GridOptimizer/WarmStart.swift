/// Maps a previous plan's labels onto one jurisdiction's grids.
///
/// The K_j labels carrying the most weight in the jurisdiction (ties: more units, then the lower
/// label) become grids 0..<K_j in ascending label order. Units with another label or none join the
/// nearest labelled unit by graph distance. Grids no label maps to get a single unit, the one of
/// the heaviest grid farthest from its centre, and grow in the search.
struct WarmStart {
    /// Per local unit: the mapped grid, or -1 (the cost reference of the search).
    let previous: [Int32]
    /// A complete assignment to start from.
    let assignment: [Int32]
    /// Per grid: the previous label it continues, or -1.
    let gridLabel: [Int32]

    /// Builds the mapping, or returns nil when no unit of the jurisdiction has a label.
    /// - Complexity: O(n log n + m).
    init?(graph: WorkGraph, gridCount: Int, labels: [Int32]) {
        let n = graph.unitCount
        let labelled = (0..<n).filter { labels[$0] >= 0 }
        guard !labelled.isEmpty else { return nil }
        let sorted = labelled.sorted { labels[$0] < labels[$1] || (labels[$0] == labels[$1] && $0 < $1) }
        // Distinct labels with their totals, in label order.
        var distinct: [(label: Int32, weight: Double, units: Int)] = []
        for u in sorted {
            if let last = distinct.last, last.label == labels[u] {
                distinct[distinct.count - 1].weight += graph.weight[u]
                distinct[distinct.count - 1].units += 1
            } else {
                distinct.append((labels[u], graph.weight[u], 1))
            }
        }
        let ranked = distinct.sorted {
            $0.weight > $1.weight || ($0.weight == $1.weight && ($0.units > $1.units || ($0.units == $1.units && $0.label < $1.label)))
        }
        let chosen = ranked.prefix(gridCount).map(\.label).sorted()
        var gridLabel = [Int32](repeating: -1, count: gridCount)
        for (g, label) in chosen.enumerated() { gridLabel[g] = label }
        var previous = [Int32](repeating: -1, count: n)
        for u in labelled {
            var lo = 0
            var hi = chosen.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if chosen[mid] < labels[u] { lo = mid + 1 } else { hi = mid }
            }
            if lo < chosen.count, chosen[lo] == labels[u] { previous[u] = Int32(lo) }
        }
        // Unlabelled units join the nearest labelled unit (multi-source BFS).
        var assignment = previous
        var queue = (0..<n).filter { assignment[$0] >= 0 }.map { Int32($0) }
        graph.flood(&queue) { u, v in
            guard assignment[v] < 0 else { return false }
            assignment[v] = assignment[u]
            return true
        }
        for u in 0..<n where assignment[u] < 0 { assignment[u] = 0 }  // unreachable: graph is connected
        // Grids without a label: seed each with one unit of the heaviest grid.
        if chosen.count < gridCount {
            assignment = WarmStart.seedGrids(chosen.count..<gridCount, assignment: assignment, graph: graph, gridCount: gridCount)
        }
        self.previous = previous
        self.assignment = assignment
        self.gridLabel = gridLabel
    }

    /// Gives each grid of `empty` one unit: of the heaviest grid with several units, the one
    /// farthest from its area centroid that can leave it without splitting it.
    /// - Complexity: O(|empty| · (n + K)) plus contiguity checks.
    static func seedGrids(_ empty: Range<Int>, assignment: [Int32], graph: WorkGraph, gridCount: Int) -> [Int32] {
        let n = graph.unitCount
        var partition = Partition(graph: graph, gridCount: gridCount, assignment: assignment)
        for g in empty {
            var heaviest = 0
            for h in 0..<gridCount where partition.unitCount[h] > 1 {
                if partition.unitCount[heaviest] <= 1 || partition.weight[h] > partition.weight[heaviest] {
                    heaviest = h
                }
            }
            guard partition.unitCount[heaviest] > 1 else { break }
            let a = max(partition.area[heaviest], 1e-12)
            let cx = partition.momentX[heaviest] / a
            let cy = partition.momentY[heaviest] / a
            var best = -1
            var bestDistance = -1.0
            for u in 0..<n where partition.assignment[u] == Int32(heaviest) {
                let dx = graph.x[u] - cx
                let dy = graph.y[u] - cy
                let d = dx * dx + dy * dy
                if d > bestDistance, partition.canRemove(u) {
                    bestDistance = d
                    best = u
                }
            }
            guard best >= 0 else { break }
            partition.move(best, to: Int32(g))
        }
        return partition.assignment
    }
}
