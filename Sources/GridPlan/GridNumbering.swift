/// Ids and codes of the grids, numbered as China's grid-coding standards do: per sub-jurisdiction,
/// north to south in bands, west to east within a band.
struct GridNumbering {
    /// Output position of each grid (optimizer index → 0-based position in the files).
    var position: [Int]
    /// Optimizer grid index at each output position.
    var order: [Int]
    /// `grid_id` per optimizer grid: 2-digit sub-jurisdiction number + 3-digit sequence, e.g. "02017".
    var ids: [String]

    /// - Parameters:
    ///   - jurisdiction: sub-jurisdiction of each grid (optimizer index).
    ///   - centroidX, centroidY: each grid's centroid in metres (x east, y north).
    ///   - bandHeight: height of a numbering band in metres (about one grid across).
    init(jurisdiction: [Int32], centroidX: [Double], centroidY: [Double], bandHeight: Double) {
        let k = jurisdiction.count
        let top = centroidY.max() ?? 0
        let band = { (g: Int) -> Int in Int(((top - centroidY[g]) / max(bandHeight, 1)).rounded(.down)) }
        let sorted = (0..<k).sorted { a, b in
            if jurisdiction[a] != jurisdiction[b] { return jurisdiction[a] < jurisdiction[b] }
            let ba = band(a), bb = band(b)
            if ba != bb { return ba < bb }
            if centroidX[a] != centroidX[b] { return centroidX[a] < centroidX[b] }
            return a < b
        }
        order = sorted
        position = Array(repeating: 0, count: k)
        ids = Array(repeating: "", count: k)
        var sequence = 0
        var current: Int32 = -1
        let width = max(3, String(k).count)
        for (p, g) in sorted.enumerated() {
            position[g] = p
            if jurisdiction[g] != current {
                current = jurisdiction[g]
                sequence = 0
            }
            sequence += 1
            ids[g] = Self.pad(Int(jurisdiction[g]) + 1, 2) + Self.pad(sequence, width)
        }
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Keeps the ids of an earlier plan: grid g takes `earlier[g]` when it has one; the other grids get
    /// fresh sequence numbers in their jurisdiction, after the highest one in use, so no id repeats.
    mutating func adopt(earlier: [String?], jurisdiction: [Int32]) {
        var used = Set(earlier.compactMap { $0 })
        var next: [Int32: Int] = [:]
        for g in order {
            if let id = earlier[g] {
                ids[g] = id
            }
        }
        let width = max(3, String(jurisdiction.count).count)
        for g in order where earlier[g] == nil {
            let j = jurisdiction[g]
            var seq = next[j] ?? 1
            var candidate = Self.pad(Int(j) + 1, 2) + Self.pad(seq, width)
            while used.contains(candidate) {
                seq += 1
                candidate = Self.pad(Int(j) + 1, 2) + Self.pad(seq, width)
            }
            ids[g] = candidate
            used.insert(candidate)
            next[j] = seq + 1
        }
    }
}
