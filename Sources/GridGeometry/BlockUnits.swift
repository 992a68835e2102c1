import GridModel

/// Block units and, per edge and per unit, how much of their boundary lies on a barrier line (metres).
///
/// `units` carries the real shared lengths and perimeters. The optimizer is given `costUnits(factor:)`: the
/// same graph whose lengths are cut costs, where a metre on a barrier line costs `factor` and any other metre 1.
public struct BlockUnits: Sendable {
    public var units: UnitSet
    /// Part of each edge's shared length lying on a barrier line (soft, hard line or hard-area outline);
    /// parallel to `units.neighbors`. Bridge links have shared length 0.
    public var barrierLength: [Double]
    /// Part of each unit's perimeter lying on a barrier line.
    public var perimeterOnBarrier: [Double]
    /// True for units inside a hard area (water): they hold no weight that matters and link to one land unit.
    public var isWater: [Bool]
    /// Every pair of units of one jurisdiction sharing boundary, linked or not (across a hard barrier), as CSR
    /// with the shared length and its part on a barrier line: what `barrierShare` measures.
    public var contactOffsets: [Int32]
    public var contactNeighbors: [Int32]
    public var contactLength: [Double]
    public var contactBarrierLength: [Double]
    public var report: BlockReport

    /// The unit graph with cut costs: shared lengths and perimeters whose metres on a barrier line count
    /// `barrierFactor` each and all other metres `otherFactor` (the ratio is what steers grid edges onto
    /// barriers; the scale sets the weight of shape against the optimizer's balance aim).
    public func costUnits(barrierFactor: Double, otherFactor: Double = 1) -> UnitSet {
        var u = units
        for e in u.sharedLength.indices {
            u.sharedLength[e] = barrierFactor * barrierLength[e] + otherFactor * (u.sharedLength[e] - barrierLength[e])
        }
        for k in u.perimeter.indices {
            u.perimeter[k] = barrierFactor * perimeterOnBarrier[k] + otherFactor * (u.perimeter[k] - perimeterOnBarrier[k])
        }
        return u
    }

    /// Interior boundary between different grids (units of one jurisdiction in different grids), in metres,
    /// and its part on a barrier line, per grid and in total.
    /// - Complexity: O(contacts).
    public func barrierShare(assignment: [Int32], gridCount: Int) -> BarrierTally {
        var tally = BarrierTally(gridCount: gridCount)
        for u in 0..<units.count {
            for e in Int(contactOffsets[u])..<Int(contactOffsets[u + 1]) {
                let v = Int(contactNeighbors[e])
                guard v > u else { continue }
                let gu = Int(assignment[u]), gv = Int(assignment[v])
                guard gu != gv, gu >= 0, gv >= 0, gu < gridCount, gv < gridCount else { continue }
                tally.add(gu, gv, length: contactLength[e], onBarrier: contactBarrierLength[e])
            }
        }
        return tally
    }
}

extension GeometryEngine {
    /// Units from the final faces' keys: one unit per connected part of a key (parts joined by segments not on
    /// a hard line), with adjacency, contacts, water host links and bridge links.
    func assembleBlocks(
        _ a: LineArrangement, key: [UnitKey?], kinds: [UInt8], groups: (list: [SliverMerge.Group], ofFace: [Int32]),
        report: BlockReport
    ) throws(GeometryError) -> BlockUnits {
        var report = report
        let (unitOf, parts) = Self.unitParts(a, key: key, kinds: kinds)
        var (set, isWater) = try unitShapes(a, parts: parts, key: key, groups: groups.list)
        report.waterUnits = isWater.filter { $0 }.count
        var pairs = BlockPairs(a, unitOf: unitOf, kinds: kinds, jurisdiction: set.jurisdiction, isWater: isWater)
        set.perimeter = pairs.perimeter
        pairs.linkWater(isWater)
        // Bridges: only between units that share boundary, so a grid across a bridge is still one polygon
        // (bank, the water under the bridge, other bank).
        for k in bridgePairs(a, kinds: kinds, unitOf: unitOf, isWater: isWater, jurisdiction: set.jurisdiction)
        where pairs.linked[k] == nil {
            guard let c = pairs.contact[k], c.length > 0 else { continue }
            pairs.linked[k] = c
            report.bridgeLinks += 1
        }
        let links = BlockPairs.csr(pairs.linked, count: set.count), contacts = BlockPairs.csr(pairs.contact, count: set.count)
        set.offsets = links.offsets
        set.neighbors = links.neighbors
        set.sharedLength = links.length
        return BlockUnits(
            units: set, barrierLength: links.barrier, perimeterOnBarrier: pairs.onBarrier, isWater: isWater,
            contactOffsets: contacts.offsets, contactNeighbors: contacts.neighbors, contactLength: contacts.length,
            contactBarrierLength: contacts.barrier, report: report)
    }

