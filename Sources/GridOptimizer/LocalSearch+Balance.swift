/// Balancing by transfer chains: weight flows from a grid above the band to one below it along a
/// shortest path of neighbouring grids, one unit (or one swapped pair) per step.
///
/// Single boundary moves cannot balance a dense core whose units each hold a tenth of a grid: a
/// move that fixes one grid throws its neighbour out of the band, so a search that never raises
/// the balance penalty stops. A chain lets the excess pass through grids that are in the band:
/// each intermediate grid gives on about what it received, and the chain is kept only when the
/// total balance penalty falls (otherwise it is undone move by move). Every single move keeps
/// every grid connected, so the invariants hold between moves too.
///
/// With `diffuse` (the final balancing), chains that stall with grids beyond the wall switch to
/// diffusion: a dense core holding a grid too many leaves a cluster of light grids whose
/// neighbours are light too, so the nearest grid across the mean has little to give and every chain
/// that fixes one grid breaks another (1 M-point sample: eleven grids of six 15 % units at −6…−9 %,
/// stuck at 7.9 %). Diffusion chains end at any grid far enough the other way and move half the
/// difference; their steps have slack (any unit or pair that leaves the grid it settles in the band
/// will do, not the one closest to the amount); and a chain that overshoots its stuck grid gets one
/// follow-up chain from it, the pair kept only if the total imbalance fell.
extension LocalSearch {
    /// Boundary units of every grid (CSR by grid), a snapshot refreshed once per round.
    struct BoundaryLists {
        var start: [Int32]
        var units: [Int32]
    }

    /// Runs rounds of chains over the grids outside the band, worst first, until a round changes
    /// nothing or `maxRounds` is reached.
    /// - Returns: the number of chains kept.
    /// - Complexity: O(rounds · (n + m + chains · path · boundary · contiguity check)).
    @discardableResult
    mutating func balance(maxRounds: Int = 200, diffuse: Bool = false) -> Int {
        guard mean > 0, partition.gridCount > 1 else { return 0 }
        var kept = 0
        var relaxed = false
        var carrying = false
        for _ in 0..<maxRounds {
            let outside = (0..<partition.gridCount).filter { imbalance(partition.weight[$0]) > 0 }
            if outside.isEmpty { break }
            let order = outside.sorted {
                let a = abs(partition.weight[$0] - mean)
                let b = abs(partition.weight[$1] - mean)
                return a > b || (a == b && $0 < $1)
            }
            let lists = boundaryLists()
            let adjacency = gridAdjacency(lists)
            var keptThisRound = 0
            for g in order where imbalance(partition.weight[g]) > 0 {
                if relaxed, penalty(partition.weight[g]) <= 0 { continue }
                if transfer(
                    from: g, lists: lists, adjacency: adjacency, relaxed: relaxed, followUp: relaxed,
                    carryAsLastResort: carrying)
                {
                    keptThisRound += 1
                }
                if outOfTime() { return kept + keptThisRound }
            }
            kept += keptThisRound
            if keptThisRound > 0 { continue }
            // Chains to the other side of the mean stalled with grids beyond the wall: a region
            // whose grids all lean one way. Diffuse: pull from any grid far enough the other way.
            if carrying || !diffuse { break }
            if relaxed { carrying = true }
            relaxed = true
        }
        return kept
    }

    /// Balance penalty plus aim cost of a grid weighing `w`: what chains lower.
    @inline(__always)
    func imbalance(_ w: Double) -> Double { penalty(w) + aimCost(w) }

    /// Units with a neighbour in another grid, grouped by grid.
    /// - Complexity: O(n + m).
    func boundaryLists() -> BoundaryLists {
        let n = partition.graph.unitCount
        var count = [Int32](repeating: 0, count: partition.gridCount + 1)
        var isBoundary = [Bool](repeating: false, count: n)
        for u in 0..<n where BoundarySet.isBoundary(u, partition) {
            isBoundary[u] = true
            count[Int(partition.assignment[u]) + 1] += 1
        }
        for g in 0..<partition.gridCount { count[g + 1] += count[g] }
        var fill = count
        var units = [Int32](repeating: 0, count: Int(count[partition.gridCount]))
        for u in 0..<n where isBoundary[u] {
            let g = Int(partition.assignment[u])
            units[Int(fill[g])] = Int32(u)
            fill[g] += 1
        }
        return BoundaryLists(start: count, units: units)
    }

