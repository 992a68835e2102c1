import GridModel

/// Street blocks as units: station areas cut by barrier lines (projected metres, m²).
extension GeometryEngine {
    /// Units that are the blocks between barrier lines, split where heavy, with rook adjacency and, per edge,
    /// how much of it lies on a barrier line.
    ///
    /// 1. All barrier lines, hard-area outlines and jurisdiction outlines are noded together and polygonized
    ///    (dangling ends vanish); a line end closer than `snapMetres` to other linework is first joined to it.
    ///    Faces outside every jurisdiction are dropped; a face inside a hard area is water.
    /// 2. Slivers (land faces under `sliverAreaM2` or thinner than `sliverWidthMetres`, as 2·area/perimeter)
    ///    are merged, smallest first, into the neighbour of their jurisdiction with which they share the most
    ///    boundary (never across a hard line, never into water): the remaining groups are the blocks.
    /// 3. Points are placed in blocks; a block heavier than `maxUnitWeight` is cut by straight lines across it
    ///    (`BlockSplit`: recursive bisection at the weight's quantile, only as often as its weight needs); the
    ///    faces along the cuts are noded again with them and polygonized on their own (`renode`), so the
    ///    pieces and their neighbours share exact edges.
    /// 4. Units are the connected parts of (block, piece). Land units are neighbours when they share
    ///    boundary of positive length that is not on a hard line; each water unit is linked to the one land
    ///    unit of its jurisdiction it shares most boundary with (so it joins that unit's grid and never links
    ///    two banks), except at a bridge: where a soft line crosses water, the water under it is linked to the
    ///    land it touches at both ends; where a soft line crosses a hard line, the units on the two sides that
    ///    share the hard line are linked. Every link has positive shared length, so a connected set of units is
    ///    one polygon.
    ///
    /// Units are ordered land first (by jurisdiction, block, piece), then water. Points lying exactly on
    /// a shared edge (a third of crimes lie on a street centreline) are placed, by `assignPoints`, in the
    /// lowest-index unit that covers them: the same input always gives the same side.
    /// - Complexity: one GEOS noding of all lines and one of the faces along the cuts, one point-in-polygon test
    ///   per face and per point.
    public func blockUnits(
        jurisdictions: [MultiPolygon], barriers: BarrierLayers, pointX: [Double], pointY: [Double], pointWeight: [Double],
        options: BlockOptions
    ) throws(GeometryError) -> BlockUnits {
        guard pointX.count == pointY.count, pointWeight.isEmpty || pointWeight.count == pointX.count else {
            throw GeometryError("blockUnits: \(pointX.count) x, \(pointY.count) y and \(pointWeight.count) weights")
        }
        var report = BlockReport()
        let build = try BlockLinework(engine: self, jurisdictions: jurisdictions, barriers: barriers, options: options)
        report.snappedEnds = build.snapped

        // Pass 1: faces, slivers, blocks.
        let first = try LineArrangement(lines: try build.geometries(), in: geos)
        let station1 = try build.station(of: first)
        let water1 = try build.isWater(first, station: station1)
        report.rawFaces = station1.filter { $0 >= 0 }.count
        var merge = SliverMerge(first, station: station1, water: water1, kinds: build.kinds(first), options: options)
        report.sliversMerged = merge.merged
        let groups = merge.groups()
        report.blocks = groups.list.filter { !$0.water }.count

        // Heavy blocks cut, then (only when something was cut) pass 2: the faces along the cuts again.
        let faceOfPoint = try facesCovering(first, station: station1, x: pointX, y: pointY)
        let heavy = try cutHeavyBlocks(
            first, groups: groups, faceOfPoint: faceOfPoint, x: pointX, y: pointY, w: pointWeight, options: options)
        report.heavyBlocks = heavy.count
        let final: LineArrangement
        var key: [UnitKey?]
        if heavy.count == 0 {
            final = first
            key = (0..<first.count).map { f in groups.ofFace[f] >= 0 ? UnitKey(group: groups.ofFace[f], cell: nil, part: 0) : nil }
        } else {
            let second = try renode(first, station: station1, heavy: heavy, build: build)
            final = second.arrangement
            let station2 = try build.station(x: final.insideX, y: final.insideY)
            key = [UnitKey?](repeating: nil, count: final.count)
            var pending: [Int] = []
            for f in 0..<final.count where station2[f] >= 0 {
                let f1 = second.firstFace[f]
                guard f1 >= 0, groups.ofFace[f1] >= 0 else {
                    pending.append(f)
                    continue
                }
                let g = groups.ofFace[f1]
                let split = heavy.splits[Int(g)]
                let cell = split?.leaf(final.insideX[f], final.insideY[f])
                key[f] = UnitKey(group: g, cell: cell, part: cell.flatMap { split?.leafPart[Int($0)] } ?? 0)
            }
            Self.fill(pending, final, &key)
        }
        return try assembleBlocks(final, key: key, kinds: build.kinds(final), groups: groups, report: report)
    }

