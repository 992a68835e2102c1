extension Partitioner {
    /// Checks that the problem fits its graph.
    /// - Complexity: O(n + K).
    static func validate(_ problem: PartitionProblem) throws(PartitionError) {
        let graph = problem.graph
        let n = graph.unitCount
        let counts = problem.gridsPerJurisdiction
        guard counts.count == graph.jurisdictionCount else {
            throw .invalidProblem(
                "gridsPerJurisdiction has \(counts.count) entries for \(graph.jurisdictionCount) jurisdictions")
        }
        if let j = counts.firstIndex(where: { $0 < 1 }) {
            throw .invalidProblem("jurisdiction \(j) is given \(counts[j]) grids; every jurisdiction needs at least 1")
        }
        let total = counts.reduce(0, +)
        guard total <= Int(Int32.max) else { throw .invalidProblem("too many grids (\(total))") }
        guard problem.toleranceFraction.isFinite, problem.toleranceFraction >= 0 else {
            throw .invalidProblem("toleranceFraction is \(problem.toleranceFraction); it must be finite and ≥ 0")
        }
        guard problem.weightTolerances.count <= graph.weights.count - 1 else {
            throw .invalidProblem(
                "weightTolerances has \(problem.weightTolerances.count) entries for \(graph.weights.count - 1) further weights")
        }
        for (i, t) in problem.weightTolerances.enumerated() {
            if let t, !(t.isFinite && t >= 0) {
                throw .invalidProblem("weightTolerances[\(i)] (weight \(i + 1)) is \(t); it must be finite and ≥ 0")
            }
        }
        guard problem.threads >= 1 else { throw .invalidProblem("threads is \(problem.threads); at least 1 is needed") }
        if let limit = problem.timeLimitSeconds, !(limit > 0) {
            throw .invalidProblem("timeLimitSeconds is \(limit); it must be positive")
        }
        if let previous = problem.previousGrid {
            guard previous.count == n else {
                throw .invalidProblem("previousGrid has \(previous.count) entries for \(n) units")
            }
            if let u = previous.firstIndex(where: { $0 < -1 }) {
                throw .invalidProblem("previousGrid of unit \(u) is \(previous[u]); labels are ≥ 0, or -1 for none")
            }
        }
        if let cut = graph.cutLength {
            guard cut.count == graph.neighbors.count else {
                throw .invalidProblem("cutLength has \(cut.count) entries for \(graph.neighbors.count) adjacency entries")
            }
            if let e = cut.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalidProblem("cutLength of adjacency entry \(e) is \(cut[e]); it must be finite and non-negative")
            }
        }
        if let blocks = problem.blockOfUnit, blocks.count != n {
            throw .invalidProblem("blockOfUnit has \(blocks.count) entries for \(n) units")
        }
        if let centres = problem.centerUnits {
            guard centres.count == total else {
                throw .invalidProblem("centerUnits has \(centres.count) entries for \(total) grids")
            }
            var used = [Bool](repeating: false, count: n)
            var base = 0
            for (j, k) in counts.enumerated() {
                for g in base..<(base + k) {
                    let c = centres[g]
                    guard c >= 0, Int(c) < n else {
                        throw .invalidProblem("centre of grid \(g) is unit \(c), outside 0..<\(n)")
                    }
                    guard Int(graph.jurisdiction[Int(c)]) == j else {
                        throw .invalidProblem(
                            "centre of grid \(g) is unit \(c) in jurisdiction \(graph.jurisdiction[Int(c)]), but grid \(g) belongs to jurisdiction \(j): list centres jurisdiction by jurisdiction, K_j each")
                    }
                    guard !used[Int(c)] else {
                        throw .invalidProblem("unit \(c) is the centre of two grids: two posts fall in one unit; use a smaller cell size")
                    }
                    used[Int(c)] = true
                }
                base += k
            }
        }
    }
}
