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
    ///    (`BlockSplit`: recursive bisection at the weight's quantile, only as often as its weight needs), and
    ///    the edges near split blocks are noded again with the cuts, so the pieces and their neighbours share
    ///    exact edges.
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
    /// - Complexity: two GEOS nodings of all lines, one point-in-polygon test per face and per point.
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
        let kinds1 = build.kinds(first)
        report.rawFaces = station1.filter { $0 >= 0 }.count
        var merge = SliverMerge(first, station: station1, water: water1, kinds: kinds1, options: options)
        report.sliversMerged = merge.merged
        let groups = merge.groups()
        report.blocks = groups.list.filter { !$0.water }.count
        report.waterUnits = 0

        // Weights per block from the points, then straight cuts through each heavy block.
        let faceOfPoint = try facesCovering(first, station: station1, x: pointX, y: pointY)
        var members = [[Int]](repeating: [], count: groups.list.count)
        var weight = [Double](repeating: 0, count: groups.list.count)
        for (p, f) in faceOfPoint.enumerated() where f >= 0 {
            let g = groups.ofFace[f]
            guard g >= 0 else { continue }
            members[Int(g)].append(p)
            weight[Int(g)] += pointWeight.isEmpty ? 1 : pointWeight[p]
        }
        var splits: [BlockSplit?] = Array(repeating: nil, count: groups.list.count)
        var cutLines: [Geometry] = []
        var heavyBounds: [(minX: Double, minY: Double, maxX: Double, maxY: Double)] = []
        for g in groups.list.indices where !groups.list[g].water && weight[g] > options.maxUnitWeight {
            let shape = try unionOfCoverage(
                groups.list[g].faces.map { first.faces[$0] }, expectedArea: groups.list[g].faces.reduce(0) { $0 + first.area[$1] })
            let bounds = try shape.bounds()
            let m = members[g]
            let split = BlockSplit(
                bounds: bounds, x: m.map { pointX[$0] }, y: m.map { pointY[$0] },
                w: m.map { pointWeight.isEmpty ? 1 : pointWeight[$0] }, limit: options.maxUnitWeight, minCell: options.minCellMetres)
            guard !split.cuts.isEmpty else { continue }
            var lines: [Geometry] = []
            for l in split.cuts { lines.append(try Geometry.line(l, in: geos)) }
            cutLines.append(try Geometry.collection(lines, in: geos).intersection(shape))
            heavyBounds.append(bounds)
            splits[g] = split
            report.heavyBlocks += 1
        }

        // Pass 2 (only when something was split): faces of blocks and their cuts together.
        let final: LineArrangement
        var key: [UnitKey?]
        if report.heavyBlocks == 0 {
            final = first
            key = (0..<first.count).map { f in groups.ofFace[f] >= 0 ? UnitKey(group: groups.ofFace[f], cell: nil) : nil }
        } else {
            // The first pass's noded lines are clean input: only the cuts need noding into them.
            final = try renode(first, cuts: cutLines, near: heavyBounds, build: build)
            let station2 = try build.station(of: final)
            let face1 = try facesCovering(first, station: station1, x: final.insideX, y: final.insideY)
            key = [UnitKey?](repeating: nil, count: final.count)
            var pending: [Int] = []
            for f in 0..<final.count where station2[f] >= 0 {
                guard face1[f] >= 0, groups.ofFace[face1[f]] >= 0 else {
                    pending.append(f)
                    continue
                }
                let g = groups.ofFace[face1[f]]
                key[f] = UnitKey(group: g, cell: splits[Int(g)]?.leaf(final.insideX[f], final.insideY[f]))
            }
            Self.fill(pending, final, &key)
        }
        let kinds = build.kinds(final)
        return try assembleBlocks(final, key: key, kinds: kinds, groups: groups, report: report)
    }

    /// The first pass's noded lines with the cuts noded in: only the edges whose envelope meets a split
    /// block (the cuts lie inside those blocks) are noded again with them; the others are already noded and
    /// touch no cut, so they go to polygonize as they are.
    func renode(
        _ first: LineArrangement, cuts: [Geometry], near: [(minX: Double, minY: Double, maxX: Double, maxY: Double)],
        build: BlockLinework
    ) throws(GeometryError) -> LineArrangement {
        guard let noded = first.noded else { return try LineArrangement(lines: try build.geometries() + cuts, in: geos) }
        let cell = 500.0
        var cells: [Int64: [Int]] = [:]
        let key = { (i: Int64, j: Int64) -> Int64 in i &* 1_000_003 &+ j }
        for (k, b) in near.enumerated() {
            for i in Int64((b.minX / cell).rounded(.down))...Int64((b.maxX / cell).rounded(.down)) {
                for j in Int64((b.minY / cell).rounded(.down))...Int64((b.maxY / cell).rounded(.down)) {
                    cells[key(i, j), default: []].append(k)
                }
            }
        }
        var local: [Geometry] = [], kept: [Geometry] = []
        let margin = 1.0
        for e in try noded.lineCoordinates() where e.count >= 4 {
            var lo = (Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity)
            for i in stride(from: 0, to: e.count, by: 2) {
                lo = (min(lo.0, e[i]), min(lo.1, e[i + 1]))
                hi = (max(hi.0, e[i]), max(hi.1, e[i + 1]))
            }
            var meets = false
            search: for i in Int64(((lo.0 - margin) / cell).rounded(.down))...Int64(((hi.0 + margin) / cell).rounded(.down)) {
                for j in Int64(((lo.1 - margin) / cell).rounded(.down))...Int64(((hi.1 + margin) / cell).rounded(.down)) {
                    for k in cells[key(i, j)] ?? [] {
                        let b = near[k]
                        if hi.0 >= b.minX - margin && lo.0 <= b.maxX + margin && hi.1 >= b.minY - margin && lo.1 <= b.maxY + margin {
                            meets = true
                            break search
                        }
                    }
                }
            }
            if meets { local.append(try Geometry.line(e, in: geos)) } else { kept.append(try Geometry.line(e, in: geos)) }
        }
        let renoded = try Geometry.collection(local + cuts, in: geos).unaryUnion()
        return try LineArrangement(lines: kept + [renoded], in: geos, alreadyNoded: true)
    }

    /// For each (x, y), the lowest-index face of a jurisdiction that covers it, or -1.
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
}
