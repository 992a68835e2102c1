import GridModel

/// Cuts the lattice by the jurisdictions into `HexPiece`s and makes shared vertices bit-identical.
///
/// Interior cells (properly inside, by a prepared predicate) are taken whole with no other GEOS call;
/// boundary cells are intersected with the jurisdiction pre-clipped to a slightly enlarged cell box.
/// New vertices that GEOS computes on a lattice edge are snapped to one canonical value per edge
/// (the first seen, or the edge's end), so both neighbours carry the same coordinates.
struct HexClipper {
    let context: GEOSContext
    let lattice: HexLattice
    /// Distance under which a vertex counts as lying on a lattice edge, metres.
    let onEdgeTolerance: Double
    /// Canonical new vertices per lattice edge, interleaved (the two ends are seeded first). Lookup only.
    private var canonical: [EdgeKey: [Double]] = [:]

    init(context: GEOSContext, lattice: HexLattice) {
        self.context = context
        self.lattice = lattice
        self.onEdgeTolerance = max(1e-6, 1e-9 * lattice.cellSizeMetres)
    }

    /// Pieces of jurisdiction `k`, ordered by row, then column, then GEOS part order.
    /// - Parameters:
    ///   - shape: the jurisdiction `jg` was made from (a second thread makes its own geometry of it).
    ///   - threads: with more than one, the GEOS predicates and cuts of half the rows run on another
    ///     thread (`HexCellCuts`); the pieces are then made here in cell order, so they are the same.
    mutating func pieces(of jg: Geometry, shape: MultiPolygon, jurisdiction k: Int32, threads: Int = 1) throws(GeometryError)
        -> [HexPiece]
    {
        var out: [HexPiece] = []
        if try jg.isEmpty() { return out }
        let b = try jg.bounds()
        let w = lattice.cellSizeMetres, r0 = lattice.edgeLength
        let rowLo = Int(((b.minY - lattice.originY) / (1.5 * r0)).rounded(.down)) - 1
        let rowHi = Int(((b.maxY - lattice.originY) / (1.5 * r0)).rounded(.up)) + 1
        let colLo = Int(((b.minX - lattice.originX) / w).rounded(.down)) - 1
        let colHi = Int(((b.maxX - lattice.originX) / w).rounded(.up)) + 1
        let scan = HexCellCuts.cells(of: jg, shape: shape, lattice: lattice, rows: rowLo...rowHi, cols: colLo...colHi, threads: threads)
        for cell in scan.cells {
            switch cell.cut {
            case .whole:
                let c = lattice.center(col: cell.col, row: cell.row)
                let ring = lattice.ring(col: cell.col, row: cell.row)
                out.append(
                    HexPiece(
                        jurisdiction: k, col: cell.col, row: cell.row, whole: true, shape: MultiPolygon(Polygon(rings: [ring])),
                        area: Ring.signedArea(ring), perimeter: Ring.length(ring), centroidX: c.x, centroidY: c.y,
                        intervals: []))
            case .parts(let cut):
                for p in cut.polygons {
                    if let piece = try makePiece(p, col: cell.col, row: cell.row, jurisdiction: k) { out.append(piece) }
                }
            }
        }
        if let error = scan.error { throw error }
        return out
    }

    /// Snaps the polygon's on-edge vertices, records its lattice-edge intervals and measures it.
    private mutating func makePiece(_ p: Polygon, col: Int, row: Int, jurisdiction k: Int32) throws(GeometryError)
        -> HexPiece?
    {
        let ij = lattice.vertexIJ(col: col, row: row)
        var edges: [(key: EdgeKey, ax: Double, ay: Double, bx: Double, by: Double)] = []
        for e in 0..<6 {
            let a = ij[e], b = ij[(e + 1) % 6]
            let key = EdgeKey(a, b)
            // Canonical direction: from the smaller endpoint.
            edges.append((key, lattice.vertexX(Int(key.i0)), lattice.vertexY(Int(key.j0)),
                          lattice.vertexX(Int(key.i1)), lattice.vertexY(Int(key.j1))))
        }
        var rings: [[Double]] = []
        var intervals: [EdgeInterval] = []
        for (ringIndex, ring) in p.rings.enumerated() {
            var xy: [Double] = []
            var masks: [UInt8] = []
            xy.reserveCapacity(ring.count)
            let n = ring.count / 2
            for v in 0..<n {
                var x = ring[2 * v], y = ring[2 * v + 1]
                var mask: UInt8 = 0
                for (e, edge) in edges.enumerated() where isOn(x, y, edge.ax, edge.ay, edge.bx, edge.by) {
                    mask |= 1 << UInt8(e)
                    if mask == 1 << UInt8(e) { (x, y) = snap(x, y, edge: edge.key, edge.ax, edge.ay, edge.bx, edge.by) }
                }
                // Drop consecutive duplicates created by snapping.
                if let lx = xy.dropLast().last, let ly = xy.last, lx == x, ly == y {
                    masks[masks.count - 1] |= mask
                    continue
                }
                xy.append(x)
                xy.append(y)
                masks.append(mask)
            }
            if xy.count < 8 || xy[0] != xy[xy.count - 2] || xy[1] != xy[xy.count - 1] {
                if ringIndex == 0 { return nil }
                continue
            }
            for s in 0..<(masks.count - 1) {
                let common = masks[s] & masks[s + 1]
                guard common != 0 else { continue }
                let e = common.trailingZeroBitCount
                let edge = edges[e]
                let ex = edge.bx - edge.ax, ey = edge.by - edge.ay, l2 = ex * ex + ey * ey
                let t0 = ((xy[2 * s] - edge.ax) * ex + (xy[2 * s + 1] - edge.ay) * ey) / l2
                let t1 = ((xy[2 * s + 2] - edge.ax) * ex + (xy[2 * s + 3] - edge.ay) * ey) / l2
                if t0 != t1 { intervals.append(EdgeInterval(edge: edge.key, t0: min(t0, t1), t1: max(t0, t1))) }
            }
            rings.append(xy)
        }
        let shape = MultiPolygon(Polygon(rings: rings))
        let g = try Geometry.make(shape, in: context)
        let area = try g.area()
        guard area > 0 else { return nil }
        let c = try g.centroid()
        return HexPiece(
            jurisdiction: k, col: col, row: row, whole: false, shape: shape, area: area, perimeter: try g.length(),
            centroidX: c.x, centroidY: c.y, intervals: intervals)
    }

    /// True when (x, y) lies on segment a–b within the tolerance.
    private func isOn(_ x: Double, _ y: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> Bool {
        let ex = bx - ax, ey = by - ay
        let l = (ex * ex + ey * ey).squareRoot()
        let px = x - ax, py = y - ay
        let dist = abs(px * ey - py * ex) / l
        guard dist <= onEdgeTolerance else { return false }
        let along = (px * ex + py * ey) / l
        return along >= -onEdgeTolerance && along <= l + onEdgeTolerance
    }

    /// The canonical coordinates for a vertex on `edge`: an existing one within tolerance, or itself (recorded).
    private mutating func snap(
        _ x: Double, _ y: Double, edge: EdgeKey, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double
    ) -> (Double, Double) {
        var list = canonical[edge] ?? [ax, ay, bx, by]
        var k = 0
        while k < list.count {
            let dx = list[k] - x, dy = list[k + 1] - y
            if dx * dx + dy * dy <= onEdgeTolerance * onEdgeTolerance { return (list[k], list[k + 1]) }
            k += 2
        }
        list.append(x)
        list.append(y)
        canonical[edge] = list
        return (x, y)
    }
}
