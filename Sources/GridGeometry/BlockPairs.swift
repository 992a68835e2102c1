/// Pairs of units sharing boundary, from the segments of the final faces (metres): every contact within a
/// jurisdiction, the links the optimizer may use, and each unit's perimeter and its part on a barrier line or
/// a station border (edges a grid may have at no extra cost).
struct BlockPairs {
    /// Boundary shared by two units of one jurisdiction (key: lower unit << 32 | higher unit).
    var contact: [Int64: (length: Double, barrier: Double)] = [:]
    /// Contacts that are links: land with land, not across a hard line (then water hosts and bridges).
    var linked: [Int64: (length: Double, barrier: Double)] = [:]
    var perimeter: [Double]
    /// Part of each unit's perimeter on a barrier line or a jurisdiction border.
    var onBarrier: [Double]

    static func key(_ u: Int32, _ v: Int32) -> Int64 { Int64(min(u, v)) << 32 | Int64(max(u, v)) }

    init(_ a: LineArrangement, unitOf: [Int32], kinds: [UInt8], jurisdiction: [Int32], isWater: [Bool]) {
        perimeter = Array(repeating: 0, count: jurisdiction.count)
        onBarrier = perimeter
        for s in 0..<a.segmentCount {
            let fu = Int(a.left[s]), fv = Int(a.right[s])
            let u = unitOf[fu], v = fv >= 0 ? unitOf[fv] : -1
            guard u != v else { continue }
            let len = a.length[s], barrier = kinds[s] & SegmentIndex.barrier != 0
            for w in [u, v] where w >= 0 {
                perimeter[Int(w)] += len
                // A border is an edge every grid there has: it costs what a barrier metre costs.
                if barrier || kinds[s] & SegmentIndex.border != 0 { onBarrier[Int(w)] += len }
            }
            guard u >= 0, v >= 0, jurisdiction[Int(u)] == jurisdiction[Int(v)] else { continue }
            let k = Self.key(u, v)
            let b = barrier ? len : 0
            contact[k, default: (0, 0)].length += len
            contact[k, default: (0, 0)].barrier += b
            if !isWater[Int(u)] && !isWater[Int(v)] && kinds[s] & SegmentIndex.hardLine == 0 {
                linked[k, default: (0, 0)].length += len
                linked[k, default: (0, 0)].barrier += b
            }
        }
    }

    /// Links each water unit to the land unit of its jurisdiction it shares most boundary with (ties: the
    /// lower pair), so it joins that unit's grid and never links two banks.
    mutating func linkWater(_ isWater: [Bool]) {
        let n = isWater.count
        var host = [Int32](repeating: -1, count: n), hostLength = [Double](repeating: 0, count: n)
        for k in contact.keys.sorted() {
            guard let c = contact[k] else { continue }
            let u = Int32(k >> 32), v = Int32(truncatingIfNeeded: k)
            for (w, l) in [(u, v), (v, u)] where isWater[Int(w)] && !isWater[Int(l)] && c.length > hostLength[Int(w)] {
                host[Int(w)] = l
                hostLength[Int(w)] = c.length
            }
        }
        for w in 0..<n where host[w] >= 0 {
            let k = Self.key(Int32(w), host[w])
            linked[k] = contact[k]
        }
    }

    /// Symmetric CSR of `pairs` over `count` units, neighbours ascending: shared lengths and their barrier part.
    static func csr(_ pairs: [Int64: (length: Double, barrier: Double)], count: Int) -> (
        offsets: [Int32], neighbors: [Int32], length: [Double], barrier: [Double]
    ) {
        var lists = [[(Int32, Double)]](repeating: [], count: count), barrierLists = lists
        for k in pairs.keys.sorted() {
            guard let e = pairs[k] else { continue }
            let u = Int32(k >> 32), v = Int32(truncatingIfNeeded: k)
            lists[Int(u)].append((v, e.length))
            lists[Int(v)].append((u, e.length))
            barrierLists[Int(u)].append((v, e.barrier))
            barrierLists[Int(v)].append((u, e.barrier))
        }
        let c = UnitSet.csr(lists)
        return (c.offsets, c.neighbors, c.lengths, UnitSet.csr(barrierLists).lengths)
    }
}