    /// Neighbouring grids of every grid (ascending), from the boundary snapshot.
    func gridAdjacency(_ lists: BoundaryLists) -> [[Int32]] {
        let k = partition.gridCount
        var result: [[Int32]] = Array(repeating: [], count: k)
        var mark = [Int](repeating: -1, count: k)
        let graph = partition.graph
        for g in 0..<k {
            for i in Int(lists.start[g])..<Int(lists.start[g + 1]) {
                let u = Int(lists.units[i])
                for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                    let h = Int(partition.assignment[Int(graph.neighbors[e])])
                    if h != g, mark[h] != g {
                        mark[h] = g
                        result[g].append(Int32(h))
                    }
                }
            }
            result[g].sort()
        }
        return result
    }

    /// Tries chains between grid `g` (outside the band) and the nearest grids on the other side of
    /// the mean, nearest first; keeps the first chain that lowers the total balance penalty.
    /// `relaxed`: diffusion chains (any grid differing from g by more than g's excess beyond the
    /// wall, half the difference, slack steps, 12 tries); `followUp`: see `runChain`.
    mutating func transfer(
        from g: Int, lists: BoundaryLists, adjacency: [[Int32]], relaxed: Bool = false, followUp: Bool = false,
        carryAsLastResort: Bool = false
    ) -> Bool {
        let over = partition.weight[g] > mean
        let wg = partition.weight[g]
        let gap = abs(wg - mean) - wall * mean
        let limit = relaxed ? 12 : 4
        // Breadth-first search over grids from g; `parent` leads back to g.
        let k = partition.gridCount
        var parent = [Int32](repeating: -2, count: k)
        parent[g] = -1
        var queue: [Int32] = [Int32(g)]
        var head = 0
        var tried = 0
        while head < queue.count, tried < limit {
            let a = Int(queue[head])
            head += 1
            for h in adjacency[a] where parent[Int(h)] == -2 {
                parent[Int(h)] = Int32(a)
                queue.append(h)
                let w = partition.weight[Int(h)]
                guard relaxed ? (over ? wg - w > gap : w - wg > gap) : (over ? w < mean : w > mean) else { continue }
                // Path from g to h; weight flows g → h when g is over, h → g when under.
                var path: [Int] = [Int(h)]
                var c = Int(h)
                while parent[c] >= 0 {
                    c = Int(parent[c])
                    path.append(c)
                }
                path.reverse()
                if !over { path.reverse() }
                tried += 1
                // One unit per link; in the last resort (diffusion stalled too), a chain for a grid
                // beyond the wall that fails so is retried carrying several units per link (sooner,
                // it costs shape: sample PP 0.554 → 0.539, dense-core test 0.40 → 0.39).
                for carrying in carryAsLastResort && penalty(wg) > 0 ? [false, true] : [false] {
                    if runChain(
                        path, lists: lists, sourceIsOver: over, midpoint: relaxed,
                        followUp: followUp ? (g, adjacency) : nil, carrying: carrying)
                    {
                        return true
                    }
                }
                if tried >= limit { break }
            }
        }
        return false
    }

    /// Moves weight along `path` (flow from path[0] to its last grid) and keeps the result only if
    /// the total balance penalty fell. When the source is over, steps run from the source and each
    /// passes on about what its grid received; otherwise from the sink backwards.
    ///
    /// With `followUp` (the grid out of the band and the grid adjacency), a chain that does not pay
    /// on its own but leaves that grid still beyond the wall gets one further chain from it; the two
    /// are kept together if the total imbalance fell. A grid of six 15 % units at −6 % needs that:
    /// one unit in (+8 %) and a lighter one out, never one alone.
    mutating func runChain(
        _ path: [Int], lists: BoundaryLists, sourceIsOver: Bool, midpoint: Bool = false,
        followUp: (grid: Int, adjacency: [[Int32]])? = nil, carrying: Bool = false
    ) -> Bool {
        let before = path.reduce(0.0) { $0 + imbalance(partition.weight[$1]) }
        let total = followUp == nil ? 0 : totalImbalance()
        var done: [(unit: Int, from: Int32)] = []
        let steps = path.count - 1
        var wanted =
            midpoint
            ? (partition.weight[path[0]] - partition.weight[path[steps]]) / 2
            : sourceIsOver ? partition.weight[path[0]] - mean : mean - partition.weight[path[steps]]
        var ok = true
        for s in 0..<steps {
            let i = sourceIsOver ? s : steps - 1 - s
            // With slack, the step settles the grid it leaves behind on the path (and, at the
            // far end, the end grid too): any move that keeps those in the band will do.
            let settled =
                sourceIsOver ? (path[i], s == steps - 1 ? path[i + 1] : -1) : (path[i + 1], i == 0 ? path[i] : -1)
            guard
                let moved = carry(
                    from: path[i], to: path[i + 1], wanted: wanted, lists: lists, done: &done,
                    settles: midpoint ? settled : nil, steps: carrying ? Tuning.chainUnitsPerStep : 1)
            else {
                ok = false
                break
            }
            wanted = moved
        }
        if ok {
            let after = path.reduce(0.0) { $0 + imbalance(partition.weight[$1]) }
            if after < before - 1e-9 { return true }
            if let followUp, !done.isEmpty, penalty(partition.weight[followUp.grid]) > 0 {
                // The follow-up's moves are journalled and undone one by one if the pair does not
                // pay (a full reset recomputed every tally: 85 % of 50k × 500's time).
                let outer = journal
                journal = []
                let followed = transfer(from: followUp.grid, lists: lists, adjacency: followUp.adjacency, relaxed: true)
                if followed, totalImbalance() < total - 1e-9 {
                    journal = outer.map { $0 + (journal ?? []) }
                    return true
                }
                undo(to: 0)
                journal = outer
            }
        }
        for (u, from) in done.reversed() { apply(u, to: from) }
        return false
    }

    /// One link of a chain: `step`s from grid `a` to grid `b` while the net weight carried does not
    /// get further from `wanted` (at most `steps`), so that a grid that passed a
    /// heavy unit on (a hotspot at the mouth of a narrow neck) is refilled by several light ones, and
    /// weight can cross a strip of weightless units (water, parks) between two grids. Units of `a`
    /// next to those already moved become candidates too. Returns the net weight carried, or nil when
    /// not even one step was possible.
    mutating func carry(
        from a: Int, to b: Int, wanted: Double, lists: BoundaryLists, done: inout [(unit: Int, from: Int32)],
        settles: (Int, Int)?, steps: Int
    ) -> Double? {
        var mark = done.count
        guard
            var carried = step(
                from: a, to: b, wanted: wanted, lists: lists, done: &done, settles: settles, exposed: [],
                onlyRemovable: steps > 1)
        else { return nil }
        var exposed: [Int32] = []
        let graph = partition.graph
        for _ in 1..<max(steps, 1) where wanted > 0 && carried < wanted {
            for (u, from) in done[mark...] where from == Int32(a) {
                for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1])
                where partition.assignment[Int(graph.neighbors[e])] == Int32(a) {
                    exposed.append(graph.neighbors[e])
                }
            }
            mark = done.count
            guard
                let more = step(
                    from: a, to: b, wanted: wanted - carried, lists: lists, done: &done, settles: settles,
                    exposed: exposed, onlyRemovable: true)
            else { break }
            if abs(wanted - carried - more) > wanted - carried {
                for (u, from) in done[mark...].reversed() { apply(u, to: from) }
                done.removeSubrange(mark...)
                break
            }
            carried += more
        }
        return carried
    }

    /// Σ over grids of balance penalty + aim cost, and the banded further weights' penalties.
    func totalImbalance() -> Double {
        (0..<partition.gridCount).reduce(0.0) { $0 + imbalance(partition.weight[$1]) } + secondaryWallTotal()
    }

    /// One step of a chain: moves the boundary unit of grid `a` next to grid `b` (or a swapped
    /// pair) whose net weight is closest to `wanted`, with the shape change as a small
    /// tie-breaker. Returns the net weight moved, or nil when no move keeps both grids connected.
    mutating func step(
        from a: Int, to b: Int, wanted: Double, lists: BoundaryLists, done: inout [(unit: Int, from: Int32)],
        settles: (Int, Int)? = nil, exposed: [Int32] = [], onlyRemovable: Bool = false
    ) -> Double? {
        // With `onlyRemovable` (a chain retried carrying several units), only units that may leave
        // now: where most boundary units of a grid are cut vertices (a grid reaching into a narrow
        // neck or across an island link), the cheapest moves would otherwise all be ones that split
        // it, and the step would give up with movable units left.
        var out = candidates(of: a, next: b, lists: lists)
        for u in exposed where partition.assignment[Int(u)] == Int32(a) && !partition.isCentre[Int(u)] && touches(Int(u), b)
        && !out.contains(u) {
            out.append(u)
        }
        if onlyRemovable { out = removable(out) }
        guard !out.isEmpty else { return nil }
        var back = candidates(of: b, next: a, lists: lists)
        if onlyRemovable { back = removable(back) }
        for m in ChainStepMoves.cheapest(self, out: out, back: back, from: a, to: b, wanted: wanted, settles: settles) {
            let u = Int(m.u)
            guard partition.assignment[u] == Int32(a), touches(u, b), partition.canRemove(u) else { continue }
            apply(u, to: Int32(b))
            done.append((u, Int32(a)))
            guard m.v >= 0 else { return partition.graph.weight[u] }
            let v = Int(m.v)
            if partition.assignment[v] == Int32(b), touches(v, a), partition.canRemove(v) {
                apply(v, to: Int32(a))
                done.append((v, Int32(b)))
                return partition.graph.weight[u] - partition.graph.weight[v]
            }
            apply(u, to: Int32(a))
            done.removeLast()
        }
        return nil
    }

    /// Mismatch of a step moving `net` from grid `a` to grid `b`: |net − wanted| in weight units, or,
    /// with `settles`, the imbalance (in the same units as 1 % ↔ 1) the move leaves on the grids whose
    /// weight it settles, with a tenth of |net − wanted| so that the chain keeps carrying weight.
    @inline(__always)
    func slackCost(_ net: Double, _ wanted: Double, _ a: Int, _ b: Int, _ settles: (Int, Int)?) -> Double {
        guard let settles else { return abs(net - wanted) }
        var cost = 0.1 * abs(net - wanted)
        for x in [settles.0, settles.1] where x >= 0 {
            let w = partition.weight[x] + (x == a ? -net : net)
            cost += imbalance(w) * mean / 100
        }
        return cost
    }

    /// The units of `units` that can leave their grid now without splitting it.
    mutating func removable(_ units: [Int32]) -> [Int32] {
        var result: [Int32] = []
        for u in units where partition.canRemove(Int(u)) { result.append(u) }
        return result
    }

    /// Units of grid `a` (from the snapshot, still in `a`) that touch grid `b` and may leave.
    func candidates(of a: Int, next b: Int, lists: BoundaryLists) -> [Int32] {
        var result: [Int32] = []
        guard partition.unitCount[a] > 1 else { return result }
        for i in Int(lists.start[a])..<Int(lists.start[a + 1]) {
            let u = Int(lists.units[i])
            if partition.assignment[u] == Int32(a), !partition.isCentre[u], touches(u, b) { result.append(Int32(u)) }
        }
        return result
    }

    /// Whether unit `u` has a neighbour in grid `b`.
    @inline(__always)
    func touches(_ u: Int, _ b: Int) -> Bool {
        let graph = partition.graph
        for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1])
        where partition.assignment[Int(graph.neighbors[e])] == Int32(b) {
            return true
        }
        return false
    }
}
