/// How many grids every solid piece of a jurisdiction holds, and which land crosses which island
/// link so that every piece's grids can reach the band (`LightComponents`).
///
/// Pieces are the solid components, each with the light land anchored on it; the island links
/// join them in a tree (the links are a spanning tree of the components, and light land hangs off
/// its anchor's piece). Leaves first, every piece takes the whole number of grids n ≥ 1 whose
/// band n·(1 ± t/2)·mean is nearest its load (its weight plus what its children pass it), and
/// passes the rest, positive or negative, across the link to its parent; the heaviest piece (the
/// root) takes the remaining grids. A flow becomes a blob of units grown from the link's endpoint
/// on the giving side (breadth first over real adjacency) that starts in the grid of the unit
/// across the link: that grid straddles the link, a declared exclave.
///
/// Half the tolerance leaves the search room on both sides; a piece already that close to a whole
/// number of means moves nothing.
struct IslandPlan {
    /// Per unit: true when it starts in its anchor's grid.
    var follows: [Bool]
    /// Per unit: the solid unit whose grid a following unit starts in (itself otherwise).
    var anchor: [Int32]
    /// Per unit: the piece whose grids it starts in.
    var group: [Int32]
    /// Per grid: its piece; pieces take consecutive grid ranges in component order.
    var gridGroup: [Int32]

    /// Plans `gridCount` grids over the solid pieces of `graph`, or nil when there is at most one
    /// solid piece or no consistent plan (the links do not form a tree over the pieces, or a piece
    /// has fewer units than grids).
    /// - Complexity: O(n + m + c · links).
    init?(graph: WorkGraph, gridCount: Int, tolerance: Double, isLight: [Bool], anchor lightAnchor: [Int32]) {
        let n = graph.unitCount
        let c = graph.componentCount
        guard c > 1, gridCount > 1 else { return nil }
        let total = graph.weight.reduce(0, +)
        guard total > 0 else { return nil }
        let mean = total / Double(gridCount)
        // Piece of every component: itself when solid, its anchor's component when light.
        var piece = [Int](repeating: -1, count: c)
        for u in 0..<n {
            let k = Int(graph.component[u])
            piece[k] = isLight[u] ? Int(graph.component[Int(lightAnchor[u])]) : k
        }
        let solid = (0..<c).filter { piece[$0] == $0 }
        guard solid.count > 1 else { return nil }
        var groupOf = [Int](repeating: -1, count: c)
        for (i, k) in solid.enumerated() { groupOf[k] = i }
        let p = solid.count
        var load = [Double](repeating: 0, count: p)
        var solidUnits = [Int](repeating: 0, count: p)
        for u in 0..<n {
            let g = groupOf[piece[Int(graph.component[u])]]
            load[g] += graph.weight[u] / mean
            if !isLight[u] { solidUnits[g] += 1 }
        }
        // The tree of pieces: the links between different pieces, in link order.
        var edges: [[(link: Int, other: Int)]] = Array(repeating: [], count: p)
        var edgeCount = 0
        for (i, (a, b)) in graph.links.enumerated() {
            let ga = groupOf[piece[Int(graph.component[Int(a)])]]
            let gb = groupOf[piece[Int(graph.component[Int(b)])]]
            guard ga != gb else { continue }
            edges[ga].append((i, gb))
            edges[gb].append((i, ga))
            edgeCount += 1
        }
        guard edgeCount == p - 1 else { return nil }
        var root = 0
        for g in 1..<p where load[g] > load[root] { root = g }
        let (order, parentLink) = IslandPlan.treeOrder(edges, root: root)
        guard order.count == p else { return nil }
        // Leaves first: grids per piece and the flow to the parent (positive: land leaves).
        let half = tolerance / 2
        var grids = [Int](repeating: 0, count: p)
        var flow = [Double](repeating: 0, count: p)
        for g in order.reversed() where g != root {
            let l = load[g]
            var best = (grids: 1, flow: Double.infinity)
            let (fewer, more) = (max(1, Int(l.rounded(.down))), max(1, Int(l.rounded(.up))))
            for count in fewer == more ? [fewer] : [fewer, more] {
                let low = Double(count) * (1 - half)
                let high = Double(count) * (1 + half)
                let f = l < low ? l - low : l > high ? l - high : 0
                if abs(f) < abs(best.flow) - 1e-12 { best = (count, f) }
            }
            grids[g] = best.grids
            flow[g] = best.flow
            let (a, b) = graph.links[parentLink[g]]
            let parent = groupOf[piece[Int(graph.component[Int(a)])]] == g
                ? groupOf[piece[Int(graph.component[Int(b)])]] : groupOf[piece[Int(graph.component[Int(a)])]]
            load[parent] += best.flow
        }
        grids[root] = gridCount - grids.reduce(0, +)
        guard grids[root] >= 1, (0..<p).allSatisfy({ grids[$0] <= solidUnits[$0] }) else { return nil }
        var follows = isLight
        var anchor = lightAnchor
        var group = [Int32](repeating: 0, count: n)
        for u in 0..<n { group[u] = Int32(groupOf[piece[Int(graph.component[u])]]) }
        IslandPlan.moveAcrossLinks(
            graph: graph, order: order, root: root, parentLink: parentLink, flow: flow.map { $0 * mean },
            groupOf: groupOf, piece: piece, follows: &follows, anchor: &anchor, group: &group)
        self.follows = follows
        self.anchor = anchor
        self.group = group
        var gridGroup: [Int32] = []
        for g in 0..<p { gridGroup += [Int32](repeating: Int32(g), count: grids[g]) }
        self.gridGroup = gridGroup
    }

