/// Solves one jurisdiction from one start: power-diagram (or warm) start, contiguity repair,
/// greedy balancing moves, simulated annealing, final greedy polish.
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

    /// What one start produced.
    struct Outcome: Sendable {
        var assignment: [Int32]
        /// Balance penalty (0 when every grid is inside the band).
        var penalty: Double
        /// Σ 1/PP plus previous-plan cost.
        var rest: Double
        var iterations: Int
        var timedOut: Bool
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
    func solve(start: Int, seed: UInt64, onMove: ((Partition) -> Void)? = nil) -> Outcome {
        let n = graph.unitCount
        let k = gridCount
        if k == 1 || n <= k {
            let assignment = (0..<n).map { k == 1 ? Int32(0) : Int32($0) }
            return Outcome(assignment: assignment, penalty: 0, rest: 0, iterations: 0, timedOut: false)
        }
        var rng = SplitMix64(seed: seed)
        // Land too light to be a grid joins a grid of other land, decided here by weight, not left
        // to the shape objective (an island alone scores well on shape).
        let light = LightComponents(graph: graph, gridCount: k, tolerance: tolerance, centres: centres)
        let initial: [Int32]
        if let warmStart {
            initial = warmStart
        } else if let centres {
            // Fixed posts: a power cell may hold its weight away from its post (cut off by denser
            // cells); growing from the posts keeps every grid's weight connected to its post.
            initial = PostGrowthStart(graph: graph, centres: centres, light: light).run()
        } else {
            // The first start bisects along the axes; later ones along random directions.
            let axis = start == 0 ? (1.0, 0.0) : (rng.nextUnit() - 0.5, rng.nextUnit() - 0.5)
            initial = PowerDiagramStart(graph: graph, gridCount: k, centres: centres, light: light).run(axis: axis)
        }
        var partition = Partition(graph: graph, gridCount: k, assignment: initial, centre: centres, light: light)
        let repaired = partition.repairContiguity()
        onMove?(partition)
        let mean = graph.weight.reduce(0, +) / Double(k)
        // Aim at ±1 % (never looser than the tolerance). When units are fine enough (≥ 30 units of
        // typical weight per grid) the aim is a hard wall; with heavy units (a dense core whose
        // grids hold a few units) it is a soft cost and only the tolerance is a wall, so that the
        // search may trade a little balance for shape where the units leave no better choice.
        // Fewer than 30 units per grid: no aim inside the tolerance, as coarse units leave no room.
        let aim = n >= 30 * k ? min(tolerance, 0.01) : tolerance
        let fine = n < 30 * k || effectiveUnitsPerGrid(mean: mean) >= 30
        let band = max(0, aim - 1e-9)
        let wall = fine ? band : max(0, tolerance - 1e-9)
        var search = LocalSearch(
            partition: partition, mean: mean, band: band, wall: wall, previous: previous, seed: rng.next(),
            deadline: deadline)
        search.onMove = onMove
        // Heavy units move weight in coarse steps: exchanges of neighbours reshape without it.
        search.swapShare = fine ? 0 : 0.3
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
        search.greedy(maxSweeps: 50)
        // With a previous plan the same annealing polishes compactness: every unit away from its
        // previous grid costs more than a typical shape gain, so only clear improvements move.
        search.anneal(proposals: proposalsPerUnit * n)
        // Chains, then (if a grid is still beyond the wall) diffusion chains; greedy moves in
        // between change which chains exist, so a stuck region gets a few more rounds.
        for _ in 0..<3 {
            search.balance(diffuse: true)
            search.greedy(maxSweeps: 50)
            if search.energy().penalty <= 0 || search.timedOut { break }
        }
        let final = search.energy()
        return Outcome(
            assignment: search.partition.assignment, penalty: final.penalty, rest: final.rest,
            iterations: search.iterations, timedOut: search.timedOut)
    }
}
