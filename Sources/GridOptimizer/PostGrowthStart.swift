/// The start with fixed centres (police posts): every grid grows outward from its post over the
/// graph, the lightest grid claiming its nearest free frontier unit in turn.
///
/// A power cell around a post can hold its weight in land not connected to the post (a post in a
/// sparse strip beside a dense block); the contiguity repair then leaves that grid with the post
/// alone. Growing along the graph is contiguous by construction, and a light grid keeps claiming
/// (along the strip, into the block) until it catches up, so the search starts balanced enough.
struct PostGrowthStart {
    /// The graph being partitioned.
    let graph: WorkGraph
    /// Fixed centre unit per grid.
    let centres: [Int32]
    /// Land too light to be a grid: it follows its anchor's grid at the end.
    var light: LightComponents? = nil

    /// Grows all grids; units no grid reached (none in a connected work graph) join the nearest post.
    /// - Complexity: O(m log m + n log K) for m adjacency entries.
    func run() -> [Int32] {
        let n = graph.unitCount
        let k = centres.count
        var assignment = [Int32](repeating: -1, count: n)
        var frontier = [MinHeap](repeating: MinHeap(), count: k)
        var grids = MinHeap()
        var weight = [Double](repeating: 0, count: k)
        for (g, c) in centres.enumerated() {
            assignment[Int(c)] = Int32(g)
            weight[g] = graph.weight[Int(c)]
        }
        for (g, c) in centres.enumerated() {
            push(from: Int(c), grid: g, assignment, &frontier[g])
            grids.push(weight[g], Int32(g))
        }
        while let (_, gg) = grids.pop() {
            let g = Int(gg)
            // The nearest unit on this grid's frontier that no grid has claimed since it was seen.
            var claimed = -1
            while let (_, u) = frontier[g].pop() {
                if assignment[Int(u)] < 0 {
                    claimed = Int(u)
                    break
                }
            }
            guard claimed >= 0 else { continue }  // enclosed: this grid grows no further
            assignment[claimed] = Int32(g)
            weight[g] += graph.weight[claimed]
            push(from: claimed, grid: g, assignment, &frontier[g])
            grids.push(weight[g], Int32(g))
        }
        for u in 0..<n where assignment[u] < 0 { assignment[u] = nearestPost(u) }
        if let light, light.lightCount > 0 {
            for u in 0..<n where light.isLight[u] { assignment[u] = assignment[Int(light.anchor[u])] }
            for (g, c) in centres.enumerated() { assignment[Int(c)] = Int32(g) }
        }
        return assignment
    }

    /// Puts the free neighbours of `u` on grid `g`'s frontier, keyed by squared distance to its post.
    private func push(from u: Int, grid g: Int, _ assignment: [Int32], _ heap: inout MinHeap) {
        let c = Int(centres[g])
        for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
            let v = Int(graph.neighbors[e])
            guard assignment[v] < 0 else { continue }
            let dx = graph.x[v] - graph.x[c]
            let dy = graph.y[v] - graph.y[c]
            heap.push(dx * dx + dy * dy, Int32(v))
        }
    }

    /// The grid whose post is nearest to unit `u` (first on ties).
    private func nearestPost(_ u: Int) -> Int32 {
        var best = 0
        var bestDistance = Double.infinity
        for (g, c) in centres.enumerated() {
            let dx = graph.x[u] - graph.x[Int(c)]
            let dy = graph.y[u] - graph.y[Int(c)]
            if dx * dx + dy * dy < bestDistance {
                bestDistance = dx * dx + dy * dy
                best = g
            }
        }
        return Int32(best)
    }
}

/// A binary min-heap of (key, item), ties broken by the smaller item (deterministic).
struct MinHeap {
    private var keys: [Double] = []
    private var items: [Int32] = []

    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && items[i] < items[j])
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        keys.swapAt(i, j)
        items.swapAt(i, j)
    }

    mutating func push(_ key: Double, _ item: Int32) {
        keys.append(key)
        items.append(item)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard less(i, p) else { break }
            swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> (Double, Int32)? {
        guard let lastKey = keys.last, let lastItem = items.last else { return nil }
        let top = (keys[0], items[0])
        keys.removeLast()
        items.removeLast()
        guard !keys.isEmpty else { return top }
        keys[0] = lastKey
        items[0] = lastItem
        var i = 0
        while true {
            let l = 2 * i + 1
            let r = l + 1
            var m = i
            if l < keys.count, less(l, m) { m = l }
            if r < keys.count, less(r, m) { m = r }
            guard m != i else { return top }
            swapAt(i, m)
            i = m
        }
    }
}
