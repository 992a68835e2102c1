/// The search state and its objective; the refiners are its extensions, each a phase of a solve:
/// balancing chains and diffusion (`LocalSearch+Balance.swift`), greedy boundary moves
/// (`+Greedy`) and simulated annealing with a hard wall at the band (`+Annealing`). Every move
/// keeps every grid connected.
///
/// Energy: Σ_g P_g²/(4πA_g) (= Σ 1/PP), plus a balance penalty that is zero inside the wall (the
/// hard band), plus a soft aim cost for deviation beyond the aim band when the aim is tighter than
/// the wall, plus, with a previous plan, a cost for every unit away from its previous grid. A move
/// whose balance penalty would rise is never taken, so a grid inside the wall stays inside.
/// Further weights add `secondaryWeight · Σ_k ((s_gk − m_k)/m_k)²` per grid: 10 % off the mean costs
/// 0.03 in Σ 1/PP units (about PP 0.55 → 0.54 of one grid), so primary balance and compactness stay
/// first and the further weights choose among nearly equal shapes (sample: incidents CV 0.18 → 0.17
/// at mean PP −0.003; a weight of 10 reached 0.16 at −0.015). A further weight with a band
/// (`secondaryWall`) adds a wall penalty like the primary's, so no move takes it further out.
/// On street blocks (`WorkGraph.cutLength`) a grid edge off the barrier lines adds `cutWeight` per metre
/// to the shape term (`StreetCut`); Σ 1/PP keeps the real perimeter.
struct LocalSearch {
    /// The state being improved.
    var partition: Partition
    /// Mean balanced weight per grid (0 when the jurisdiction carries no weight).
    let mean: Double
    /// Half-width of the aim band, relative to the mean: deviation beyond it costs `aimCost`
    /// (soft) when it is narrower than the wall.
    let band: Double
    /// Half-width of the hard band, relative to the mean: the balance penalty starts here.
    let wall: Double
    /// Per unit: the grid it had in the previous plan, or -1.
    let previous: [Int32]?
    /// Random stream of this search.
    var rng: SplitMix64
    /// Candidate moves evaluated so far.
    var iterations = 0
    /// Safety cap; when hit, the search stops where it is.
    let deadline: ContinuousClock.Instant
    /// True once the deadline stopped the search.
    var timedOut = false
    /// Multiplies the annealing start temperature (tuning).
    var temperatureScale = 0.3
    /// Weight of the shape change against 1 % of weight mismatch when a chain picks its units.
    var chainShapeWeight = 10.0
    /// Share of annealing proposals that exchange two neighbouring units instead of moving one.
    var swapShare = 0.0
    /// Per grid: true for a grid that continues no grid of the previous plan (more grids than
    /// before). Its units cost nothing as such (`previousCost`): balance fixes how much weight it
    /// takes, so whichever units it holds the moved weight is about the same, and a cost per unit
    /// would only freeze the ragged shape the balancing chains grew it in (sample county, 2 more
    /// grids, seeds 1–4: the new grids' Polsby-Popper 0.03–0.12 with the cost).
    let newGrid: [Bool]
    /// Annealing proposals are drawn as a uniformly random pair of neighbours in different grids
    /// (`CutEdgeSet`) instead of a boundary unit and then any neighbour (`BoundarySet`, whose draws of
    /// a neighbour in the unit's own grid are discarded). The multilevel solve's finest level uses it;
    /// the flat solve keeps the draw it was tuned with.
    var drawCutPairs = false
    /// Cost of 100 % beyond the aim band (linear part) in shape units.
    var aimWeight = 100.0
    /// Mean per grid of every further weight (0 when a weight is absent from the jurisdiction).
    let secondaryMean: [Double]
    /// Cost of a grid 100 % off the mean of a further weight, in Σ 1/PP units.
    var secondaryWeight = 3.0
    /// Per further weight: the hard band (relative to its mean) of a weight given a tolerance
    /// (`PartitionProblem.weightTolerances`), `.infinity` for one balanced only as well as possible;
    /// empty when no further weight has a band.
    var secondaryWall: [Double] = []
    /// Called after every accepted move (tests check invariants here).
    var onMove: ((Partition) -> Void)?
    /// While non-nil, every applied move as (unit, grid it left), so that a tentative sequence of
    /// moves can be undone move by move (`undo(to:)`) instead of recomputing every tally.
    var journal: [(unit: Int, from: Int32)]?

    /// Cost per metre of grid edge off the barrier lines (`WorkGraph.cutLength`), in Σ 1/PP units; 0 when
    /// the graph has no cut lengths (`StreetCut.weight`).
    let cutWeight: Double

    /// Weight of the previous-plan cost: dominates compactness, is dominated by balance.
    static let previousCost = 100.0

