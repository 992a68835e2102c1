/// The optimizer's tuning constants in one place, with what each one trades.
enum Tuning {
    // MARK: Multilevel

    /// Coarsening stops once a jurisdiction has at most this many units per grid: enough for the
    /// power diagram to draw grids, few enough that its iterations are cheap (at 10 per grid the
    /// coarse cells balance so badly that the finest level's chains cost more than they saved).
    static let coarsestUnitsPerGrid = 30
    /// A coarse unit may hold at most this share of a grid's mean weight (or mean area): heavier
    /// units would leave the coarse levels no room to balance.
    static let coarseUnitCap = 2.0 / Double(coarsestUnitsPerGrid)
    /// A level that keeps more than this share of its units ends the coarsening.
    static let minimumShrink = 0.9
    /// At most this many levels (the finest included).
    static let maxLevels = 24
    /// Jurisdictions with fewer units per grid than this are solved flat (one level).
    static let multilevelUnitsPerGrid = 60
    /// Weight-balancing rounds of the coarse power diagram redrawn on the finest level.
    static let fineDiagramRounds = 6
    /// Annealing proposals per boundary unit at the finest level of a multilevel solve. Bench county,
    /// cut-pair draws (`CutEdgeSet`), mean PP of seeds 1–3 for 100 / 200 / 300: 10k × 20 0.531 /
    /// 0.536 / 0.538, 10k × 100 0.503 / 0.505 / 0.506, 50k × 100 0.551 / 0.554 / 0.556 (with the
    /// earlier boundary-unit draw, 10k × 20: 200 → 0.528, 300 → 0.532, 1000 → 0.539).
    static let fineProposalsPerBoundaryUnit = 300
    /// Finest-level annealing proposals at least (capped by a flat solve's budget): small
    /// jurisdictions have too few boundary units for the per-boundary budget alone (dense-core test
    /// county: mean PP 0.448 without the floor, 0.45 required).
    static let fineMinimumProposals = 200_000
    /// Start temperature of the finest-level annealing, as a share of the mean |shape change| of a
    /// boundary move (0.1 and 0.3 measured within 0.003 of mean PP of each other).
    static let fineTemperatureScale = 0.3

    // MARK: Street blocks

    /// Starts per jurisdiction of a street-block solve (`PartitionProblem.blockOfUnit`) on a graph of `units`
    /// units: about 24 000 unit-starts in all, at least 4 and at most 12. A cut through a block costs far
    /// more than a street edge, so each start settles in its own basin and the best of more of them pays on
    /// both counts. San Francisco (2,108 units: 11 starts), K 30/40/50/60 × seeds 1–5, mean of 20 runs within
    /// 25 m / mean PP: 4 starts 83.8% (min 80.0%) / 0.397; 8: 85.4% (min 81.9%) / 0.401; 12: 86.0% (min
    /// 82.6%) / 0.406; partition stage about 0.2 → 0.6 s. Chicago (10,097 units) keeps 4: 8 starts gave
    /// 88.5% / 0.52 but doubled its partition stage, and its whole run must stay within 5 s. (Two starts
    /// against four, before the separate cut term: SF K 40/50/60 79.9–84.7% → 81.2–85.3%.)
    static func blockStarts(units: Int) -> Int { max(4, min(12, 24_000 / max(units, 1))) }
    /// Cost of a grid edge off the barrier lines (`UnitGraph.cutLength`, e.g. through a split block), per
    /// side of a mean grid's square, in Σ 1/PP units (`StreetCut.weight`): about 1:160 against a
    /// street metre. A term of its own, so Polsby-Popper keeps the real perimeter; the earlier cut costs
    /// (1 per street metre, 120 per other metre, folded into the perimeter) squared the cuts into 1/PP: a
    /// grid with a cut paid for each of its street metres many times over, and Σ 1/PP was ruled by the cuts
    /// rather than by shape.
    /// San Francisco, K 30/40/50/60 × seeds 1–5, mean over the 20 runs (within 25 m / mean PP): cut costs
    /// 85.0% / 0.379; weight 30: 81.2% / 0.404 (10 runs under 80%); 60: 83.3% / 0.398 (2 under 80%);
    /// 100: 83.8% / 0.397 (none under 80%); 150: 84.1% / 0.395; 250: 84.3% / 0.388. Chicago (K 277, seeds
    /// 1–3): cut costs 86.9–87.5% / 0.487–0.498; 100: 87.1–87.5% / 0.507–0.524.
    static let blockCutWeight = 100.0

    // MARK: Posts

    /// Centre moves of the power diagrams drawn for posts (`PowerDiagramStart.aroundPosts`,
    /// `holdingPosts`), each after `postDiagramBalanceRounds` rounds of weight balancing.
    static let postDiagramRounds = 20
    /// Rounds of weight balancing between two centre moves of the posts' power diagrams (as between
    /// two centre moves without posts, `PowerDiagramStart.runDiagram`'s default).
    static let postDiagramBalanceRounds = 6
    /// Rounds of the contiguity repair in which a post cut off from its grid's main part is joined
    /// to it (`Partition.joinCentres`) instead of keeping its part alone. Sample county, 40 posts at
    /// an edge hexagon of each grid of a plan without posts: the drawn starts lost 95–356 units per
    /// jurisdiction to the repair and began the search with a grid at −100 %.
    static let centreJoinRounds = 3
    /// How much further, each round, the centre of a cell that does not hold its post moves towards
    /// it in the matched start (`PowerDiagramStart.holdingPosts`), and how far at most. Sample county,
    /// 40 posts, median mean PP of seeds 1–5 (corner / random / shuffled posts): step 0.1 up to the
    /// post 0.51 / 0.55 / 0.54; 0.1 up to halfway 0.52 / 0.55 / 0.53; 0.2 up to halfway 0.52 / 0.56 /
    /// 0.54; 0.05 up to halfway 0.51 / 0.54 / 0.53; never (cells as drawn without posts) 0.51 / 0.54 /
    /// 0.53.
    static let postPullStep = 0.2
    static let postPullCap = 0.5

    // MARK: Search phases (flat and finest level)

    /// Greedy sweeps at most, per greedy phase.
    static let greedySweeps = 50
    /// Rounds of final balancing (chains, then diffusion) with a greedy polish in between.
    static let finalBalanceRounds = 3
    /// Steps (units or swapped pairs) one link of a balancing chain may take to carry the weight it
    /// should, when the chain failed with one step per link: a grid that passed a heavy unit on
    /// needs several light ones back, and weight crosses a strip of weightless units only so
    /// (Houston, K 100: a grid at −77 % behind such a strip; sample PP 0.554 → 0.530 when every chain
    /// carried several).
    static let chainUnitsPerStep = 24
    /// Share of annealing proposals that exchange two neighbours when units are heavy (a dense core).
    static let heavyUnitSwapShare = 0.3
}
