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
        let initial: [Int32]
        if let warmStart {
            initial = warmStart
        } else {
            // The first start bisects along the axes; later ones along random directions.
            let axis = start == 0 ? (1.0, 0.0) : (rng.nextUnit() - 0.5, rng.nextUnit() - 0.5)
            initial = PowerDiagramStart(graph: graph, gridCount: k, centres: centres).run(axis: axis)
        }
        var partition = Partition(graph: graph, gridCount: k, assignment: initial, centre: centres)
        let repaired = partition.repairContiguity()
        onMove?(partition)
        let mean = graph.weight.reduce(0, +) / Double(k)
        // Aim at ±1 % when units are fine enough (≥ 30 per grid), never looser than the tolerance.
        let target = n >= 30 * k ? min(tolerance, 0.01) : tolerance
        let band = max(0, target - 1e-9)
        var search = LocalSearch(
            partition: partition, mean: mean, band: band, previous: previous, seed: rng.next(),
            deadline: deadline)
        search.onMove = onMove
        let settled = search.energy()
        let nonEmpty = !partition.unitCount.contains(0)
        if warmStart != nil, repaired == 0, nonEmpty, settled.penalty == 0 {
            // The previous plan is still valid: stability comes first, nothing moves.
            return Outcome(
                assignment: partition.assignment, penalty: 0, rest: settled.rest, iterations: 0, timedOut: false)
        }
        search.greedy(maxSweeps: 50)
        if previous == nil {
            search.anneal(proposals: proposalsPerUnit * n)
        }
        search.greedy(maxSweeps: 50)
        let final = search.energy()
        return Outcome(
            assignment: search.partition.assignment, penalty: final.penalty, rest: final.rest,
            iterations: search.iterations, timedOut: search.timedOut)
    }
}