    /// Heavy blocks and their cuts (projected metres).
    struct HeavyBlocks {
        /// Per block: its cuts (nil: not cut).
        var splits: [BlockSplit?]
        /// Per cut block: its cuts clipped to the block.
        var cutLines: [Geometry] = []
        /// Envelopes of every cut across its rectangle (the clipped cuts lie inside them).
        var cutBounds: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
        var count: Int { cutLines.count }
    }

    /// Cuts every land block whose points weigh more than `maxUnitWeight` (`BlockSplit` on the block's
    /// bounding box), the cuts clipped to the block.
    func cutHeavyBlocks(
        _ first: LineArrangement, groups: (list: [SliverMerge.Group], ofFace: [Int32]), faceOfPoint: [Int], x: [Double],
        y: [Double], w: [Double], options: BlockOptions
    ) throws(GeometryError) -> HeavyBlocks {
        var members = [[Int]](repeating: [], count: groups.list.count)
        var weight = [Double](repeating: 0, count: groups.list.count)
        for (p, f) in faceOfPoint.enumerated() where f >= 0 {
            let g = groups.ofFace[f]
            guard g >= 0 else { continue }
            members[Int(g)].append(p)
            weight[Int(g)] += w.isEmpty ? 1 : w[p]
        }
        var heavy = HeavyBlocks(splits: Array(repeating: nil, count: groups.list.count))
        for g in groups.list.indices where !groups.list[g].water && weight[g] > options.maxUnitWeight {
            let faces = groups.list[g].faces
            let shape = try unionOfCoverage(faces.map { first.faces[$0] }, expectedArea: faces.reduce(0) { $0 + first.area[$1] })
            let m = members[g]
            let split = BlockSplit(
                bounds: try shape.bounds(), x: m.map { x[$0] }, y: m.map { y[$0] }, w: m.map { w.isEmpty ? 1 : w[$0] },
                limit: options.maxUnitWeight, minCell: options.minCellMetres, grid: options.gridWeight)
            guard !split.cuts.isEmpty else { continue }
            var lines: [Geometry] = []
            for l in split.cuts { lines.append(try Geometry.line(l, in: geos)) }
            heavy.cutLines.append(try Geometry.collection(lines, in: geos).intersection(shape))
            for c in split.cuts { heavy.cutBounds.append((min(c[0], c[2]), min(c[1], c[3]), max(c[0], c[2]), max(c[1], c[3]))) }
            heavy.splits[g] = split
        }
        return heavy
    }

