/// Merging sliver faces into neighbours of their jurisdiction, then numbering the blocks (metres, m²).
struct SliverMerge {
    struct Group {
        var station: Int32
        var water: Bool
        /// Faces, ascending.
        var faces: [Int]
    }

    let a: LineArrangement
    let station: [Int32]
    let water: [Bool]
    private var parent: [Int]
    private(set) var merged = 0

    /// Merges slivers smallest first (ties: lower face) into the neighbouring group of the same jurisdiction
    /// with which the sliver face shares the longest boundary (ties: lower group), never across a hard line;
    /// into land when it has a land neighbour, else into water (a sliver cut off between water and the border
    /// would be an island unit: it becomes part of the water, which joins the grid of its bank); stops merging
    /// a group once it is no longer a sliver. A group holding water is water.
    init(_ a: LineArrangement, station: [Int32], water: [Bool], kinds: [UInt8], options: BlockOptions) {
        self.a = a
        self.station = station
        self.water = water
        parent = Array(0..<a.count)
        var area = a.area
        var perimeter = (0..<a.count).map { a.perimeter($0) }
        let isSliver = { (ar: Double, p: Double) -> Bool in
            ar < options.sliverAreaM2 || (p > 0 && 2 * ar / p < options.sliverWidthMetres)
        }
        let order = (0..<a.count).filter { station[$0] >= 0 && !water[$0] && isSliver(a.area[$0], perimeter[$0]) }
            .sorted { a.area[$0] != a.area[$1] ? a.area[$0] < a.area[$1] : $0 < $1 }
        for f in order {
            let r = find(f)
            guard isSliver(area[r], perimeter[r]) else { continue }
            // Land neighbours first; a sliver with none (cut off between water and the border) joins the water.
            var tally: [(root: Int, length: Double, water: Bool)] = []
            for s in a.segments(of: f) where kinds[Int(s)] & SegmentIndex.hardLine == 0 {
                let g = a.other(Int(s), f)
                guard g >= 0, station[g] == station[f] else { continue }
                let rg = find(g)
                guard rg != r else { continue }
                if let i = tally.firstIndex(where: { $0.root == rg }) {
                    tally[i].length += a.length[Int(s)]
                } else {
                    tally.append((rg, a.length[Int(s)], water[g]))
                }
            }
            if tally.contains(where: { !$0.water && $0.length > 0 }) { tally.removeAll { $0.water } }
            var best: (root: Int, length: Double, water: Bool)?
            for t in tally where t.length > 0 {
                if let b = best, t.length < b.length || (t.length == b.length && t.root > b.root) { continue }
                best = t
            }
            guard let target = best else { continue }
            let (lo, hi) = (min(r, target.root), max(r, target.root))
            parent[hi] = lo
            area[lo] = area[r] + area[target.root]
            perimeter[lo] = perimeter[r] + perimeter[target.root] - 2 * target.length
            merged += 1
        }
    }

    private mutating func find(_ f: Int) -> Int {
        var r = f
        while parent[r] != r { r = parent[r] }
        var x = f
        while parent[x] != r {
            let next = parent[x]
            parent[x] = r
            x = next
        }
        return r
    }

    /// Blocks (and water faces) ordered land first, then by jurisdiction, then by their lowest face; the
    /// group of each face (-1 outside the jurisdictions).
    mutating func groups() -> (list: [Group], ofFace: [Int32]) {
        var rootGroup = [Int](repeating: -1, count: a.count)
        var list: [Group] = []
        for f in 0..<a.count where station[f] >= 0 {
            let r = find(f)
            if rootGroup[r] < 0 {
                rootGroup[r] = list.count
                list.append(Group(station: station[f], water: water[f], faces: []))
            }
            list[rootGroup[r]].faces.append(f)
            if water[f] { list[rootGroup[r]].water = true }
        }
        let order = list.indices.sorted {
            let x = list[$0], y = list[$1]
            if x.water != y.water { return !x.water }
            if x.station != y.station { return x.station < y.station }
            return x.faces[0] < y.faces[0]
        }
        var rank = [Int32](repeating: 0, count: list.count)
        for (k, g) in order.enumerated() { rank[g] = Int32(k) }
        var ofFace = [Int32](repeating: -1, count: a.count)
        for f in 0..<a.count where station[f] >= 0 { ofFace[f] = rank[rootGroup[find(f)]] }
        return (order.map { list[$0] }, ofFace)
    }
}