    /// Creates a search over `partition` balancing to ±`band` of `mean`.
    init(
        partition: Partition, mean: Double, band: Double, wall: Double? = nil, previous: [Int32]?, seed: UInt64,
        deadline: ContinuousClock.Instant
    ) {
        self.partition = partition
        self.mean = mean
        self.band = band
        self.wall = max(band, wall ?? band)
        self.previous = previous
        var continues = [Bool](repeating: previous == nil, count: partition.gridCount)
        for g in previous ?? [] where g >= 0 { continues[Int(g)] = true }
        self.newGrid = continues.map { !$0 }
        self.rng = SplitMix64(seed: seed)
        self.deadline = deadline
        let s = partition.graph.secondaryCount
        var totals = [Double](repeating: 0, count: s)
        for g in 0..<partition.gridCount {
            for k in 0..<s { totals[k] += partition.secondary[g * s + k] }
        }
        self.secondaryMean = totals.map { $0 / Double(max(partition.gridCount, 1)) }
        self.cutWeight = StreetCut.weight(partition)
    }

    /// Change of the further-weight cost if unit `u` moved from grid `g` to grid `h`.
    /// - Complexity: O(number of further weights).
    @inline(__always)
    func secondaryDelta(_ u: Int, from g: Int, to h: Int) -> Double {
        let s = partition.graph.secondaryCount
        var change = 0.0
        for k in 0..<s {
            let m = secondaryMean[k]
            guard m > 0 else { continue }
            let v = partition.graph.secondary[u * s + k]
            let a = partition.secondary[g * s + k] - m
            let b = partition.secondary[h * s + k] - m
            // ((a − v)² + (b + v)² − a² − b²) / m²
            change += 2 * v * (v + b - a) / (m * m)
        }
        return secondaryWeight * change
    }

    /// P²/(4πA): 1/PP of a grid with perimeter `p` and area `a`.
    @inline(__always)
    static func shape(_ p: Double, _ a: Double) -> Double {
        p * p / (4 * Double.pi * max(a, 1e-9))
    }

    /// Balance penalty of a grid weighing `w`: zero inside the wall, steep outside.
    @inline(__always)
    func penalty(_ w: Double) -> Double {
        Self.wallPenalty(w, mean: mean, wall: wall)
    }

    /// Penalty of a grid holding `w` of a weight whose grids average `mean`: zero within `wall`
    /// (relative) of the mean, steep beyond.
    @inline(__always)
    static func wallPenalty(_ w: Double, mean: Double, wall: Double) -> Double {
        guard mean > 0 else { return 0 }
        let excess = abs(w - mean) / mean - wall
        return excess > 0 ? 1e3 * excess + 1e5 * excess * excess : 0
    }

    /// Σ over grids and banded further weights of the wall penalty against `walls` (default: the
    /// walls this search keeps; 0 without bands).
    /// - Complexity: O(K · number of further weights).
    func secondaryWallTotal(_ walls: [Double]? = nil) -> Double {
        let walls = walls ?? secondaryWall
        let s = partition.graph.secondaryCount
        var total = 0.0
        for g in 0..<partition.gridCount {
            for k in 0..<min(s, walls.count) where walls[k].isFinite {
                total += Self.wallPenalty(partition.secondary[g * s + k], mean: secondaryMean[k], wall: walls[k])
            }
        }
        return total
    }

    /// Change of the further weights' wall penalties (`secondaryWall`) if unit `u` moved from grid
    /// `g` to grid `h`: a further weight with a tolerance is a hard band like the primary weight.
    /// - Complexity: O(number of further weights).
    func secondaryWallDelta(_ u: Int, from g: Int, to h: Int) -> Double {
        let s = partition.graph.secondaryCount
        var change = 0.0
        for k in 0..<min(s, secondaryWall.count) where secondaryWall[k].isFinite {
            let m = secondaryMean[k], wall = secondaryWall[k]
            let v = partition.graph.secondary[u * s + k]
            let a = partition.secondary[g * s + k], b = partition.secondary[h * s + k]
            change +=
                Self.wallPenalty(a - v, mean: m, wall: wall) + Self.wallPenalty(b + v, mean: m, wall: wall)
                - Self.wallPenalty(a, mean: m, wall: wall) - Self.wallPenalty(b, mean: m, wall: wall)
        }
        return change
    }

    /// Soft cost of a grid weighing `w` beyond the aim band (inside the wall), in the units of the
    /// shape term: 1 % beyond the aim costs about as much as going from PP 0.6 to 0.45, so fine
    /// units are balanced to the aim while a few heavy units may trade a little balance for shape.
    @inline(__always)
    func aimCost(_ w: Double) -> Double {
        guard mean > 0, band < wall else { return 0 }
        let excess = min(abs(w - mean) / mean, wall) - band
        return excess > 0 ? aimWeight * (excess + 25 * excess * excess) : 0
    }

