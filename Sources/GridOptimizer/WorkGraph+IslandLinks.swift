extension WorkGraph {
    /// Zero-length links that join the real components into one connected graph.
    ///
    /// Prim's algorithm over components, grown from the largest: each step links the component
    /// whose nearest unit (centroid distance) is closest to the tree. Only units with unshared
    /// boundary (outer-boundary units) are candidates, which keeps the search small.
    /// - Complexity: O(b · c) for b candidate units and c components.
    static func islandLinks(
        x: [Double], y: [Double], perimeter: [Double], offsets: [Int32], sharedLength: [Double],
        component: [Int32], componentCount: Int
    ) -> [(Int32, Int32)] {
        guard componentCount > 1 else { return [] }
        let n = x.count
        var size = [Int](repeating: 0, count: componentCount)
        for c in component { size[Int(c)] += 1 }
        // Candidates: units with some boundary not shared with a neighbour.
        var hasCandidate = [Bool](repeating: false, count: componentCount)
        var isCandidate = [Bool](repeating: false, count: n)
        for u in 0..<n {
            var shared = 0.0
            for e in Int(offsets[u])..<Int(offsets[u + 1]) { shared += sharedLength[e] }
            if perimeter[u] - shared > 1e-9 * max(1, perimeter[u]) || offsets[u] == offsets[u + 1] {
                isCandidate[u] = true
                hasCandidate[Int(component[u])] = true
            }
        }
        for u in 0..<n where !hasCandidate[Int(component[u])] { isCandidate[u] = true }
        let candidates = (0..<n).filter { isCandidate[$0] }.map { Int32($0) }
        var root = 0
        for c in 1..<componentCount where size[c] > size[root] { root = c }
        var inTree = [Bool](repeating: false, count: componentCount)
        var bestDistance = [Double](repeating: .infinity, count: candidates.count)
        var bestPartner = [Int32](repeating: -1, count: candidates.count)
        var links: [(Int32, Int32)] = []
        var joining = root
        for _ in 0..<componentCount {
            inTree[joining] = true
            let joined = candidates.filter { Int(component[Int($0)]) == joining }
            for (i, v) in candidates.enumerated() where !inTree[Int(component[Int(v)])] {
                let vx = x[Int(v)]
                let vy = y[Int(v)]
                for t in joined {
                    let dx = x[Int(t)] - vx
                    let dy = y[Int(t)] - vy
                    let d = dx * dx + dy * dy
                    if d < bestDistance[i] {
                        bestDistance[i] = d
                        bestPartner[i] = t
                    }
                }
            }
            var next = -1
            var nextDistance = Double.infinity
            for (i, v) in candidates.enumerated() where !inTree[Int(component[Int(v)])] {
                if bestDistance[i] < nextDistance {
                    nextDistance = bestDistance[i]
                    next = i
                }
            }
            guard next >= 0 else { break }
            links.append((bestPartner[next], candidates[next]))
            joining = Int(component[Int(candidates[next])])
        }
        return links
    }
}
