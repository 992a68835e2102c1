/// The start of a street-block solve: the power diagram drawn on whole blocks.
///
/// Every connected set of pieces of one block (`PartitionProblem.blockOfUnit`) lighter than
/// `lightBlockShare` of a grid's mean weight is one coarse unit; pieces of heavier blocks stay apart.
/// The diagram (`PowerDiagramStart` on that coarse graph) then starts every grid edge on a block edge, a
/// street, except through the blocks too heavy to keep whole; balancing chains cut blocks afterwards only
/// where the weight needs it. A diagram drawn on the pieces cuts straight through blocks wherever its
/// cells happen to meet, and the search cannot undo most of those cuts (each single-piece step lays a
/// new cut, far dearer per metre than a street edge): San Francisco, K 50/60, seeds 1–3, 73.9–76.5% of the
/// interior boundary within 25 m of the lines from the piece diagram, 75.1–80.4% from the block diagram;
/// Chicago 80.0–80.5% → 83.8–84.5%.
struct BlockStart {
    /// The jurisdiction's graph (its units are block pieces).
    let graph: WorkGraph
    /// Number of grids.
    let gridCount: Int
    /// Per unit: its block.
    let blocks: [Int32]
    /// Allowed relative deviation from the mean (for `LightComponents` on the coarse graph).
    let tolerance: Double

    /// Blocks up to this share of a grid's mean weight start whole (San Francisco, K 30–60, seeds 1–3:
    /// 0.5 → 74–76% within 25 m at K 50/60; 1.0 → 75–80% and every grid within ±5% at K 30–60; 1.5 and
    /// 2.0 → about the same share, but a block holding two grids' weight starts in one grid and balance
    /// failed at K 30 and K 40).
    static let lightBlockShare = 1.0

    /// The coarse unit of every unit and the coarse count: each connected part (over real adjacency)
    /// of a light block's pieces is one coarse unit, every other unit its own; numbered by lowest unit.
    /// - Complexity: O(n + m).
    func coarseMap() -> (map: [Int32], count: Int) {
        let n = graph.unitCount
        let mean = graph.weight.reduce(0, +) / Double(max(gridCount, 1))
        var blockWeight: [Int32: Double] = [:]  // lookups only
        for u in 0..<n { blockWeight[blocks[u], default: 0] += graph.weight[u] }
        let isLight = { (u: Int) -> Bool in blocks[u] >= 0 && (blockWeight[blocks[u]] ?? 0) <= Self.lightBlockShare * mean }
        var map = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        var stack: [Int] = []
        for start in 0..<n where map[start] < 0 {
            map[start] = count
            if isLight(start) {
                stack.append(start)
                while let u = stack.popLast() {
                    for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where !graph.isLink[e] {
                        let v = Int(graph.neighbors[e])
                        if map[v] < 0, blocks[v] == blocks[start] {
                            map[v] = count
                            stack.append(v)
                        }
                    }
                }
            }
            count += 1
        }
        return (map, Int(count))
    }

    /// The power diagram on the coarse graph, projected to the units.
    /// - Parameter axis: direction of the first bisection axis (as `PowerDiagramStart.run`).
    /// - Complexity: O(n + m) plus `PowerDiagramStart.run` on the coarse graph.
    func run(axis: (Double, Double)) -> [Int32] {
        let (map, count) = coarseMap()
        let coarse = WorkGraph(coarsening: graph, fineToCoarse: map, coarseCount: count)
        let light = LightComponents(graph: coarse, gridCount: gridCount, tolerance: tolerance, centres: nil)
        let assignment = PowerDiagramStart(graph: coarse, gridCount: gridCount, light: light).run(axis: axis)
        return Hierarchy.project(assignment, through: map)
    }
}
