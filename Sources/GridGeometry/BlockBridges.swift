/// Where soft lines cross hard barriers (projected metres), from the segments of the final faces.
///
/// A bridge is either a deck (soft segments with water on one side and no land on the other, or lying on a
/// hard line), chained by their end points, or a point where a soft line crosses a hard line: soft segments
/// leave the point on both sides of the hard line (a street that only ends at the hard line is no bridge).
struct BlockBridges {
    let a: LineArrangement
    let unitOf: [Int32]
    let isWater: [Bool]
    private var node: [PointKey: Int] = [:]
    private var parent: [Int] = []
    /// Per segment: part of a deck.
    private var deck: [Bool]
    /// Per node: the direction of a hard line through it (first seen), and the sides of it on which soft
    /// segments leave the node (bit 1: left, bit 2: right).
    private var hardDirection: [(dx: Double, dy: Double)?] = []
    private var softSides: [UInt8] = []

    init(_ a: LineArrangement, kinds: [UInt8], unitOf: [Int32], isWater: [Bool]) {
        self.a = a
        self.unitOf = unitOf
        self.isWater = isWater
        deck = Array(repeating: false, count: a.segmentCount)
        let water = { (f: Int) -> Bool in f >= 0 && unitOf[f] >= 0 && isWater[Int(unitOf[f])] }
        let notLand = { (f: Int) -> Bool in f < 0 || unitOf[f] < 0 || isWater[Int(unitOf[f])] }
        for s in 0..<a.segmentCount {
            let p = id(a.ax[s], a.ay[s]), q = id(a.bx[s], a.by[s])
            let soft = kinds[s] & SegmentIndex.soft != 0, hard = kinds[s] & SegmentIndex.hardLine != 0
            if hard && !soft {
                let d = (dx: a.bx[s] - a.ax[s], dy: a.by[s] - a.ay[s])
                if hardDirection[p] == nil { hardDirection[p] = d }
                if hardDirection[q] == nil { hardDirection[q] = d }
            }
            let (l, r) = (Int(a.left[s]), Int(a.right[s]))
            if soft && ((notLand(l) && notLand(r) && (water(l) || water(r))) || hard) {
                deck[s] = true
                let (rp, rq) = (find(p), find(q))
                if rp != rq { parent[max(rp, rq)] = min(rp, rq) }
            }
        }
        for s in 0..<a.segmentCount where kinds[s] & SegmentIndex.soft != 0 && kinds[s] & SegmentIndex.hardLine == 0 {
            let p = id(a.ax[s], a.ay[s]), q = id(a.bx[s], a.by[s])
            for (n, ox, oy, nx, ny) in [(p, a.bx[s], a.by[s], a.ax[s], a.ay[s]), (q, a.ax[s], a.ay[s], a.bx[s], a.by[s])] {
                guard let d = hardDirection[n] else { continue }
                let side = d.dx * (oy - ny) - d.dy * (ox - nx)
                if side > 0 { softSides[n] |= 1 } else if side < 0 { softSides[n] |= 2 }
            }
        }
    }

    private mutating func id(_ x: Double, _ y: Double) -> Int {
        let k = PointKey(x, y)
        if let i = node[k] { return i }
        node[k] = parent.count
        parent.append(parent.count)
        hardDirection.append(nil)
        softSides.append(0)
        return parent.count - 1
    }

    private func nodeID(_ x: Double, _ y: Double) -> Int { node[PointKey(x, y)] ?? -1 }

    private func find(_ i: Int) -> Int {
        var r = i
        while parent[r] != r { r = parent[r] }
        return r
    }

    /// Candidate pairs of units of one jurisdiction joined by a bridge: the land units touching a bridge's
    /// nodes and the water on the sides of its deck (never water with water), ascending and unique. The
    /// caller keeps the pairs that share boundary.
    func pairs(jurisdiction: [Int32]) -> [Int64] {
        var bridge = [Bool](repeating: false, count: parent.count)
        for s in 0..<a.segmentCount where deck[s] { bridge[find(nodeID(a.ax[s], a.ay[s]))] = true }
        for i in parent.indices where softSides[i] == 3 { bridge[find(i)] = true }
        var touching: [Int: [Int32]] = [:]
        var order: [Int] = []
        for s in 0..<a.segmentCount {
            for (x, y) in [(a.ax[s], a.ay[s]), (a.bx[s], a.by[s])] {
                let r = find(nodeID(x, y))
                guard bridge[r] else { continue }
                for f in [Int(a.left[s]), Int(a.right[s])] where f >= 0 && unitOf[f] >= 0 && (deck[s] || !isWater[Int(unitOf[f])]) {
                    if touching[r] == nil { order.append(r) }
                    touching[r, default: []].append(unitOf[f])
                }
            }
        }
        var out: [Int64] = []
        for r in order {
            let units = Array(Set(touching[r] ?? [])).sorted()
            guard units.count <= 16 else { continue }  // not a bridge but a long shared line: skip
            for i in units.indices {
                for j in units.indices where j > i && jurisdiction[Int(units[i])] == jurisdiction[Int(units[j])]
                    && !(isWater[Int(units[i])] && isWater[Int(units[j])])
                {
                    out.append(Int64(units[i]) << 32 | Int64(units[j]))
                }
            }
        }
        return Array(Set(out)).sorted()
    }
}

/// A point by the bit patterns of its coordinates.
struct PointKey: Hashable {
    let x: UInt64, y: UInt64
    init(_ x: Double, _ y: Double) {
        self.x = (x + 0).bitPattern
        self.y = (y + 0).bitPattern
    }
}
