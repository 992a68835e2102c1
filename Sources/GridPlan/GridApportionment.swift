/// How many grids each sub-jurisdiction gets.
public enum GridApportionment {
    /// Shares `total` grids among jurisdictions in proportion to `weights` by the largest-remainder
    /// (Hamilton) method, giving every jurisdiction at least one. Ties go to the lower index, so the
    /// result is deterministic.
    ///
    /// When every weight is zero the grids are shared by `fallback` (e.g. areas) instead.
    /// - Precondition: `total >= weights.count`.
    /// - Complexity: O(n log n)
    public static func largestRemainder(total: Int, weights: [Double], fallback: [Double]? = nil) -> [Int] {
        let n = weights.count
        precondition(total >= n, "at least one grid per jurisdiction")
        var w = weights
        if w.reduce(0, +) <= 0, let fallback, fallback.reduce(0, +) > 0 { w = fallback }
        guard w.reduce(0, +) > 0 else {
            // Nothing to go by: spread evenly.
            return (0..<n).map { total / n + ($0 < total % n ? 1 : 0) }
        }
        // Jurisdictions whose quota is below one get exactly one; the others share the rest by
        // quota. Repeat until no remaining quota drops below one, then hand out remainders.
        var counts = Array(repeating: 0, count: n)
        var open = Array(0..<n)
        var free = total
        while true {
            let openSum = open.reduce(0.0) { $0 + w[$1] }
            let small = open.filter { openSum <= 0 || Double(free) * w[$0] / openSum < 1 }
            if small.isEmpty { break }
            for i in small { counts[i] = 1 }
            free -= small.count
            open = open.filter { !small.contains($0) }
        }
        let openSum = open.reduce(0.0) { $0 + w[$1] }
        var remainders: [(Double, Int)] = []
        var assigned = 0
        for i in open {
            let quota = Double(free) * w[i] / openSum
            let whole = Int(quota.rounded(.down))
            counts[i] = whole
            assigned += whole
            remainders.append((quota - Double(whole), i))
        }
        remainders.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        for k in 0..<min(free - assigned, remainders.count) { counts[remainders[k].1] += 1 }
        return counts
    }

    /// Grids per jurisdiction for a target weight per grid: weight / target, rounded, at least one.
    public static func forTarget(_ target: Double, weights: [Double]) -> [Int] {
        weights.map { max(1, Int(($0 / target).rounded())) }
    }
}