    /// The unit of each face (-1: none) and the faces of each unit: keyed faces in order of (block, piece,
    /// face), grouped into parts connected across segments that are not on a hard line.
    static func unitParts(_ a: LineArrangement, key: [UnitKey?], kinds: [UInt8]) -> (unitOf: [Int32], parts: [[Int]]) {
        let faces = (0..<a.count).filter { key[$0] != nil }.sorted { f, g in
            guard let kf = key[f], let kg = key[g] else { return f < g }
            if kf.group != kg.group { return kf.group < kg.group }
            switch (kf.cell, kg.cell) {
            case (nil, nil): return f < g
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x != y ? x < y : f < g
            }
        }
        var unitOf = [Int32](repeating: -1, count: a.count)
        var parts: [[Int]] = []
        for start in faces where unitOf[start] < 0 {
            let u = Int32(parts.count)
            var stack = [start], part: [Int] = []
            unitOf[start] = u
            while let f = stack.popLast() {
                part.append(f)
                for s in a.segments(of: f) where kinds[Int(s)] & SegmentIndex.hardLine == 0 && a.length[Int(s)] > 0 {
                    let g = a.other(Int(s), f)
                    if g >= 0, unitOf[g] < 0, key[g] == key[f] {
                        unitOf[g] = u
                        stack.append(g)
                    }
                }
            }
            parts.append(part.sorted())
        }
        return (unitOf, parts)
    }

    /// One unit per part: its shape (the union of its faces), station, area, centroid and name (`B` or `W`,
    /// the block's number, and `_n` when the block has several parts); perimeters and adjacency are left
    /// empty. Also tells which units are water.
    func unitShapes(_ a: LineArrangement, parts: [[Int]], key: [UnitKey?], groups: [SliverMerge.Group])
        throws(GeometryError) -> (set: UnitSet, isWater: [Bool])
    {
        var set = UnitSet(
            shapes: [], jurisdiction: [], area: [], perimeter: [], centroidX: [], centroidY: [], names: [], offsets: [],
            neighbors: [], sharedLength: [])
        var isWater: [Bool] = []
        var perGroup = [Int](repeating: 0, count: groups.count), seenGroup = perGroup
        for part in parts { if let k = key[part[0]] { perGroup[Int(k.group)] += 1 } }
        for part in parts {
            guard let k = key[part[0]] else { continue }
            let group = groups[Int(k.group)]
            let g = part.count == 1
                ? a.faces[part[0]]
                : try unionOfCoverage(part.map { a.faces[$0] }, expectedArea: part.reduce(0) { $0 + a.area[$1] })
            set.shapes.append(try g.toMultiPolygon())
            set.jurisdiction.append(group.station)
            set.area.append(try g.area())
            set.perimeter.append(0)
            let c = try g.centroid()
            set.centroidX.append(c.x)
            set.centroidY.append(c.y)
            seenGroup[Int(k.group)] += 1
            let base = (group.water ? "W" : "B") + String(k.group + 1)
            set.names.append(perGroup[Int(k.group)] == 1 ? base : "\(base)_\(seenGroup[Int(k.group)])")
            isWater.append(group.water)
        }
        return (set, isWater)
    }

