/// Solves one jurisdiction from one start.
///
/// Flat (posts, a previous plan, or fewer than `Tuning.multilevelUnitsPerGrid` units per grid):
/// power-diagram (drawn on whole street blocks with `blocks`: `BlockStart`), post (`postStart`) or
/// warm start; contiguity repair (`Partition.repairContiguity`); balancing chains
/// (`LocalSearch.balance`); greedy moves (`greedy`); simulated annealing over all units (`anneal`);
/// final balancing, chains then diffusion, with greedy polish (`finish`).
/// Otherwise `solveMultilevel`, and when that ends with a grid beyond the wall, the flat solve too
/// (the better of the two is kept: balance before speed), unless the band is narrower than a
/// typical unit (`bandHoldsTypicalUnit`); the flat solve stops before annealing once its balancing
/// is worse than the multilevel result.
struct JurisdictionSolver: Sendable {
    /// The jurisdiction's connected work graph.
    let graph: WorkGraph
    /// K_j.
    let gridCount: Int
    /// Allowed relative deviation from the mean.
    let tolerance: Double
    /// Local centre unit per grid, or nil.
    let centres: [Int32]?
    /// Per local unit: the grid it had in the previous plan, or -1; nil without a previous plan.
    let previous: [Int32]?
    /// A full warm-start assignment derived from the previous plan, or nil.
    let warmStart: [Int32]?
    /// Annealing proposals per unit.
    let proposalsPerUnit: Int
    /// Safety cap.
    let deadline: ContinuousClock.Instant
    /// Per local unit: its block (`PartitionProblem.blockOfUnit`), or nil.
    var blocks: [Int32]? = nil
    /// Per further weight: its tolerance (`PartitionProblem.weightTolerances`), nil for none.
    var secondaryBands: [Double?] = []

    /// Whether a further weight has a band: then the second start bisects for every banded weight
    /// (`BandedBisectionStart`, flat) and its search keeps them inside their walls; every start is
    /// judged against the bands.
    var hasSecondaryBands: Bool { secondaryBands.contains { $0 != nil } }

    /// What one start produced.
    struct Outcome: Sendable {
        var assignment: [Int32]
        /// Balance penalty (0 when every grid is inside the band).
        var penalty: Double
        /// Σ 1/PP plus previous-plan cost.
        var rest: Double
        var iterations: Int
        var timedOut: Bool
        /// The banded further weights' wall penalty (`secondaryBands`; 0 when all are inside or none
        /// has a band): the starts are compared by primary balance first, then by this, then by `rest`.
        var bandPenalty = 0.0
        /// Whether every grid's primary weight is within the tolerance (between two such starts the
        /// banded further weights decide before the primary weight's aim).
        var withinTolerance = true
    }

    /// The mean grid weight divided by the weight-weighted mean unit weight Σw²/Σw: how many units
    /// of typical weight one grid holds (n/K for equal weights, far fewer with a heavy core).
    func effectiveUnitsPerGrid(mean: Double) -> Double {
        var sum = 0.0
        var squares = 0.0
        for w in graph.weight {
            sum += w
            squares += w * w
        }
        guard squares > 0 else { return Double(graph.unitCount) / Double(max(gridCount, 1)) }
        return mean * sum / squares
    }

