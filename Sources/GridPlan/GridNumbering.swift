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

    /// Keeps the ids of an earlier plan: grid g takes `earlier[g]` when it has one. The other grids get
    /// fresh ids in their station's own sequence, never one the earlier plan used anywhere:
    /// - after the highest number among the earlier ids the station kept, in their form (a bureau's
    ///   `1713`, `1722` go on with `1734`; `A-07` with `A-08`);
    /// - else, with `--station-code`, the station's code and a 3-digit sequence;
    /// - else gridplan's own form (2-digit station number and sequence).
    /// - Parameters:
    ///   - everyEarlier: every id of the earlier plan, kept or not.
    ///   - stationCode: the bureau's code of station j, if any.
    mutating func adopt(earlier: [String?], jurisdiction: [Int32], everyEarlier: [String], stationCode: (Int) -> String?) {
        var used = Set(everyEarlier)
        for g in order {
            if let id = earlier[g] {
                ids[g] = id
                used.insert(id)
            }
        }
        let width = max(3, String(jurisdiction.count).count)
        var sequences: [Int32: IDSequence] = [:]
        for g in order where earlier[g] == nil {
            let j = jurisdiction[g]
            var sequence =
                sequences[j]
                ?? IDSequence(kept: order.compactMap { jurisdiction[$0] == j ? earlier[$0] : nil })
                ?? stationCode(Int(j)).map { IDSequence(prefix: $0, next: 1, width: 3) }
                ?? IDSequence(prefix: Self.pad(Int(j) + 1, 2), next: 1, width: width)
            ids[g] = sequence.take(avoiding: &used)
            sequences[j] = sequence
        }
    }
}

/// A run of ids: a fixed prefix and a zero-padded number.
struct IDSequence {
    var prefix: String
    var next: Int
    var width: Int

    init(prefix: String, next: Int, width: Int) {
        self.prefix = prefix
        self.next = next
        self.width = width
    }

    /// The sequence the ids `kept` follow: their most common prefix and number width (the first seen
    /// wins a tie), numbered after the highest of them. Nil when an id does not end in digits.
    init?(kept: [String]) {
        var forms: [(prefix: String, width: Int, count: Int, highest: Int)] = []
        for id in kept {
            let digits = id.reversed().prefix { $0.isASCII && $0.isNumber }.count
            guard digits > 0, digits <= 9, let n = Int(id.suffix(digits)) else { return nil }
            let prefix = String(id.dropLast(digits))
            if let k = forms.firstIndex(where: { $0.prefix == prefix && $0.width == digits }) {
                forms[k].count += 1
                forms[k].highest = max(forms[k].highest, n)
            } else {
                forms.append((prefix, digits, 1, n))
            }
        }
        guard var best = forms.first else { return nil }
        for f in forms.dropFirst() where f.count > best.count { best = f }
        self.init(prefix: best.prefix, next: best.highest + 1, width: best.width)
    }

    /// The next id not in `used` (which then holds it).
    mutating func take(avoiding used: inout Set<String>) -> String {
        var id = prefix + GridNumbering.pad(next, width)
        while used.contains(id) {
            next += 1
            id = prefix + GridNumbering.pad(next, width)
        }
        next += 1
        used.insert(id)
        return id
    }
}
