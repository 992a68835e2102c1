import Dispatch
import Synchronization

/// The optimizer's entry point: partitions every jurisdiction into its K_j contiguous, compact,
/// balanced grids.
public enum Partitioner {
    /// Annealing proposals per unit and start: large grids need more moves per unit to reshape.
    static func proposalsPerUnit(units: Int, grids: Int) -> Int {
        let perGrid = Double(units) / Double(max(grids, 1))
        return Int(min(600, 150 + 0.6 * perGrid))
    }

    /// Solves `problem`.
    ///
    /// Jurisdictions are solved independently, each from two starts (seeds derived from
    /// `problem.seed`; one start with a previous plan), spread over `problem.threads` workers. The
    /// best start per jurisdiction wins by (balance penalty, Σ 1/PP + previous cost, start index),
    /// so the result never depends on the thread count or timing (unless the time cap cuts in,
    /// which a note reports).
    /// - Throws: `PartitionError.invalidProblem` when the problem does not fit the graph.
    ///   Infeasible balance is reported in the result, never thrown.
    /// - Complexity: O(starts · (n log n log K + proposalsPerUnit · n · degree)) in total.
    public static func solve(_ problem: PartitionProblem) throws(PartitionError) -> PartitionResult {
        try validate(problem)
        if !problem.lockedLabels.isEmpty { return try solveWithLocks(problem) }
        let graph = problem.graph
        let n = graph.unitCount
        let jurisdictions = graph.jurisdictionCount
        let clock = ContinuousClock()
        let limit = problem.timeLimitSeconds ?? (20 + Double(n) / 1000)
        let deadline = clock.now.advanced(by: .milliseconds(Int64(min(limit, 1e9) * 1000)))

        // Units of every jurisdiction, ascending, and each unit's local index.
        var members: [[Int32]] = Array(repeating: [], count: jurisdictions)
        var localIndex = [Int32](repeating: 0, count: n)
        for u in 0..<n {
            let j = Int(graph.jurisdiction[u])
            localIndex[u] = Int32(members[j].count)
            members[j].append(Int32(u))
        }
        var gridBase = [Int](repeating: 0, count: jurisdictions + 1)
        for j in 0..<jurisdictions { gridBase[j + 1] = gridBase[j] + problem.gridsPerJurisdiction[j] }

        let primaryTotal = (0..<jurisdictions).map { j in members[j].reduce(0.0) { $0 + graph.weights[0][Int($1)] } }
        let localMembers = members
        let localIndexCopy = localIndex
        let graphs = parallelMap(count: jurisdictions, threads: problem.threads) { j in
            WorkGraph(
                graph: graph, units: localMembers[j], localIndex: localIndexCopy,
                useAreaAsWeight: primaryTotal[j] <= 0)
        }

        // Centres and previous plan in local terms.
        var solvers: [JurisdictionSolver] = []
        var gridLabels = [Int32](repeating: -1, count: gridBase[jurisdictions])
        for j in 0..<jurisdictions {
            let k = problem.gridsPerJurisdiction[j]
            let centres = problem.centerUnits.map { all in
                (gridBase[j]..<gridBase[j + 1]).map { localIndex[Int(all[$0])] }
            }
            var previous: [Int32]? = nil
            var warm: [Int32]? = nil
            if let labels = problem.previousGrid {
                let local = members[j].map { labels[Int($0)] }
                if let centres {
                    // Centres fix the grids; a unit's previous grid is the grid whose centre had its label.
                    var mapped = [Int32](repeating: -1, count: local.count)
                    for u in 0..<local.count where local[u] >= 0 {
                        for g in 0..<k where local[Int(centres[g])] == local[u] {
                            mapped[u] = Int32(g)
                            break
                        }
                    }
                    for g in 0..<k { gridLabels[gridBase[j] + g] = local[Int(centres[g])] }
                    previous = mapped
                } else if let start = WarmStart(graph: graphs[j], gridCount: k, labels: local) {
                    previous = start.previous
                    warm = start.assignment
                    for g in 0..<k { gridLabels[gridBase[j] + g] = start.gridLabel[g] }
                }
            }
            solvers.append(
                JurisdictionSolver(
                    graph: graphs[j], gridCount: k, tolerance: problem.toleranceFraction, centres: centres,
                    previous: previous, warmStart: warm,
                    proposalsPerUnit: proposalsPerUnit(units: members[j].count, grids: k), deadline: deadline))
        }

        // Tasks: (jurisdiction, start), run on all workers; the choice is made afterwards in order.
        var tasks: [(j: Int, start: Int)] = []
        for j in 0..<jurisdictions {
            let starts = solvers[j].warmStart != nil || solvers[j].gridCount == 1 ? 1 : 2
            for s in 0..<starts { tasks.append((j, s)) }
        }
        let seed = problem.seed
        let taskList = tasks
        let solverList = solvers
        let outcomes = parallelMap(count: taskList.count, threads: problem.threads) { t in
            let (j, s) = taskList[t]
            return solverList[j].solve(start: s, seed: SplitMix64.derive(seed, UInt64(j) << 8 | UInt64(s)))
        }
        var chosen: [JurisdictionSolver.Outcome?] = Array(repeating: nil, count: jurisdictions)
        var iterations = 0
        var timedOut = false
        for (t, outcome) in outcomes.enumerated() {
            let j = taskList[t].j
            iterations += outcome.iterations
            timedOut = timedOut || outcome.timedOut
            if let best = chosen[j] {
                let better =
                    outcome.penalty < best.penalty - 1e-12
                    || (outcome.penalty <= best.penalty + 1e-12 && outcome.rest < best.rest - 1e-12)
                if better { chosen[j] = outcome }
            } else {
                chosen[j] = outcome
            }
        }
        var assignment = [Int32](repeating: 0, count: n)
        for j in 0..<jurisdictions {
            guard let outcome = chosen[j] else { continue }
            let order = canonicalOrder(
                outcome.assignment, gridCount: problem.gridsPerJurisdiction[j],
                keep: problem.centerUnits != nil || solvers[j].warmStart != nil)
            for (i, u) in members[j].enumerated() {
                assignment[Int(u)] = Int32(gridBase[j]) + order[Int(outcome.assignment[i])]
            }
        }
        return report(
            problem: problem, assignment: assignment, gridBase: gridBase, members: members,
            links: graphs.map { $0.links.count }, gridLabels: gridLabels, iterations: iterations,
            timedOut: timedOut, limit: limit)
    }

    /// New index of every grid: by lowest unit index (so that the numbering is canonical), or
    /// unchanged when centres or a previous plan fix it.
    static func canonicalOrder(_ assignment: [Int32], gridCount: Int, keep: Bool) -> [Int32] {
        if keep { return (0..<gridCount).map { Int32($0) } }
        var order = [Int32](repeating: -1, count: gridCount)
        var next: Int32 = 0
        for g in assignment where order[Int(g)] < 0 {
            order[Int(g)] = next
            next += 1
        }
        for g in 0..<gridCount where order[g] < 0 {
            order[g] = next
            next += 1
        }
        return order
    }

    /// `transform(i)` for i in 0..<count on up to `threads` workers, results in index order.
    static func parallelMap<T: Sendable>(
        count: Int, threads: Int, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        let workers = max(1, min(threads, count))
        if workers == 1 {
            for i in 0..<count {
                let value = transform(i)
                results.withLock { $0[i] = value }
            }
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: count, by: workers) {
                    let value = transform(i)
                    results.withLock { $0[i] = value }
                }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
