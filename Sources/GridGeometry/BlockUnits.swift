import GridModel

/// Block units and, per edge and per unit, how much of their boundary lies on a barrier line (metres).
///
/// `units` carries the real shared lengths and perimeters; the optimizer gets them as they are, and with them
/// each edge's metres off the barrier lines (`offBarrierLength`), which a grid edge should avoid.
public struct BlockUnits: Sendable {
    public var units: UnitSet
    /// Part of each edge's shared length lying on a barrier line (soft, hard line or hard-area outline);
    /// parallel to `units.neighbors`. Bridge links have shared length 0.
    public var barrierLength: [Double]
    /// Part of each unit's perimeter lying on a barrier line or on its jurisdiction's border (an edge a grid
    /// there has anyway).
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
    /// Per unit: the street block it lies in (pieces of one split block, or parts of one block cut by a hard
    /// line, share it; water units have their own), or for a block heavier than a grid its part of about one
    /// grid's weight (`BlockSplit.leafPart`). The optimizer starts such a block, or part, in one grid when it
    /// is lighter than a grid (`BlockStart`) and moves its pieces together.
    public var block: [Int32] = []

    /// Per edge (parallel to `units.neighbors`), the metres of its shared boundary that do not lie on a barrier
    /// line: where a grid edge along it would cut through a block. The optimizer charges them as a term of
    /// their own (`UnitGraph.cutLength`) and keeps the real lengths for Polsby-Popper.
    public var offBarrierLength: [Double] {
        units.sharedLength.indices.map { max(0, units.sharedLength[$0] - barrierLength[$0]) }
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
        let bridges = BlockBridges(a, kinds: kinds, unitOf: unitOf, isWater: isWater)
        for k in bridges.pairs(jurisdiction: set.jurisdiction) where pairs.linked[k] == nil {
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
            contactBarrierLength: contacts.barrier, report: report, block: Self.blockIDs(parts.map { key[$0[0]] }))
    }

    /// Per unit, the id the optimizer moves and starts together: its block, or for a split block its
    /// part of about one grid's weight (`UnitKey.part`); numbered in order of first unit.
    static func blockIDs(_ keys: [UnitKey?]) -> [Int32] {
        var id: [UnitKey: Int32] = [:]  // lookups only
        return keys.map { k in
            guard let k else { return -1 }
            let whole = UnitKey(group: k.group, cell: nil, part: k.part)
            if let i = id[whole] { return i }
            let i = Int32(id.count)
            id[whole] = i
            return i
        }
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
}
