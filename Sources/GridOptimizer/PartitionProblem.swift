/// Everything the optimizer needs: the unit graph, how many grids per sub-jurisdiction, the balance
/// tolerance, a seed, and the optional previous plan and centre units.
public struct PartitionProblem: Sendable {
    /// The units and their adjacency.
    public var graph: UnitGraph
    /// K_j ≥ 1 grids for every jurisdiction j; their sum is K.
    public var gridsPerJurisdiction: [Int]
    /// Each grid's primary weight must lie within ±toleranceFraction of its jurisdiction's mean
    /// (e.g. 0.05 for ±5 %).
    public var toleranceFraction: Double
    /// Fixes every random decision: same problem + seed give the same result.
    public var seed: UInt64
    /// Safety cap in seconds; nil picks one from the size. Iteration budgets are the normal stopping
    /// rule: when this cap cuts a run short the result may depend on timing, and a note says so.
    public var timeLimitSeconds: Double?
    /// Per unit: its grid label in an earlier plan, or -1. Labels are arbitrary non-negative ints.
    public var previousGrid: [Int32]?
    /// One unit per grid that must end up in that grid (police posts), grid order: jurisdiction 0's
    /// grids first. Count per jurisdiction must equal K_j.
    public var centerUnits: [Int32]?
    /// Worker threads (at least 1). The result never depends on it.
    public var threads: Int
    /// Bands for further weights: `weightTolerances[i]` is the allowed ±fraction of `weights[i + 1]`
    /// around its jurisdiction's mean per grid; nil, or no entry, means "as well as possible".
    ///
    /// A band is steered by and checked. With a band, each jurisdiction's second start is
    /// `BandedBisectionStart` (straight cuts turned until they split every banded weight in the
    /// primary's ratio: grids share a hot spot as wedges) and its search keeps the bands as walls like
    /// the primary's; between two plans within the primary tolerance the one nearer the bands wins.
    /// Bench county 10k × 20 at ±5 %: incidents 37.1 % off unsteered (PP 0.532) → 4.8 % (PP 0.244:
    /// wedges are what sharing the hot spot takes). A band still missed is explained
    /// (`withinTolerance` false, a note naming the weight, the worst grid, a unit too heavy for the
    /// band if there is one, and the tolerance that would pass).
    /// Measured and not kept: a steep cost beyond the band from the compact start stalled the
    /// single-unit moves (a 40 × 50 test county 64 % → 70 % off), a band cost in every phase plus a
    /// refiner of single moves and exchanges (bench 41.6 % at PP 0.353), and a power diagram with a
    /// second additive term per cell (start 110 % off the primary): compact grids cannot share a hot spot.
    public var weightTolerances: [Double?] = []
    /// Names of `graph.weights` (primary first) for notes; "weight k" where absent.
    public var weightNames: [String] = []
    /// Labels of `previousGrid` whose grids are kept exactly as they were (ArcGIS's locked
    /// territories): their units stay, the other grids of their jurisdiction (K_j minus the locked
    /// ones) are re-balanced around them. Needs `previousGrid`; not with `centerUnits`.
    public var lockedLabels: [Int32] = []
    /// Per unit: the block it is a piece of (units with equal ids are pieces of one block, e.g. a street
    /// block cut into pieces; an uncut block has an id of its own), or nil. With it, the last phase of
    /// a solve also moves all of a block's pieces held by one grid into a neighbouring grid at once when
    /// that lowers the objective (`LocalSearch.moveBlocks`): a cut through a block costs more per metre
    /// than a barrier edge, so undoing it piece by piece climbs over costlier intermediate cuts.
    public var blockOfUnit: [Int32]?

    /// Creates a problem with no previous plan, no centres, 2 threads and a size-based time cap.
    public init(graph: UnitGraph, gridsPerJurisdiction: [Int], toleranceFraction: Double, seed: UInt64) {
        self.graph = graph
        self.gridsPerJurisdiction = gridsPerJurisdiction
        self.toleranceFraction = toleranceFraction
        self.seed = seed
        self.timeLimitSeconds = nil
        self.previousGrid = nil
        self.centerUnits = nil
        self.threads = 2
    }
}
