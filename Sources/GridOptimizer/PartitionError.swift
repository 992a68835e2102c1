/// Why the optimizer refused to run: the graph or the problem is malformed.
///
/// Infeasible balance is *not* an error: `Partitioner.solve` then returns its best plan with
/// `withinTolerance == false` and a note naming the cause.
public enum PartitionError: Error, Sendable, Equatable {
    /// The unit graph is malformed (sizes, symmetry, weights, cross-jurisdiction edges).
    case invalidGraph(String)
    /// The problem does not fit the graph (grid counts, tolerance, centres, previous plan).
    case invalidProblem(String)
}

extension PartitionError: CustomStringConvertible {
    /// The message in planner words, prefixed with what was wrong.
    public var description: String {
        switch self {
        case .invalidGraph(let message): return "invalid unit graph: \(message)"
        case .invalidProblem(let message): return "invalid partition problem: \(message)"
        }
    }
}