    /// Pass 2: the faces of the first pass with a segment near a cut (its envelope within 1 m of a cut's
    /// envelope) are polygonized again from their edges and the cuts, noded together; every other face is
    /// kept as it is. A kept face touches no cut, so the boundary it shares with a face polygonized again
    /// keeps its vertices (GEOS noding adds vertices, never moves or drops one) and its segments are found on
    /// both sides. Also gives, per final face, the face of the first pass holding it (-1: none).
    /// - Complexity: one GEOS noding and polygonize of the faces along the cuts, O(segments) otherwise.
    func renode(_ first: LineArrangement, station: [Int32], heavy: HeavyBlocks, build: BlockLinework) throws(GeometryError)
        -> (arrangement: LineArrangement, firstFace: [Int])
    {
        let near = heavy.cutBounds
        let cell = 500.0, margin = 1.0
        var cells: [Int64: [Int]] = [:]
        let key = { (i: Int64, j: Int64) -> Int64 in i &* 1_000_003 &+ j }
        let range = { (lo: Double, hi: Double) -> ClosedRange<Int64> in
            Int64(((lo - margin) / cell).rounded(.down))...Int64(((hi + margin) / cell).rounded(.down))
        }
        for (k, b) in near.enumerated() {
            for i in range(b.minX, b.maxX) { for j in range(b.minY, b.maxY) { cells[key(i, j), default: []].append(k) } }
        }
        let meets = { (e: [Double]) -> Bool in
            var lo = (Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity)
            for i in stride(from: 0, to: e.count - 1, by: 2) {
                lo = (min(lo.0, e[i]), min(lo.1, e[i + 1]))
                hi = (max(hi.0, e[i]), max(hi.1, e[i + 1]))
            }
            return range(lo.0, hi.0).contains { i in
                range(lo.1, hi.1).contains { j in
                    (cells[key(i, j)] ?? []).contains { k in
                        let b = near[k]
                        return hi.0 >= b.minX - margin && lo.0 <= b.maxX + margin && hi.1 >= b.minY - margin && lo.1 <= b.maxY + margin
                    }
                }
            }
        }
        // Faces to redo: on either side of a segment near a cut.
        var redo = [Bool](repeating: false, count: first.count)
        for s in 0..<first.segmentCount where meets([first.ax[s], first.ay[s], first.bx[s], first.by[s]]) {
            for f in [Int(first.left[s]), Int(first.right[s])] where f >= 0 && station[f] >= 0 { redo[f] = true }
        }
        // Their noded edges (each once; edges bounding no face are dropped): those near a cut are noded again
        // with the cuts, the others meet nothing new.
        var nearCut: [Geometry] = [], clear: [Geometry] = []
        for e in try first.noded?.lineCoordinates() ?? [] where e.count >= 4 {
            guard let s = first.keys[SegmentKey(e[0], e[1], e[2], e[3])] else { continue }
            let (l, r) = (Int(first.left[Int(s)]), Int(first.right[Int(s)]))
            guard redo[l] || (r >= 0 && redo[r]) else { continue }
            if meets(e) { nearCut.append(try Geometry.line(e, in: geos)) } else { clear.append(try Geometry.line(e, in: geos)) }
        }
        let noded = try Geometry.collection(nearCut + heavy.cutLines, in: geos).unaryUnion()
        let local = try LineArrangement(lines: clear + [noded], in: geos, alreadyNoded: true)
        let holder = try facesCovering(first, station: station, x: local.insideX, y: local.insideY)
        // New faces inside a redone face, or inside a jurisdiction but in no face (between the passes: their
        // key comes from their neighbours); not the areas outside that the redone rings enclose.
        let orphans = (0..<local.count).filter { holder[$0] < 0 }
        let orphanStation = try build.station(x: orphans.map { local.insideX[$0] }, y: orphans.map { local.insideY[$0] })
        var add = (0..<local.count).filter { holder[$0] >= 0 && redo[holder[$0]] }
        add += orphans.indices.filter { orphanStation[$0] >= 0 }.map { orphans[$0] }
        add.sort()
        let keep = (0..<first.count).filter { !redo[$0] }
        return (LineArrangement(first, keep: keep, local, add: add), keep + add.map { holder[$0] })
    }

    func facesCovering(_ a: LineArrangement, station: [Int32], x: [Double], y: [Double]) throws(GeometryError) -> [Int] {
        let tree = try STRtree(in: geos)
        for f in 0..<a.count where station[f] >= 0 { tree.insert(a.faces[f], id: f) }
        var prepared = [PreparedGeometry?](repeating: nil, count: a.count)
        var out = [Int](repeating: -1, count: x.count)
        for i in x.indices where x[i].isFinite && y[i].isFinite {
            let pt = try Geometry.point(x: x[i], y: y[i], in: geos)
            for f in tree.query(pt) {
                let p: PreparedGeometry
                if let q = prepared[f] {
                    p = q
                } else {
                    p = try PreparedGeometry(a.faces[f])
                    prepared[f] = p
                }
                if try p.covers(pt) {
                    out[i] = f
                    break
                }
            }
        }
        return out
    }

    /// Faces that fell between passes take the key of the neighbour they share most boundary with, in rounds.
    static func fill(_ pending: [Int], _ a: LineArrangement, _ key: inout [UnitKey?]) {
        var pending = pending
        while !pending.isEmpty {
            var next: [Int] = [], moves: [(Int, UnitKey)] = []
            for f in pending {
                var best: (UnitKey, Double)?
                var tally: [(UnitKey, Double)] = []
                for s in a.segments(of: f) {
                    let g = a.other(Int(s), f)
                    guard g >= 0, let k = key[g] else { continue }
                    if let i = tally.firstIndex(where: { $0.0 == k }) { tally[i].1 += a.length[Int(s)] } else { tally.append((k, a.length[Int(s)])) }
                }
                for t in tally where best == nil || t.1 > (best?.1 ?? 0) { best = t }
                if let best { moves.append((f, best.0)) } else { next.append(f) }
            }
            if moves.isEmpty { return }
            for (f, k) in moves { key[f] = k }
            pending = next
        }
    }
}

/// Which unit a final face belongs to: its block and, for split blocks, its piece (`BlockSplit.leaf`).
struct UnitKey: Hashable {
    var group: Int32
    var cell: Int32?
    /// The part of a split block holding the piece (`BlockSplit.leafPart`); 0 for a whole block.
    var part: Int32
}
