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
        // Units without a neighbour in another grid have no move; the set, kept up to date after
        // every move, skips them without reading their neighbours (most units, every sweep).
        var boundary = BoundarySet(partition)
        for _ in 0..<maxSweeps {
            var moved = 0
            for ui in order {
                let u = Int(ui)
                if !boundary.contains(u) || partition.isCentre[u] { continue }
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
                    boundary.update(around: u, partition)
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

extension LocalSearch {
    /// Moves all pieces of a block that one grid holds into a neighbouring grid at once, wherever that
    /// lowers the energy, keeps both grids connected and raises no balance penalty (a grid inside the
    /// wall stays inside). Rounds over the blocks in order of their lowest unit until one moves nothing
    /// or `maxRounds` is reached.
    ///
    /// Why: a block cut into pieces is undone one piece at a time by the other refiners, and every
    /// intermediate step lays a new cut through the block, which costs far more per metre than an edge
    /// on a street, so the search stays where it is. Centres never move. When the move alone would take
    /// a grid beyond the wall, a few units of the receiving grid next to the block go back to the giving
    /// grid (`trialChange`): without them, Chicago's blocks (a ±1 % wall) refused 512 of 560 improving moves.
    /// - Parameter blocks: block id per unit (equal ids: pieces of one block).
    /// - Returns: the number of groups of pieces moved.
    /// - Complexity: O(rounds · Σ over split blocks of (pieces · degree + grid size) per neighbouring grid).
    @discardableResult
    mutating func moveBlocks(_ blocks: [Int32], maxRounds: Int = 4) -> Int {
        let groups = Self.blockGroups(blocks)
        var total = 0
        for _ in 0..<maxRounds {
            var moved = 0
            for pieces in groups {
                var grids: [Int32] = []
                for u in pieces where !grids.contains(partition.assignment[Int(u)]) {
                    grids.append(partition.assignment[Int(u)])
                }
                for g in grids {
                    let held = pieces.filter { partition.assignment[Int($0)] == g }
                    if tryMoveBest(held, from: g) { moved += 1 }
                }
                if outOfTime() { return total + moved }
            }
            total += moved
            if moved == 0 { break }
        }
        return total
    }

    /// Units of every block with at least two units, in order of each block's lowest unit.
    static func blockGroups(_ blocks: [Int32]) -> [[Int32]] {
        var index: [Int32: Int] = [:]
        var groups: [[Int32]] = []
        for (u, b) in blocks.enumerated() {
            if let i = index[b] {
                groups[i].append(Int32(u))
            } else {
                index[b] = groups.count
                groups.append([Int32(u)])
            }
        }
        return groups.filter { $0.count > 1 }
    }

    /// Moves `held` (units of grid `g`) to the neighbouring grid where the energy falls most, if any.
    /// - Returns: whether they moved.
    mutating func tryMoveBest(_ held: [Int32], from g: Int32) -> Bool {
        if held.contains(where: { partition.isCentre[Int($0)] }) { return false }
        if held.count >= Int(partition.unitCount[Int(g)]) { return false }
        var targets: [Int32] = []
        for u in held {
            for e in Int(partition.graph.offsets[Int(u)])..<Int(partition.graph.offsets[Int(u) + 1]) {
                let h = partition.assignment[Int(partition.graph.neighbors[e])]
                if h != g, !targets.contains(h) { targets.append(h) }
            }
        }
        var best: (h: Int32, extra: [Int32]) = (-1, [])
        var bestChange = -1e-9
        for h in targets {
            iterations += held.count
            if let trial = trialChange(held, from: g, to: h), trial.change < bestChange {
                bestChange = trial.change
                best = (h, trial.extra)
            }
        }
        guard best.h >= 0 else { return false }
        for u in held { partition.move(Int(u), to: best.h) }
        for v in best.extra { partition.move(Int(v), to: g) }
        onMove?(partition)
        return true
    }

    /// Energy change of moving `held` from grid `g` to grid `h` — with, when that alone would raise a
    /// balance penalty, up to `maxHandBack` units of `h` next to the block handed back to `g` (`extra`) — or nil
    /// when the move would raise a balance penalty, leave `g` without units outside light land, or split
    /// `g` or `h`. The partition is left as it was.
    mutating func trialChange(_ held: [Int32], from g: Int32, to h: Int32, maxHandBack: Int = 6)
        -> (change: Double, extra: [Int32])?
    {
        var change = 0.0
        var penalty = 0.0
        for u in held {
            let d = delta(Int(u), to: h)
            change += d.shape + d.penalty + d.soft
            penalty += d.penalty
            partition.move(Int(u), to: h)
        }
        var extra: [Int32] = []
        while penalty > 1e-12, extra.count < maxHandBack, let back = bestReturn(near: held, from: h, to: g) {
            extra.append(back.unit)
            change += back.change
            penalty += back.penalty
            partition.move(Int(back.unit), to: g)
        }
        let allowed =
            penalty <= 1e-12 && change < -1e-9 && partition.solidCount[Int(g)] > 0
            && partition.isConnected(grid: h, from: Int(held[0])) && partition.isConnected(grid: g)
        for v in extra.reversed() { partition.move(Int(v), to: h) }
        for u in held.reversed() { partition.move(Int(u), to: g) }
        return allowed ? (change, extra) : nil
    }

    /// The unit of grid `h` among the neighbours of `held` and theirs (not `held`, no centre) that,
    /// moved to grid `g` next to it, lowers the balance penalty at the lowest energy change, with that
    /// change and its penalty change; nil when none does.
    func bestReturn(near held: [Int32], from h: Int32, to g: Int32)
        -> (unit: Int32, change: Double, penalty: Double)?
    {
        let graph = partition.graph
        var ring = held
        for round in 0..<2 {
            let last = ring
            for w in last where round == 0 || !held.contains(w) {
                for e in Int(graph.offsets[Int(w)])..<Int(graph.offsets[Int(w) + 1]) {
                    let v = graph.neighbors[e]
                    if partition.assignment[Int(v)] == h, !ring.contains(v) { ring.append(v) }
                }
            }
        }
        var best: (unit: Int32, change: Double, penalty: Double)? = nil
        for v in ring where !held.contains(v) && !partition.isCentre[Int(v)] {
            let (sg, _) = partition.sharedWith(Int(v), g, h)
            guard sg > 0 else { continue }
            let d = delta(Int(v), to: g)
            let change = d.shape + d.penalty + d.soft
            if d.penalty < -1e-12, change < best?.change ?? .infinity { best = (v, change, d.penalty) }
        }
        return best
    }
}