    /// Runs start number `start` with its own random stream.
    /// - Complexity: O(n log n log K + proposalsPerUnit · n · degree) per start.
    /// - Parameter flat: solve on the finest level only (the fallback of a multilevel start).
    /// - Parameter toBeat: with `flat`, the multilevel result's balance penalty: the flat solve
    ///   stops before annealing when its balancing ends further out (annealing never takes a grid
    ///   further out, and the last rounds repeat the diffusion that already stalled).
    func solve(
        start: Int, seed: UInt64, flat: Bool = false, toBeat: Double? = nil, onMove: ((Partition) -> Void)? = nil
    ) -> Outcome {
        let n = graph.unitCount
        let k = gridCount
        if k == 1 || n <= k {
            let assignment = (0..<n).map { k == 1 ? Int32(0) : Int32($0) }
            return Outcome(assignment: assignment, penalty: 0, rest: 0, iterations: 0, timedOut: false)
        }
        // With a band on a further weight the second start bisects for both weights (flat).
        let bisects = hasSecondaryBands && start == 1 && warmStart == nil && centres == nil
        if warmStart == nil, previous == nil, centres == nil, !bisects, n >= Tuning.multilevelUnitsPerGrid * k, !flat {
            return solveMultilevelFirst(start: start, seed: seed, onMove: onMove)
        }
        var rng = SplitMix64(seed: seed)
        // Land too light to be a grid joins a grid of other land, decided here by weight, not left
        // to the shape objective (an island alone scores well on shape).
        let light = LightComponents(graph: graph, gridCount: k, tolerance: tolerance, centres: centres)
        let initial: [Int32]
        if let warmStart {
            initial = warmStart
        } else if let centres {
            initial = postStart(start, centres: centres, light: light)
        } else if bisects {
            let banded = secondaryBands.indices.filter { secondaryBands[$0] != nil && $0 < graph.secondaryCount }
            initial = BandedBisectionStart(graph: graph, gridCount: k, banded: banded, light: light).run()
        } else {
            initial = diagramStart(start: start, rng: &rng, light: light)
        }
        var partition = Partition(graph: graph, gridCount: k, assignment: initial, centre: centres, light: light)
        let repaired = partition.repairContiguity()
        onMove?(partition)
        let mean = graph.weight.reduce(0, +) / Double(k)
        let (band, wall) = bands(mean: mean)
        // Exchanges help only where units are heavy: few units of typical weight per grid on a
        // graph that has many units per grid (a dense core).
        let singleMovesSuffice = n < 30 * k || unitsAreFine
        var search = LocalSearch(
            partition: partition, mean: mean, band: band, wall: wall, previous: previous, seed: rng.next(),
            deadline: deadline)
        search.onMove = onMove
        // Only the bisection start keeps the further weights' bands as walls: a search from a start
        // far off them could not balance the primary weight inside walls it already breaks (10k ×
        // 100: 16 % off), and the starts are then compared by primary balance first.
        if bisects { search.secondaryWall = secondaryWalls }
        // Heavy units move weight in coarse steps: exchanges of neighbours reshape without it.
        search.swapShare = singleMovesSuffice ? 0 : Tuning.heavyUnitSwapShare
        let settled = search.energy()
        let nonEmpty = !partition.unitCount.contains(0)
        // Valid means within the tolerance, not the ±1 % aim: a plan a planner already has is kept
        // whole while every grid is inside the band they asked for (a yearly rerun with 10% more
        // points moves nothing when no grid has left it).
        let withinTolerance = partition.weight.allSatisfy { abs($0 - mean) <= tolerance * mean + 1e-9 }
        if warmStart != nil, repaired == 0, nonEmpty, withinTolerance {
            // The previous plan is still valid: stability comes first, nothing moves.
            return Outcome(
                assignment: partition.assignment, penalty: 0, rest: settled.rest, iterations: 0, timedOut: false)
        }
        search.balance()
        search.greedy(maxSweeps: Tuning.greedySweeps)
        if let toBeat {
            // The fallback of a multilevel start: balance as far as the last rounds would, and
            // give up before annealing when that is already worse than the multilevel result
            // (50k × 500 and the 1 M sample's dense core: 0.8–2 s per start saved).
            Self.diffuse(&search)
            let balanced = search.energy()
            let penalty = balanced.penalty - search.secondaryWallTotal()
            if penalty > toBeat + 1e-12 {
                return Outcome(
                    assignment: search.partition.assignment, penalty: penalty, rest: balanced.rest,
                    iterations: search.iterations, timedOut: search.timedOut, withinTolerance: false)
            }
        }
        // With a previous plan the same annealing polishes compactness: every unit away from its
        // previous grid costs more than a typical shape gain, so only clear improvements move.
        search.anneal(proposals: proposalsPerUnit * n)
        // Chains, then (if a grid is still beyond the wall) diffusion chains; greedy moves in
        // between change which chains exist, so a stuck region gets a few more rounds.
        return Self.finish(&search, blocks: blocks, walls: secondaryWalls, tolerance: tolerance)
    }

