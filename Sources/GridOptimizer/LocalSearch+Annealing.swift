extension LocalSearch {
    /// Simulated annealing over single boundary moves with a hard wall at the balance band.
    ///
    /// A proposal moves a unit to the grid of a neighbour in another grid: drawn as a random boundary
    /// unit and then any neighbour (draws inside its own grid discarded), or with `drawCutPairs` as a
    /// random pair of neighbours in different grids (`CutEdgeSet`); both propose a unit's move to a
    /// grid as often as the unit has neighbours there. Moves that raise the balance penalty are
    /// refused; others are accepted by the Metropolis rule on shape + previous cost. The start
    /// temperature is set from the typical shape change of a move and cools geometrically by 1000×
    /// over `proposals`. The best state seen at a stage end is kept. In the
    /// cooler half, `patience` stage ends in a row without 0.01 % improvement of the best energy
    /// stop the search (the remaining stages only polish what the final greedy polishes anyway).
    /// - Complexity: O(proposals · degree) plus contiguity checks of accepted candidates.
    mutating func anneal(proposals: Int, stages: Int = 60, patience: Int = 3) {
        guard partition.graph.unitCount > 1, partition.gridCount > 1, proposals > 0 else { return }
        if drawCutPairs {
            var draws = CutEdgeSet(partition)
            anneal(proposals: proposals, stages: stages, patience: patience, drawingFrom: &draws)
        } else {
            var draws = BoundarySet(partition)
            anneal(proposals: proposals, stages: stages, patience: patience, drawingFrom: &draws)
        }
    }

    /// `anneal` with its proposals drawn from `draws`.
    private mutating func anneal<Draws: ProposalDraws>(
        proposals: Int, stages: Int, patience: Int, drawingFrom draws: inout Draws
    ) {
        let t0 = startTemperature() * temperatureScale
        guard t0 > 0 else { return }
        let ratio = Math.geometricRatio(target: 1e-3, steps: stages)
        var temperature = t0
        let perStage = max(1, proposals / stages)
        var best = energy()
        var bestAssignment = partition.assignment
        var idle = 0
        for stage in 0..<stages {
            for _ in 0..<perStage {
                iterations += 1
                if outOfTime() { break }
                let drawn = draws.draw(&self)
                if drawn.exhausted { break }
                guard drawn.v >= 0 else { continue }
                propose(drawn.u, drawn.v, temperature: temperature, draws: &draws)
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

    /// The neighbour whose grid unit `u` is proposed to join: any neighbour, uniformly (nil when it
    /// lies in u's own grid, or when u's grid would be left empty).
    mutating func proposalPartner(of u: Int) -> Int? {
        let lo = Int(partition.graph.offsets[u])
        let degree = Int(partition.graph.offsets[u + 1]) - lo
        let g = partition.assignment[u]
        let v = Int(partition.graph.neighbors[lo + rng.nextIndex(degree)])
        return partition.assignment[v] == g || partition.unitCount[Int(g)] <= 1 ? nil : v
    }

    /// One annealing proposal: unit `u` joins the grid of its neighbour `v` (or, with
    /// `swapShare`, the two exchange grids), accepted by the Metropolis rule at `temperature`
    /// unless the balance penalty would rise or a grid would split; `draws` follows the move.
    mutating func propose<Draws: ProposalDraws>(_ u: Int, _ v: Int, temperature: Double, draws: inout Draws) {
        let h = partition.assignment[v]
        if swapShare > 0, rng.nextUnit() < swapShare {
            if trySwap(u, v, temperature: temperature) {
                draws.update(around: u, partition)
                draws.update(around: v, partition)
            }
            return
        }
        // Balance first, from the grids' weights alone: a move it refuses (a quarter to a half of
        // them in the bench counties, whose grids sit at a ±1 % wall) needs no shapes.
        let g = partition.assignment[u]
        let penalty = penaltyChange(u, from: Int(g), to: Int(h))
        if penalty > 1e-12 { return }
        let d = delta(u, to: h, penalty: penalty)
        let change = d.shape + d.soft + d.penalty
        if change > 0 {
            let ratio = change / temperature
            if ratio > 30 || !Math.below(rng.nextUnit(), expNegativeOf: ratio) { return }
        }
        guard partition.canRemove(u) else { return }
        apply(u, to: h)
        draws.moved(u, from: g, partition)
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
            accept = ratio <= 30 && Math.below(rng.nextUnit(), expNegativeOf: ratio)
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
