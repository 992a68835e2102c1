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
    /// Jurisdictions are solved independently, each from two starts (three with posts, `Tuning.blockStarts` on street blocks; seeds derived from
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
            let local = (members: members[j], localIndex: localIndex, gridBase: gridBase[j])
            let (solver, labels) = jurisdictionSolver(problem, j, graph: graphs[j], local: local, deadline: deadline)
            solvers.append(solver)
            for (g, label) in labels.enumerated() { gridLabels[gridBase[j] + g] = label }
        }

        // Tasks: (jurisdiction, start), run on all workers; the choice is made afterwards in order.
        var tasks: [(j: Int, start: Int)] = []
        for j in 0..<jurisdictions {
            // Posts get a third start (`MatchedPostStart`): grids drawn as without them.
            let starts =
                solvers[j].warmStart != nil || solvers[j].gridCount == 1
                ? 1 : solvers[j].centres != nil ? 3 : solvers[j].blocks != nil ? Tuning.blockStarts(units: n) : 2
            for s in 0..<starts { tasks.append((j, s)) }
        }
        let seed = problem.seed
        let taskList = tasks
        let solverList = solvers
        // Largest jurisdictions first, each task taken by the next free worker: a static split
        // left one worker with every first start (1 M sample: the dense core's 8.6 s on one side).
        let schedule = (0..<taskList.count).sorted {
            let a = solverList[taskList[$0].j].graph.unitCount
            let b = solverList[taskList[$1].j].graph.unitCount
            return a > b || (a == b && $0 < $1)
        }
        let outcomes = parallelMap(count: taskList.count, threads: problem.threads, order: schedule) { t in
            let (j, s) = taskList[t]
            return solverList[j].solve(start: s, seed: SplitMix64.derive(seed, UInt64(j) << 8 | UInt64(s)))
        }
        let (chosen, iterations, timedOut) = best(outcomes, jurisdictions: taskList.map(\.j), count: jurisdictions)
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

    /// The solver of jurisdiction `j`: its centres and previous plan in local terms (`local`: its
    /// units ascending, every unit's local index, its first grid), and the previous label each of
    /// its grids continues (-1 for none).
    static func jurisdictionSolver(
        _ problem: PartitionProblem, _ j: Int, graph: WorkGraph,
        local: (members: [Int32], localIndex: [Int32], gridBase: Int), deadline: ContinuousClock.Instant
    ) -> (JurisdictionSolver, [Int32]) {
        let k = problem.gridsPerJurisdiction[j]
        var gridLabels = [Int32](repeating: -1, count: k)
        let centres = problem.centerUnits.map { all in
            (local.gridBase..<(local.gridBase + k)).map { local.localIndex[Int(all[$0])] }
        }
        var previous: [Int32]? = nil
        var warm: [Int32]? = nil
        if let labels = problem.previousGrid {
            let own = local.members.map { labels[Int($0)] }
            if let centres {
                // Centres fix the grids; a unit's previous grid is the grid whose centre had its label.
                var mapped = [Int32](repeating: -1, count: own.count)
                for u in 0..<own.count where own[u] >= 0 {
                    for g in 0..<k where own[Int(centres[g])] == own[u] {
                        mapped[u] = Int32(g)
                        break
                    }
                }
                for g in 0..<k { gridLabels[g] = own[Int(centres[g])] }
                previous = mapped
            } else if let start = WarmStart(graph: graph, gridCount: k, labels: own) {
                previous = start.previous
                warm = start.assignment
                gridLabels = start.gridLabel
            }
        }
        let solver = JurisdictionSolver(
            graph: graph, gridCount: k, tolerance: problem.toleranceFraction, centres: centres,
            previous: previous, warmStart: warm,
            proposalsPerUnit: proposalsPerUnit(units: local.members.count, grids: k), deadline: deadline,
            blocks: problem.blockOfUnit.map { all in local.members.map { all[Int($0)] } },
            secondaryBands: problem.weightTolerances)
        return (solver, gridLabels)
    }

    /// The best outcome per jurisdiction by (balance penalty, banded further weights' penalty, rest, task
    /// order), except that between two outcomes within the primary tolerance the banded weights decide first — `jurisdictionOf`
    /// names each outcome's jurisdiction — with the iterations of all and whether any timed out.
    static func best(
        _ outcomes: [JurisdictionSolver.Outcome], jurisdictions jurisdictionOf: [Int], count: Int
    ) -> ([JurisdictionSolver.Outcome?], Int, Bool) {
        var chosen: [JurisdictionSolver.Outcome?] = Array(repeating: nil, count: count)
        var iterations = 0
        var timedOut = false
        for (t, outcome) in outcomes.enumerated() {
            let j = jurisdictionOf[t]
            iterations += outcome.iterations
            timedOut = timedOut || outcome.timedOut
            if let best = chosen[j] {
                let samePenalty = outcome.penalty <= best.penalty + 1e-12
                let sameBands = abs(outcome.bandPenalty - best.bandPenalty) <= 1e-12
                // Two plans inside the primary tolerance: the banded further weights come first.
                let better =
                    outcome.withinTolerance && best.withinTolerance && !sameBands
                    ? outcome.bandPenalty < best.bandPenalty
                    : outcome.penalty < best.penalty - 1e-12
                        || (samePenalty && outcome.bandPenalty < best.bandPenalty - 1e-12)
                        || (samePenalty && sameBands && outcome.rest < best.rest - 1e-12)
                if better { chosen[j] = outcome }
            } else {
                chosen[j] = outcome
            }
        }
        return (chosen, iterations, timedOut)
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

    /// `transform(i)` for i in 0..<count on up to `threads` workers, results in index order. Workers
    /// take the next index of `order` (default ascending) when free, so results never depend on
    /// timing, only the time does.
    static func parallelMap<T: Sendable>(
        count: Int, threads: Int, order: [Int]? = nil, _ transform: @Sendable (Int) -> T
    ) -> [T] {
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        let sequence = order ?? Array(0..<count)
        precondition(sequence.count == count, "one position per index")
        let workers = max(1, min(threads, count))
        if workers == 1 {
            for i in sequence {
                let value = transform(i)
                results.withLock { $0[i] = value }
            }
        } else {
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let position = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard position < count else { break }
                    let i = sequence[position]
                    let value = transform(i)
                    results.withLock { $0[i] = value }
                }
            }
        }
        return results.withLock { $0.compactMap { $0 } }
    }
}
