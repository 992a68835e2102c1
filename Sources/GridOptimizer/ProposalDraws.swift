/// Where the annealing draws its proposals from: unit `u` joins the grid of its neighbour `v`.
protocol ProposalDraws {
    /// The next proposal: `v` < 0 when this draw proposes nothing (a post, a neighbour in u's own
    /// grid, a grid that would be left empty); `exhausted` when nothing is left to draw from.
    mutating func draw(_ search: inout LocalSearch) -> (u: Int, v: Int, exhausted: Bool)
    /// Refreshes what changed when `u` moved.
    mutating func update(around u: Int, _ partition: Partition)
    /// Refreshes what changed when `u` alone moved, from grid `g`.
    mutating func moved(_ u: Int, from g: Int32, _ partition: Partition)
}

/// A uniformly random boundary unit, then any of its neighbours (the flat solve's draw, with which
/// it was tuned: proposals of a neighbour in the unit's own grid are drawn and discarded).
extension BoundarySet: ProposalDraws {
    @inline(__always)
    mutating func moved(_ u: Int, from g: Int32, _ partition: Partition) { update(around: u, partition) }

    @inline(__always)
    mutating func draw(_ search: inout LocalSearch) -> (u: Int, v: Int, exhausted: Bool) {
        guard let u = randomUnit(&search.rng) else { return (-1, -1, true) }
        if search.partition.isCentre[u] { return (u, -1, false) }
        return (u, search.proposalPartner(of: u) ?? -1, false)
    }
}

/// A uniformly random pair of neighbours in different grids, in either direction (the finest level
/// of a multilevel solve, `LocalSearch.drawCutPairs`): the flat draw's distribution without
/// its discarded draws.
extension CutEdgeSet: ProposalDraws {
    @inline(__always)
    mutating func draw(_ search: inout LocalSearch) -> (u: Int, v: Int, exhausted: Bool) {
        guard let e = randomEntry(&search.rng) else { return (-1, -1, true) }
        let u = Int(source[e])
        if search.partition.isCentre[u] || search.partition.unitCount[Int(search.partition.assignment[u])] <= 1 {
            return (u, -1, false)
        }
        return (u, Int(search.partition.graph.neighbors[e]), false)
    }
}
