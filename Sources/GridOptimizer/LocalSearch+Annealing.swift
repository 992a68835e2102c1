extension LocalSearch {
    /// Simulated annealing over single boundary moves with a hard wall at the balance band.
    ///
    /// A proposal picks a random unit and a random neighbour in another grid. Moves that raise the
    /// balance penalty are refused; others are accepted by the Metropolis rule on shape + previous
    /// cost. The start temperature is set from the typical shape change of a move and cools
    /// geometrically by 1000× over `proposals`. The best state seen at a stage end is kept. In the
    /// cooler half, `patience` stage ends in a row without 0.01 % improvement of the best energy
    /// stop the search (the remaining stages only polish what the final greedy polishes anyway).
    /// - Complexity: O(proposals · degree) plus contiguity checks of accepted candidates.
    mutating func anneal(proposals: Int, stages: Int = 60, patience: Int = 3) {
        let n = partition.graph.unitCount
        guard n > 1, partition.gridCount > 1, proposals > 0 else { return }
        let t0 = startTemperature() * temperatureScale
        guard t0 > 0 else { return }
        let ratio = Math.geometricRatio(target: 1e-3, steps: stages)
        var temperature = t0
        let perStage = max(1, proposals / stages)
        var best = energy()
        var bestAssignment = partition.assignment
        var boundary = BoundarySet(partition)
        var idle = 0
        for stage in 0..<stages {
            for _ in 0..<perStage {
                iterations += 1
                if outOfTime() { break }
                guard let u = boundary.randomUnit(&rng) else { break }
                if partition.isCentre[u] { continue }
                if pickForeignNeighbour, let pick = foreignProposal(of: u) {
                    guard let v = pick.v else { continue }
                    propose(u, v, temperature: temperature, boundary: &boundary, shared: pick.shared)
                    continue
                }
                guard let v = proposalPartner(of: u) else { continue }
                propose(u, v, temperature: temperature, boundary: &boundary)
            }
            if timedOut { break }
            temperature *= ratio
            let now = energy()
            if now.penalty < best.penalty - 1e-12 || (now.penalty <= best.penalty + 1e-12 && now.rest < best.rest) {
                if now.rest < best.rest - 1e-4 * abs(best.rest) { idle = 0 } else { idle += 1 }
                best = now
                bestAssignment = partition.assignment
            } else {
                idle += 1
            }
            if idle >= patience, 2 * stage >= stages { break }
        }
        let now = energy()
        if best.penalty < now.penalty - 1e-12 || (best.penalty <= now.penalty + 1e-12 && best.rest < now.rest) {
            partition.reset(to: bestAssignment)
        }
    }

    /// The neighbour whose grid unit `u` is proposed to join: any neighbour (nil when it lies in
    /// u's own grid), or with `pickForeignNeighbour` one in another grid; nil when u's grid would
    /// be left empty.
    mutating func proposalPartner(of u: Int) -> Int? {
        let lo = Int(partition.graph.offsets[u])
        let degree = Int(partition.graph.offsets[u + 1]) - lo
        let g = partition.assignment[u]
        guard pickForeignNeighbour else {
            let v = Int(partition.graph.neighbors[lo + rng.nextIndex(degree)])
            return partition.assignment[v] == g || partition.unitCount[Int(g)] <= 1 ? nil : v
        }
        var foreign = 0
        for e in lo..<(lo + degree) where partition.assignment[Int(partition.graph.neighbors[e])] != g {
            foreign += 1
        }
        if foreign == 0 || partition.unitCount[Int(g)] <= 1 { return nil }
        var pick = rng.nextIndex(foreign)
        for e in lo..<(lo + degree) where partition.assignment[Int(partition.graph.neighbors[e])] != g {
            if pick == 0 { return Int(partition.graph.neighbors[e]) }
            pick -= 1
        }
        return nil
    }

    /// `proposalPartner(of: u)` with `pickForeignNeighbour`, in one pass over u's neighbours: the
    /// partner `v` (nil when there is none) with u's shared boundary with its own grid and with v's
    /// grid, summed as `Partition.sharedWith` does; nil (not a nil partner) when u has more than
    /// `maxDegree` neighbours, for the general path. Same random draws, same result.
    /// - Complexity: O(degree(u)).
    @inline(__always)
    mutating func foreignProposal(of u: Int) -> (v: Int?, shared: (Double, Double))? {
        let graph = partition.graph
        let lo = Int(graph.offsets[u])
        let degree = Int(graph.offsets[u + 1]) - lo
        guard degree <= Self.maxDegree else { return nil }
        let g = partition.assignment[u]
        // The grid of every neighbour is read once; the partner and both sums come from the copy.
        var grids = InlineArray<8, Int32>(repeating: 0)
        var foreign = 0
        var sg = 0.0
        for i in 0..<degree {
            let a = partition.assignment[Int(graph.neighbors[lo + i])]
            grids[i] = a
            if a == g { sg += graph.sharedLength[lo + i] } else { foreign += 1 }
        }
        if foreign == 0 || partition.unitCount[Int(g)] <= 1 { return (nil, (0, 0)) }
        var pick = rng.nextIndex(foreign)
        var chosen = -1
        for i in 0..<degree where grids[i] != g {
            if pick == 0 {
                chosen = i
                break
            }
            pick -= 1
        }
        let h = grids[chosen]
        var sh = 0.0
        for i in 0..<degree where grids[i] == h { sh += graph.sharedLength[lo + i] }
        return (Int(graph.neighbors[lo + chosen]), (sg, sh))
    }

    /// Neighbours `foreignProposal` handles in its fixed buffer (hexagons have six).
    static let maxDegree = 8

    /// One annealing proposal: unit `u` joins the grid of its neighbour `v` (or, with
    /// `swapShare`, the two exchange grids), accepted by the Metropolis rule at `temperature`
    /// unless the balance penalty would rise or a grid would split. `shared`: u's shared boundary
    /// with its own grid and with v's, when the caller has summed them already.
    mutating func propose(
        _ u: Int, _ v: Int, temperature: Double, boundary: inout BoundarySet, shared: (Double, Double)? = nil
    ) {
        let h = partition.assignment[v]
        if swapShare > 0, rng.nextUnit() < swapShare {
            if trySwap(u, v, temperature: temperature) {
                boundary.update(around: u, partition)
                boundary.update(around: v, partition)
            }
            return
        }
        // Balance first, from the grids' weights alone: a move it refuses (a quarter to a half of
        // them in the bench counties, whose grids sit at a ±1 % wall) needs no shapes.
        let g = partition.assignment[u]
        if penaltyChange(u, from: Int(g), to: Int(h)) > 1e-12 { return }
        let d = shared.map { delta(u, to: h, sharedWithOwn: $0.0, sharedWithTarget: $0.1) } ?? delta(u, to: h)
        let change = d.shape + d.soft + d.penalty
        if change > 0 {
            let ratio = change / temperature
            if ratio > 30 || rng.nextUnit() >= Math.expNegative(-ratio) { return }
        }
        guard partition.canRemove(u) else { return }
        apply(u, to: h)
        boundary.update(around: u, partition)
    }

    /// Proposes exchanging neighbours `u` (grid g) and `v` (grid h): u joins h and v joins g, so
    /// that heavy units can reshape two grids while their weights barely change. Accepted by the
    /// same rules as a single move; undone when the second half would split a grid.
    mutating func trySwap(_ u: Int, _ v: Int, temperature: Double) -> Bool {
        let g = partition.assignment[u]
        let h = partition.assignment[v]
        guard !partition.isCentre[u], !partition.isCentre[v], partition.unitCount[Int(h)] > 1 else { return false }
        let first = delta(u, to: h)
        partition.move(u, to: h)
        let second = delta(v, to: g)
        let change = first.shape + first.soft + second.shape + second.soft
        let penalty = first.penalty + second.penalty
        var accept = penalty <= 1e-12 && touches(v, Int(g))
        if accept, change > 0 {
            let ratio = change / temperature
            accept = ratio <= 30 && rng.nextUnit() < Math.expNegative(-ratio)
        }
        partition.move(u, to: g)
        guard accept, partition.canRemove(u) else { return false }
        apply(u, to: h)
        if partition.canRemove(v) {
            apply(v, to: g)
            return true
        }
        apply(u, to: g)
        return false
    }

    /// A temperature at which a typical worsening move is accepted with probability about 1/3:
    /// the mean |shape change| of up to 400 sampled boundary proposals.
    mutating func startTemperature() -> Double {
        let n = partition.graph.unitCount
        var sum = 0.0
        var count = 0
        var attempts = 0
        while count < 400, attempts < 40_000 {
            attempts += 1
            let u = rng.nextIndex(n)
            let lo = Int(partition.graph.offsets[u])
            let degree = Int(partition.graph.offsets[u + 1]) - lo
            if degree == 0 { continue }
            let g = partition.assignment[u]
            let h = partition.assignment[Int(partition.graph.neighbors[lo + rng.nextIndex(degree)])]
            if h == g || partition.unitCount[Int(g)] <= 1 { continue }
            sum += abs(delta(u, to: h).shape)
            count += 1
        }
        return count > 0 ? sum / Double(count) : 0
    }
}