    /// `solveMultilevel`, then the flat solve as its fallback when a grid ended beyond the wall and
    /// the band holds a typical unit; the better of the two.
    private func solveMultilevelFirst(start: Int, seed: UInt64, onMove: ((Partition) -> Void)?) -> Outcome {
        let multilevel = solveMultilevel(start: start, seed: seed, onMove: onMove)
        if multilevel.penalty <= 0 || multilevel.timedOut || !bandHoldsTypicalUnit { return multilevel }
        // A grid beyond the wall: the balance guarantee comes before speed, so the flat solve
        // gets its chance too and the better of the two is kept.
        var fallback = solve(start: start, seed: seed, flat: true, toBeat: multilevel.penalty, onMove: onMove)
        fallback.iterations += multilevel.iterations
        let better =
            fallback.penalty < multilevel.penalty - 1e-12
            || (fallback.penalty <= multilevel.penalty + 1e-12 && fallback.rest < multilevel.rest)
        return better ? fallback : multilevel
    }

    /// Start `start` with fixed posts (police posts).
    ///
    /// 0 grows every grid from its post: a power cell may hold its weight away from its post (cut
    /// off by denser cells); growing keeps every grid's weight connected to its post. 1 draws a power
    /// diagram around the posts from the grown grids (growth alone leaves grids shaped by the order
    /// they grew in: sample county with 40 posts in grid corners, mean PP 0.38 → 0.45; posts near
    /// grid centres 0.53 → 0.55). 2 draws the grids as without posts, gives each a post and redraws
    /// them to hold it (`MatchedPostStart`: posts at a random hexagon of each grid, 0.50 → 0.53 when
    /// it only relabelled, 0.56 now).
    func postStart(_ start: Int, centres: [Int32], light: LightComponents) -> [Int32] {
        let k = gridCount
        switch start {
        case 0:
            return PostGrowthStart(graph: graph, centres: centres, light: light).run()
        case 1:
            let grown = PostGrowthStart(graph: graph, centres: centres, light: light).run()
            var drawn = PowerDiagramStart(graph: graph, gridCount: k, light: light)
                .aroundPosts(centres, initial: grown)
            for (g, post) in centres.enumerated() { drawn[Int(post)] = Int32(g) }
            return drawn
        default:
            let matched = MatchedPostStart(graph: graph, centres: centres, light: light)
            // On street blocks the block start's grids are relabelled only: redrawing the cells on
            // units would cut blocks.
            if blocks != nil { return matched.relabel(diagram(axis: (1.0, 0.0), light: light)) }
            return matched.run()
        }
    }

    /// The power-diagram start: the first bisects along the axes, later ones along random directions;
    /// with `blocks`, drawn on whole street blocks (`BlockStart`).
    private func diagramStart(start: Int, rng: inout SplitMix64, light: LightComponents) -> [Int32] {
        let axis = start == 0 ? (1.0, 0.0) : (rng.nextUnit() - 0.5, rng.nextUnit() - 0.5)
        return diagram(axis: axis, light: light)
    }

    /// The power diagram bisecting first along `axis`; with `blocks`, drawn on whole street blocks.
    private func diagram(axis: (Double, Double), light: LightComponents) -> [Int32] {
        if let blocks {
            return BlockStart(graph: graph, gridCount: gridCount, blocks: blocks, tolerance: tolerance).run(axis: axis)
        }
        return PowerDiagramStart(graph: graph, gridCount: gridCount, light: light).run(axis: axis)
    }

