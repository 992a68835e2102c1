/// One-to-one matching of new grids to earlier grids, so that ids stay with the grids they mostly were.
enum GridMatching {
    /// Greedy matching by shared weight: the heaviest (grid, label) pair first, then the next heaviest
    /// whose grid and label are both still free. Ties go to the lower grid, then the lower label.
    /// - Parameters:
    ///   - shared: weight shared by grid g and earlier label l at `shared[g * labels + l]`.
    /// - Returns: the earlier label of each grid, −1 for a grid that shares nothing with a free label.
    /// - Complexity: O(P log P) for P pairs with shared weight.
    static func heaviestPairs(shared: [Double], grids k: Int, labels: Int) -> [Int] {
        precondition(shared.count == k * labels, "one entry per grid and label")
        var pairs: [(Int, Int, Double)] = []
        for g in 0..<k {
            for l in 0..<labels where shared[g * labels + l] > 0 { pairs.append((g, l, shared[g * labels + l])) }
        }
        pairs.sort { $0.2 != $1.2 ? $0.2 > $1.2 : ($0.0, $0.1) < ($1.0, $1.1) }
        var label = Array(repeating: -1, count: k)
        var taken = Array(repeating: false, count: labels)
        for (g, l, _) in pairs where label[g] < 0 && !taken[l] {
            label[g] = l
            taken[l] = true
        }
        return label
    }
}
