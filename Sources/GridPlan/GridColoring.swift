/// Colours for the map so that neighbouring grids differ (greedy colouring, most-connected first).
enum GridColoring {
    /// - Parameters:
    ///   - gridCount: number of grids.
    ///   - edges: pairs of neighbouring grids (any order, repeats allowed).
    /// - Returns: a colour index per grid, the smallest not used by an already coloured neighbour.
    /// - Complexity: O(K log K + E)
    static func colors(gridCount k: Int, edges: [(Int, Int)]) -> [Int] {
        var adjacency = Array(repeating: [Int](), count: k)
        for (a, b) in edges where a != b {
            adjacency[a].append(b)
            adjacency[b].append(a)
        }
        for g in 0..<k { adjacency[g] = Array(Set(adjacency[g])).sorted() }
        let degree = adjacency.map(\.count)
        let order = (0..<k).sorted { (a: Int, b: Int) -> Bool in
            degree[a] != degree[b] ? degree[a] > degree[b] : a < b
        }
        var color = Array(repeating: -1, count: k)
        for g in order {
            let used = Set(adjacency[g].map { color[$0] })
            var c = 0
            while used.contains(c) { c += 1 }
            color[g] = c
        }
        return color
    }
}