    /// Whether the band the planner asked for (±tolerance) is at least as wide as a unit of typical
    /// weight (Σw²/Σw, `effectiveUnitsPerGrid`). When it is not, nearly every move jumps across the
    /// band and a flat solve, whose chains move the same units, stalls where the multilevel one did:
    /// bench 50k × 500 at ±1 % (a typical unit 3.5 % of a grid), seeds 1–3, and 50k × 300 (2.1 %):
    /// the flat fallback ended 6–20× further out of the band every time. Where it won (the 1 M
    /// sample's dense core at ±5 %, 300 grids) the band held 1.3 typical units.
    var bandHoldsTypicalUnit: Bool {
        let mean = graph.weight.reduce(0, +) / Double(max(gridCount, 1))
        return 2 * tolerance * effectiveUnitsPerGrid(mean: mean) >= 1
    }

    /// Whether a grid holds at least 30 units of typical weight (`effectiveUnitsPerGrid`).
    var unitsAreFine: Bool {
        let mean = graph.weight.reduce(0, +) / Double(max(gridCount, 1))
        return effectiveUnitsPerGrid(mean: mean) >= 30
    }

    /// The balance bands of a search: (aim, wall), relative to the mean.
    ///
    /// Aim at ±1 % (never looser than the tolerance). When units are fine enough (≥ 30 units of
    /// typical weight per grid) the aim is a hard wall; with heavy units (a dense core whose grids
    /// hold a few units) it is a soft cost and only the tolerance is a wall, so that the search may
    /// trade a little balance for shape where the units leave no better choice. Fewer than 30 units
    /// per grid: no aim inside the tolerance, as coarse units leave no room.
    func bands(mean: Double) -> (aim: Double, wall: Double) {
        let n = graph.unitCount
        let k = gridCount
        let aim = n >= 30 * k ? min(tolerance, 0.01) : tolerance
        let unitsAreFine = n < 30 * k || effectiveUnitsPerGrid(mean: mean) >= 30
        let band = max(0, aim - 1e-9)
        return (band, unitsAreFine ? band : max(0, tolerance - 1e-9))
    }

    /// Multilevel solve of one start (no posts, no previous plan).
    ///
    /// The units are coarsened (`Hierarchy`) to a few dozen per grid; the power diagram is found on
    /// the coarsest level, where its iterations are cheap, projected to the finest level and
    /// redrawn there with its centres fixed (`PowerDiagramStart.refine`), so that grid boundaries
    /// run straight across the fine units instead of following coarse ones. The finest level is then
    /// repaired, balanced by chains, polished by greedy moves and annealed with a budget that
    /// follows its boundary units (`Tuning.fineProposalsPerBoundaryUnit`), not all units.
    ///
    /// A V-cycle that also searched every coarse level (annealing the coarsest, greedy moves and
    /// chains on the way down) was measured and dropped: coarse units are ragged pairs of pairs, the
    /// grids it drew followed them, and the finest level could not straighten them (sample county 10k
    /// × 20: mean PP 0.47–0.50 against 0.53 for this start at equal time).
    /// - Complexity: O(m log(n/K) + diagram iterations on the coarsest level + rounds · n ·
    ///   candidates + boundary · proposals per boundary unit).
    func solveMultilevel(start: Int, seed: UInt64, onMove: ((Partition) -> Void)?) -> Outcome {
        let k = gridCount
        var rng = SplitMix64(seed: seed)
        let hierarchy = Hierarchy(graph: graph, gridCount: k, centres: nil, seed: rng.next())
        let mean = graph.weight.reduce(0, +) / Double(k)
        let (band, wall) = bands(mean: mean)
        let top = hierarchy.levels.count - 1
        let coarse = hierarchy.levels[top].graph
        let coarseLight = LightComponents(graph: coarse, gridCount: k, tolerance: tolerance, centres: nil)
        // The first start bisects along the axes; later ones along random directions.
        let axis = start == 0 ? (1.0, 0.0) : (rng.nextUnit() - 0.5, rng.nextUnit() - 0.5)
        let (coarseAssignment, diagram) = PowerDiagramStart(graph: coarse, gridCount: k, light: coarseLight)
            .runDiagram(axis: axis)
        var projected = coarseAssignment
        for level in stride(from: top, to: 0, by: -1) {
            projected = Hierarchy.project(projected, through: hierarchy.levels[level].fineToCoarse)
        }
        let light = LightComponents(graph: graph, gridCount: k, tolerance: tolerance, centres: nil)
        let initial = PowerDiagramStart(graph: graph, gridCount: k, light: light)
            .refine(diagram, initial: projected, rounds: Tuning.fineDiagramRounds)
        var partition = Partition(graph: graph, gridCount: k, assignment: initial, light: light)
        partition.repairContiguity()
        onMove?(partition)
        var search = LocalSearch(
            partition: partition, mean: mean, band: band, wall: wall, previous: nil, seed: rng.next(),
            deadline: deadline)
        search.onMove = onMove
        // Heavy units move weight in coarse steps: exchanges of neighbours reshape without it.
        search.swapShare = band >= wall ? 0 : Tuning.heavyUnitSwapShare
        search.balance()
        search.greedy(maxSweeps: Tuning.greedySweeps)
        // Anneal from a state inside the wall where the diffusion can reach one: diffusing after
        // annealing undid its shape work (10k × 100: Σ 1/PP 212 → 226 in the last rounds, mean PP
        // 0.504; diffusing first 0.508).
        Self.diffuse(&search)
        search.temperatureScale = Tuning.fineTemperatureScale
        search.drawCutPairs = true
        // Small jurisdictions get at least a fixed budget (never more than a flat solve's): their
        // few boundary units would otherwise leave them barely annealed, at no saving worth having.
        let boundary = BoundarySet(search.partition).units.count
        let floor = min(Tuning.fineMinimumProposals, proposalsPerUnit * graph.unitCount)
        search.anneal(proposals: max(Tuning.fineProposalsPerBoundaryUnit * boundary, floor))
        return Self.finish(&search, blocks: blocks, walls: secondaryWalls, tolerance: tolerance)
    }

