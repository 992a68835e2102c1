extension LocalSearch {
    /// Sweeps over all units in a seeded order, moving each boundary unit to the neighbouring grid
    /// that lowers the energy most, until a sweep moves nothing or `maxSweeps` is reached.
    /// - Returns: the number of moves made.
    /// - Complexity: O(maxSweeps · (m + moves · contiguity check)).
    @discardableResult
    mutating func greedy(maxSweeps: Int) -> Int {
        let n = partition.graph.unitCount
        var order = Array(0..<Int32(n))
        for i in stride(from: n - 1, to: 0, by: -1) {
            order.swapAt(i, rng.nextIndex(i + 1))
        }
        var total = 0
        for _ in 0..<maxSweeps {
            var moved = 0
            for ui in order {
                let u = Int(ui)
                if partition.isCentre[u] { continue }
                let g = partition.assignment[u]
                if partition.unitCount[Int(g)] <= 1 { continue }
                let lo = Int(partition.graph.offsets[u])
                let hi = Int(partition.graph.offsets[u + 1])
                var best: Int32 = -1
                var bestDelta = -1e-12
                for e in lo..<hi {
                    let h = partition.assignment[Int(partition.graph.neighbors[e])]
                    if h == g { continue }
                    var seen = false
                    for f in lo..<e where partition.assignment[Int(partition.graph.neighbors[f])] == h {
                        seen = true
                        break
                    }
                    if seen { continue }
                    iterations += 1
                    let d = delta(u, to: h)
                    if d.penalty > 1e-12 { continue }
                    let change = d.shape + d.penalty + d.soft
                    if change < bestDelta {
                        bestDelta = change
                        best = h
                    }
                }
                if best >= 0, partition.canRemove(u) {
                    apply(u, to: best)
                    moved += 1
                }
                if outOfTime() { return total + moved }
            }
            total += moved
            if moved == 0 { break }
        }
        return total
    }
}