    /// Candidate pairs of units of one jurisdiction joined by a soft line across a hard barrier: soft segments
    /// with water on one side and no land on the other (a bridge deck) are chained by their end points, and a
    /// point where a soft line meets a hard line is a bridge of its own; the land units touching a chain and the
    /// water on the sides of its deck are paired (never water with water). The caller keeps the pairs that
    /// share boundary.
    func bridgePairs(_ a: LineArrangement, kinds: [UInt8], unitOf: [Int32], isWater: [Bool], jurisdiction: [Int32]) -> [Int64] {
        var node: [PointKey: Int] = [:]
        var parent: [Int] = []
        var flags: [UInt8] = []
        func id(_ x: Double, _ y: Double) -> Int {
            let k = PointKey(x, y)
            if let i = node[k] { return i }
            node[k] = parent.count
            parent.append(parent.count)
            flags.append(0)
            return parent.count - 1
        }
        func find(_ i: Int) -> Int {
            var r = i
            while parent[r] != r { r = parent[r] }
            return r
        }
        let water = { (f: Int) -> Bool in f >= 0 && unitOf[f] >= 0 && isWater[Int(unitOf[f])] }
        let notLand = { (f: Int) -> Bool in f < 0 || unitOf[f] < 0 || isWater[Int(unitOf[f])] }
        var deck = [Bool](repeating: false, count: a.segmentCount)
        for s in 0..<a.segmentCount {
            let p = id(a.ax[s], a.ay[s]), q = id(a.bx[s], a.by[s])
            flags[p] |= kinds[s]
            flags[q] |= kinds[s]
            // A deck: a soft segment with water on one side and no land on the other, or on a hard line.
            let (l, r) = (Int(a.left[s]), Int(a.right[s]))
            let isDeck = kinds[s] & SegmentIndex.soft != 0
                && ((notLand(l) && notLand(r) && (water(l) || water(r))) || kinds[s] & SegmentIndex.hardLine != 0)
            if isDeck {
                deck[s] = true
                let (rp, rq) = (find(p), find(q))
                if rp != rq { parent[max(rp, rq)] = min(rp, rq) }
            }
        }
        // Components that are bridges: a deck segment, or a node where soft meets a hard line.
        var bridge = [Bool](repeating: false, count: parent.count)
        for s in 0..<a.segmentCount where deck[s] { bridge[find(id(a.ax[s], a.ay[s]))] = true }
        for i in parent.indices where flags[i] & SegmentIndex.soft != 0 && flags[i] & SegmentIndex.hardLine != 0 {
            bridge[find(i)] = true
        }
        var touching: [Int: [Int32]] = [:]
        var order: [Int] = []
        for s in 0..<a.segmentCount {
            for (x, y) in [(a.ax[s], a.ay[s]), (a.bx[s], a.by[s])] {
                let r = find(id(x, y))
                guard bridge[r] else { continue }
                // Land around the bridge's nodes, and the water on the two sides of its deck.
                for f in [Int(a.left[s]), Int(a.right[s])] where f >= 0 && unitOf[f] >= 0 && (deck[s] || !isWater[Int(unitOf[f])]) {
                    if touching[r] == nil { order.append(r) }
                    touching[r, default: []].append(unitOf[f])
                }
            }
        }
        var out: [Int64] = []
        for r in order {
            var units = touching[r] ?? []
            units.sort()
            var unique: [Int32] = []
            for u in units where unique.last != u { unique.append(u) }
            guard unique.count <= 16 else { continue }  // not a bridge but a long shared line: skip
            for i in unique.indices {
                for j in unique.indices where j > i && jurisdiction[Int(unique[i])] == jurisdiction[Int(unique[j])]
                    && !(isWater[Int(unique[i])] && isWater[Int(unique[j])])
                {
                    out.append(Int64(unique[i]) << 32 | Int64(unique[j]))
                }
            }
        }
        out.sort()
        var unique: [Int64] = []
        for k in out where unique.last != k { unique.append(k) }
        return unique
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

/// Pairs of units sharing boundary, from the segments of the final faces (metres): every contact within a
/// jurisdiction, the links the optimizer may use, and each unit's perimeter and its part on a barrier line.
struct BlockPairs {
    /// Boundary shared by two units of one jurisdiction (key: lower unit << 32 | higher unit).
    var contact: [Int64: (length: Double, barrier: Double)] = [:]
    /// Contacts that are links: land with land, not across a hard line (then water hosts and bridges).
    var linked: [Int64: (length: Double, barrier: Double)] = [:]
    var perimeter: [Double]
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
                if barrier { onBarrier[Int(w)] += len }
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
