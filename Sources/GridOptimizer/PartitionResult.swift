/// A plan: the grid of every unit and how good it is.
public struct PartitionResult: Sendable {
    /// Grid index 0..<K for every unit; grids of jurisdiction 0 first, then 1, …
    public var assignment: [Int32]
    /// Jurisdiction of every grid.
    public var gridJurisdiction: [Int32]
    /// `gridWeights[k][grid]`: total of weight k in each grid.
    public var gridWeights: [[Double]]
    /// Max over grids of |w_g − mean_j| / mean_j for the primary weight (jurisdictions without any
    /// weight are left out: their deviation is undefined and a note says so).
    public var maxAbsDeviation: Double
    /// True only when every grid's primary weight is within the tolerance (never relabelled).
    public var withinTolerance: Bool
    /// Per grid: connected parts beyond the first (land across an island link: an island too light to
    /// be a grid, or land that balances a piece not a whole number of grids).
    public var exclaveParts: [Int]
    /// Graph edges whose two units are in different grids.
    public var cutEdges: Int
    /// Human-readable findings: why the tolerance could not be met and what would work, etc.
    public var notes: [String]
    /// Candidate moves evaluated by the local search (all starts, all jurisdictions).
    public var iterations: Int
    /// Per grid: the previous-plan label it continues, or -1 (all -1 without `previousGrid`).
    public var gridPreviousLabel: [Int32]
    /// Per grid: graph Polsby-Popper 4πA/P² with P from the unit graph (island links count zero).
    public var gridPolsbyPopper: [Double]
    /// Per grid: number of units.
    public var gridUnitCount: [Int]
    /// Per weight k (index 0 = primary, as `maxAbsDeviation`): max over grids of |w_g − mean_j| / mean_j.
    public var maxDeviationPerWeight: [Double] = []
}