    /// Breadth-first order of the pieces from `root` over `edges`, and the link to its parent of
    /// every piece reached (-1 for the root and for pieces not reached).
    static func treeOrder(_ edges: [[(link: Int, other: Int)]], root: Int) -> (order: [Int], parentLink: [Int]) {
        var parentLink = [Int](repeating: -1, count: edges.count)
        var visited = [Bool](repeating: false, count: edges.count)
        var order = [root]
        visited[root] = true
        var head = 0
        while head < order.count {
            let g = order[head]
            head += 1
            for (link, other) in edges[g] where !visited[other] {
                visited[other] = true
                parentLink[other] = link
                order.append(other)
            }
        }
        return (order, parentLink)
    }

    /// Turns every flow into a blob of units on the giving side of its link that follows the unit
    /// across the link. A blob never takes a link endpoint other than its own start, nor a unit
    /// some following unit is anchored on, nor land already moved, so anchors never chain.
    /// - Complexity: O(n + m).
    private static func moveAcrossLinks(
        graph: WorkGraph, order: [Int], root: Int, parentLink: [Int], flow: [Double], groupOf: [Int],
        piece: [Int], follows: inout [Bool], anchor: inout [Int32], group: inout [Int32]
    ) {
        let n = graph.unitCount
        var reserved = [Bool](repeating: false, count: n)
        for (a, b) in graph.links {
            reserved[Int(a)] = true
            reserved[Int(b)] = true
        }
        for u in 0..<n where follows[u] { reserved[Int(anchor[u])] = true }
        func groupOfUnit(_ u: Int) -> Int { groupOf[piece[Int(graph.component[u])]] }
        // Resolved target of every flow first, so that no blob takes another flow's target.
        var moves: [(start: Int, target: Int32, amount: Double)] = []
        for g in order where g != root && flow[g] != 0 {
            let (a, b) = graph.links[parentLink[g]]
            let (mine, theirs) = groupOfUnit(Int(a)) == g ? (Int(a), Int(b)) : (Int(b), Int(a))
            let (start, across) = flow[g] > 0 ? (mine, theirs) : (theirs, mine)
            let target = follows[across] ? anchor[across] : Int32(across)
            reserved[Int(target)] = true
            moves.append((start, target, abs(flow[g])))
        }
        var queued = [Bool](repeating: false, count: n)
        for move in moves where !queued[move.start] {
            let targetGroup = group[Int(move.target)]
            var queue = [move.start]
            queued[move.start] = true
            var head = 0
            var taken = 0.0
            while head < queue.count {
                let u = queue[head]
                head += 1
                let w = graph.weight[u]
                if taken + w > move.amount + w / 2 { break }
                taken += w
                follows[u] = true
                anchor[u] = move.target
                group[u] = targetGroup
                for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where !graph.isLink[e] {
                    let v = Int(graph.neighbors[e])
                    guard !queued[v], !reserved[v], group[v] != targetGroup else { continue }
                    queued[v] = true
                    queue.append(v)
                }
            }
        }
    }
}
