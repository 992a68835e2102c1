/// The rule for cut-off land (DESIGN.md, Contiguity): a component whose weight is below the lower
/// end of the band, (1 − t)·mean, can never be a grid on its own, so it holds no grid: the start
/// puts it in the grid of its anchor (the unit across its island link, or the anchor of the
/// component that link leads to), and the search never lets a grid shrink to such land alone
/// (`Partition.canRemove` keeps the last unit of other land in every grid that has one).
///
/// Light components linked only to each other count together: a cluster of them heavy enough to be
/// a grid is solid. Components heavy enough to hold a grid are "solid". The heaviest component and
/// any component holding a fixed centre are always solid.
///
/// Without fixed centres, the grids are shared out over the solid pieces before the start (the
/// island plan, `plan`): a piece whose weight is not close to a whole number of grid means (1.7
/// means: one grid is +70 %, two are −15 %) gets a whole number of grids, and the difference
/// crosses its island link: a blob of units next to the link on one side starts in the grid of the
/// unit across the link (that grid straddles the link, a declared exclave). The start then draws
/// every piece's grids on that piece only (`group`, `gridGroup`), so no piece depends on luck for
/// its grid count.
struct LightComponents: Sendable {
    /// Per unit: true when it lies in a component too light to be a grid.
    let isLight: [Bool]
    /// Per unit: the solid unit whose grid a following unit starts in (the unit itself otherwise).
    let anchor: [Int32]
    /// Number of light components.
    let lightCount: Int
    /// Per unit: true when it starts in its anchor's grid (light land, or land the island plan
    /// moves across a link).
    let follows: [Bool]
    /// Per unit: the piece (index into the planned pieces) whose grids it starts in; all 0 without
    /// a plan.
    let group: [Int32]
    /// Per grid: the piece it is drawn on, or nil without an island plan (one piece).
    let gridGroup: [Int32]?

    /// No light land: every unit solid.
    init(unitCount: Int) {
        isLight = [Bool](repeating: false, count: unitCount)
        anchor = (0..<Int32(unitCount)).map { $0 }
        lightCount = 0
        follows = isLight
        group = [Int32](repeating: 0, count: unitCount)
        gridGroup = nil
    }

    /// Classifies the components of `graph` for `gridCount` grids at relative `tolerance`, and
    /// (without centres) plans the grids of every solid piece.
    /// - Complexity: O(n + c · links) for c components.
    init(graph: WorkGraph, gridCount: Int, tolerance: Double, centres: [Int32]?) {
        let n = graph.unitCount
        let classified = LightComponents.classify(
            graph: graph, gridCount: gridCount, tolerance: tolerance, centres: centres)
        let (light, lightAnchor, count) =
            classified ?? ([Bool](repeating: false, count: n), (0..<Int32(n)).map { $0 }, 0)
        isLight = light
        lightCount = count
        let plan =
            centres == nil
            ? IslandPlan(graph: graph, gridCount: gridCount, tolerance: tolerance, isLight: light, anchor: lightAnchor)
            : nil
        if let plan {
            follows = plan.follows
            anchor = plan.anchor
            group = plan.group
            gridGroup = plan.gridGroup
        } else {
            follows = light
            anchor = lightAnchor
            group = [Int32](repeating: 0, count: n)
            gridGroup = nil
        }
    }

    /// (isLight, anchor, lightCount), or nil when every component is solid.
    private static func classify(
        graph: WorkGraph, gridCount: Int, tolerance: Double, centres: [Int32]?
    ) -> ([Bool], [Int32], Int)? {
        let n = graph.unitCount
        let c = graph.componentCount
        guard c > 1, gridCount > 1 else { return nil }
        var componentWeight = [Double](repeating: 0, count: c)
        for u in 0..<n { componentWeight[Int(graph.component[u])] += graph.weight[u] }
        let mean = componentWeight.reduce(0, +) / Double(gridCount)
        guard mean > 0 else { return nil }
        let lower = (1 - tolerance) * mean
        var heaviest = 0
        for i in 1..<c where componentWeight[i] > componentWeight[heaviest] { heaviest = i }
        var hasCentre = [Bool](repeating: false, count: c)
        for u in centres ?? [] { hasCentre[Int(graph.component[Int(u)])] = true }
        // Component anchor: -1 solid, -2 not reached yet, else the solid unit its land joins.
        var componentAnchor = [Int32](repeating: -1, count: c)
        var light = 0
        for i in 0..<c where i != heaviest && !hasCentre[i] && componentWeight[i] < lower {
            componentAnchor[i] = -2
            light += 1
        }
        guard light > 0 else { return nil }
        // Light components linked to each other form one cluster that joins other land together:
        // a cluster heavy enough to be a grid is solid (two small islands side by side).
        var cluster = (0..<c).map { $0 }
        func root(_ i: Int) -> Int {
            var r = i
            while cluster[r] != r { r = cluster[r] }
            return r
        }
        for (a, b) in graph.links {
            let (ca, cb) = (Int(graph.component[Int(a)]), Int(graph.component[Int(b)]))
            guard componentAnchor[ca] == -2, componentAnchor[cb] == -2 else { continue }
            let (ra, rb) = (root(ca), root(cb))
            if ra != rb { cluster[max(ra, rb)] = min(ra, rb) }
        }
        var clusterWeight = [Double](repeating: 0, count: c)
        for i in 0..<c where componentAnchor[i] == -2 { clusterWeight[root(i)] += componentWeight[i] }
        for i in 0..<c where componentAnchor[i] == -2 && clusterWeight[root(i)] >= lower { componentAnchor[i] = -1 }
        // Reach light components from solid land through the links, in link order.
        var changed = true
        while changed {
            changed = false
            for (a, b) in graph.links {
                for (s, t) in [(a, b), (b, a)] {
                    let cs = Int(graph.component[Int(s)])
                    let ct = Int(graph.component[Int(t)])
                    guard componentAnchor[ct] == -2, componentAnchor[cs] != -2 else { continue }
                    componentAnchor[ct] = componentAnchor[cs] == -1 ? s : componentAnchor[cs]
                    changed = true
                }
            }
        }
        var isLight = [Bool](repeating: false, count: n)
        var anchor = (0..<Int32(n)).map { $0 }
        var count = 0
        for i in 0..<c where componentAnchor[i] == -2 { componentAnchor[i] = -1 }  // unreachable: solid
        for i in 0..<c where componentAnchor[i] >= 0 { count += 1 }
        for u in 0..<n {
            let a = componentAnchor[Int(graph.component[u])]
            if a >= 0 {
                isLight[u] = true
                anchor[u] = a
            }
        }
        return count > 0 ? (isLight, anchor, count) : nil
    }
}