    /// Cost of unit `u` sitting in grid `g` with respect to the previous plan (none in a new grid, `newGrid`).
    @inline(__always)
    func previousCost(_ u: Int, _ g: Int32) -> Double {
        guard let previous, previous[u] >= 0, previous[u] != g, !newGrid[Int(g)] else { return 0 }
        let w = mean > 0 ? partition.graph.weight[u] / mean : 0
        return LocalSearch.previousCost * (w + 0.01)
    }

    /// Change of (shape and street cut, penalty, previous cost) if unit `u` moved to grid `h`.
    /// - Parameter penalty: the move's `penaltyChange`, when the caller has computed it already.
    /// - Complexity: O(degree(u)) (plus the number of further weights).
    @inline(__always)
    func delta(_ u: Int, to h: Int32, penalty: Double? = nil) -> (shape: Double, penalty: Double, soft: Double) {
        let (sg, sh) = partition.sharedWith(u, partition.assignment[u], h)
        let p = partition
        let g = p.assignment[u]
        let gi = Int(g)
        let hi = Int(h)
        let pu = p.graph.perimeter[u]
        let au = p.graph.area[u]
        let wu = p.graph.weight[u]
        var shape =
            LocalSearch.shape(p.perimeter[gi] - pu + 2 * sg, p.area[gi] - au)
            + LocalSearch.shape(p.perimeter[hi] + pu - 2 * sh, p.area[hi] + au)
            - LocalSearch.shape(p.perimeter[gi], p.area[gi])
            - LocalSearch.shape(p.perimeter[hi], p.area[hi])
        if cutWeight > 0 { shape += cutWeight * StreetCut.change(p, u, from: g, to: h) }
        let penalty = penalty ?? penaltyChange(u, from: gi, to: hi)
        let soft =
            previousCost(u, h) - previousCost(u, g)
            + aimCost(p.weight[gi] - wu) + aimCost(p.weight[hi] + wu)
            - aimCost(p.weight[gi]) - aimCost(p.weight[hi])
            + (p.graph.secondaryCount > 0 ? secondaryDelta(u, from: gi, to: hi) : 0)
        return (shape, penalty, soft)
    }

    /// The balance-penalty part of `delta` for unit `u` moving from grid `gi` to grid `hi`.
    /// - Complexity: O(1) (O(number of banded further weights)).
    @inline(__always)
    func penaltyChange(_ u: Int, from gi: Int, to hi: Int) -> Double {
        let p = partition
        let wu = p.graph.weight[u]
        return self.penalty(p.weight[gi] - wu) + self.penalty(p.weight[hi] + wu)
            - self.penalty(p.weight[gi]) - self.penalty(p.weight[hi])
            + (secondaryWall.isEmpty ? 0 : secondaryWallDelta(u, from: gi, to: hi))
    }

    /// Totals of the energy terms: (balance penalty, shape + street cut + aim cost + previous cost).
    /// - Complexity: O(n + K).
    func energy() -> (penalty: Double, rest: Double) {
        var pen = 0.0
        var rest = 0.0
        for g in 0..<partition.gridCount {
            pen += penalty(partition.weight[g])
            rest += aimCost(partition.weight[g])
            if partition.unitCount[g] > 0 { rest += LocalSearch.shape(partition.perimeter[g], partition.area[g]) }
        }
        let s = partition.graph.secondaryCount
        for g in 0..<partition.gridCount {
            for k in 0..<s where secondaryMean[k] > 0 {
                let d = (partition.secondary[g * s + k] - secondaryMean[k]) / secondaryMean[k]
                rest += secondaryWeight * d * d
            }
        }
        if previous != nil {
            for u in 0..<partition.graph.unitCount { rest += previousCost(u, partition.assignment[u]) }
        }
        if cutWeight > 0 { rest += cutWeight * StreetCut.total(partition) }
        return (pen + secondaryWallTotal(), rest)
    }

    /// Applies a move already checked for contiguity and reports it.
    @inline(__always)
    mutating func apply(_ u: Int, to h: Int32) {
        if journal != nil { journal?.append((u, partition.assignment[u])) }
        partition.move(u, to: h)
        onMove?(partition)
    }

    /// Undoes the journalled moves after the first `mark` in reverse order (each state passed is
    /// one the search was in, so every grid stays connected) and drops them from the journal.
    /// - Complexity: O(Σ degree of the moved units).
    mutating func undo(to mark: Int) {
        guard let moves = journal, moves.count > mark else { return }
        for (u, from) in moves[mark...].reversed() {
            partition.move(u, to: from)
            onMove?(partition)
        }
        journal?.removeSubrange(mark...)
    }

    /// Checks the time cap (cheaply, every 1024 calls).
    @inline(__always)
    mutating func outOfTime() -> Bool {
        if timedOut { return true }
        if iterations & 1023 == 0, ContinuousClock.now >= deadline { timedOut = true }
        return timedOut
    }
}