    /// Rounds of diffusion chains and greedy moves while a grid is beyond the wall (at most
    /// `Tuning.finalBalanceRounds`).
    static func diffuse(_ search: inout LocalSearch) {
        for _ in 0..<Tuning.finalBalanceRounds {
            if search.energy().penalty <= 0 || search.timedOut { break }
            search.balance(diffuse: true)
            search.greedy(maxSweeps: Tuning.greedySweeps)
        }
    }

    /// The last rounds of every solve path: diffusion chains and greedy moves while a grid is still
    /// beyond the wall, then the outcome.
    /// With `blocks`, whole blocks then move between grids (`LocalSearch.moveBlocks`), polished by greedy moves.
    private static func finish(
        _ search: inout LocalSearch, blocks: [Int32]?, walls: [Double], tolerance: Double
    ) -> Outcome {
        for _ in 0..<Tuning.finalBalanceRounds {
            search.balance(diffuse: true)
            search.greedy(maxSweeps: Tuning.greedySweeps)
            if search.energy().penalty <= 0 || search.timedOut { break }
        }
        if let blocks, search.moveBlocks(blocks) > 0 { search.greedy(maxSweeps: Tuning.greedySweeps) }
        let final = search.energy()
        // The walls this search kept are in its energy; every start is judged against all bands.
        let kept = search.secondaryWallTotal()
        let mean = search.mean
        return Outcome(
            assignment: search.partition.assignment, penalty: final.penalty - kept, rest: final.rest,
            iterations: search.iterations, timedOut: search.timedOut, bandPenalty: search.secondaryWallTotal(walls),
            withinTolerance: search.partition.weight.allSatisfy { abs($0 - mean) <= tolerance * mean + 1e-9 })
    }

    /// `secondaryWall` for a search that keeps every band (empty without bands).
    var secondaryWalls: [Double] {
        hasSecondaryBands ? secondaryBands.map { $0.map { max(0, $0 - 1e-9) } ?? .infinity } : []
    }
}
