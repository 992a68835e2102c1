import GridModel

/// Makes almost-shared boundaries of a polygon layer exactly shared (projected metres).
///
/// A layer of neighbouring polygons written with rounded coordinates (7 decimals of a degree, ~1 cm)
/// or digitised separately no longer shares its edges bit for bit: a vertex of one polygon lies a few
/// millimetres off its neighbour's edge (a T-junction), and noding the two boundaries makes a needle face
/// between them that ends up as a spike on one of them. The snapper removes that noise before noding:
/// 1. vertices closer than the tolerance become one vertex (the first in input order);
/// 2. a vertex closer than the tolerance to another ring's segment is inserted into that segment.
/// Shapes move by at most the tolerance; nothing wider than it changes.
/// - Complexity: O(V + S·k) with V vertices, S segments and k vertices in a segment's grid cells.
struct VertexSnapper {
    let tolerance: Double
    /// Grid cell side: about one vertex per cell (set from the data in `snap`), never below 4 × tolerance.
    private var cell: Double
    /// Representative vertices and a grid over them.
    private var xs: [Double] = []
    private var ys: [Double] = []
    private var grid: [Int64: [Int32]] = [:]
    /// Segments of the fixed outlines (jurisdictions), by the cells along them.
    private var fixedSegments: [(ax: Double, ay: Double, bx: Double, by: Double)] = []
    private var segmentGrid: [Int64: [Int32]] = [:]

    init(tolerance: Double) {
        self.tolerance = tolerance
        cell = max(tolerance * 4, 1)
    }

    private func key(_ cx: Int64, _ cy: Int64) -> Int64 { (cx &* 73_856_093) ^ (cy &* 19_349_663) }
    private func cellOf(_ v: Double) -> Int64 { Int64((v / cell).rounded(.down)) }

    /// The representative within the tolerance of (x, y), registering (x, y) when there is none.
    private mutating func representative(_ x: Double, _ y: Double) -> Int32 {
        let cx = cellOf(x), cy = cellOf(y)
        var best: Int32 = -1
        var bestD = tolerance * tolerance
        for dx in -1...1 {
            for dy in -1...1 {
                for v in grid[key(cx + Int64(dx), cy + Int64(dy))] ?? [] {
                    let ex = xs[Int(v)] - x, ey = ys[Int(v)] - y
                    let d = ex * ex + ey * ey
                    if d < bestD || (d == bestD && (best < 0 || v < best)) {
                        best = v
                        bestD = d
                    }
                }
            }
        }
        if best >= 0 { return best }
        xs.append(x)
        ys.append(y)
        grid[key(cx, cy), default: []].append(Int32(xs.count - 1))
        return Int32(xs.count - 1)
    }

    /// `shapes` with close vertices merged and T-junctions closed. Vertices of `fixed` outlines
    /// (jurisdictions, which must not move) win: a vertex near one becomes it, and a vertex near a fixed
    /// edge moves onto that edge. Rings that collapse keep their degenerate form; the caller repairs
    /// invalid shapes.
    mutating func snap(_ shapes: [MultiPolygon], fixed: [MultiPolygon] = []) -> [MultiPolygon] {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        var vertexCount = 0
        for shape in shapes + fixed {
            for p in shape.polygons {
                for ring in p.rings {
                    var i = 0
                    while i + 1 < ring.count {
                        minX = min(minX, ring[i])
                        maxX = max(maxX, ring[i])
                        minY = min(minY, ring[i + 1])
                        maxY = max(maxY, ring[i + 1])
                        i += 2
                    }
                    vertexCount += ring.count / 2
                }
            }
        }
        if vertexCount > 0 {
            let spacing = ((maxX - minX) * (maxY - minY) / Double(vertexCount)).squareRoot()
            if spacing.isFinite { cell = max(cell, spacing) }
        }
        for shape in fixed {
            for p in shape.polygons {
                for ring in p.rings {
                    var i = 0
                    while i + 1 < ring.count {
                        _ = representative(ring[i], ring[i + 1])
                        if i + 3 < ring.count { addFixedSegment(ring[i], ring[i + 1], ring[i + 2], ring[i + 3]) }
                        i += 2
                    }
                }
            }
        }
        // Pass 1: every vertex to its representative, in input order (deterministic).
        var indexed: [[[[Int32]]]] = []
        indexed.reserveCapacity(shapes.count)
        for shape in shapes {
            indexed.append(shape.polygons.map { p in
                p.rings.map { ring in
                    var out: [Int32] = []
                    out.reserveCapacity(ring.count / 2)
                    var i = 0
                    while i + 1 < ring.count {
                        let (x, y) = ontoFixedEdge(ring[i], ring[i + 1])
                        let r = representative(x, y)
                        if out.last != r { out.append(r) }
                        i += 2
                    }
                    return out
                }
            })
        }
        // Pass 2: vertices near a segment go into it, ordered along the segment.
        return indexed.map { polygons in
            MultiPolygon(polygons: polygons.map { rings in
                Polygon(rings: rings.map { ring in splitSegments(ring) })
            })
        }
    }

    private func splitSegments(_ ring: [Int32]) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(ring.count * 2 + 2)
        guard !ring.isEmpty else { return out }
        for k in 0..<ring.count {
            let a = ring[k]
            out.append(xs[Int(a)])
            out.append(ys[Int(a)])
            guard k + 1 < ring.count else { break }
            let b = ring[k + 1]
            for v in verticesNear(a, b) {
                out.append(xs[Int(v)])
                out.append(ys[Int(v)])
            }
        }
        return out
    }

    /// Representatives strictly inside segment a–b (not its ends) within the tolerance of it, by position along it.
    private func verticesNear(_ a: Int32, _ b: Int32) -> [Int32] {
        let ax = xs[Int(a)], ay = ys[Int(a)], bx = xs[Int(b)], by = ys[Int(b)]
        let dx = bx - ax, dy = by - ay
        let len2 = dx * dx + dy * dy
        guard len2 > 0 else { return [] }
        let tol2 = tolerance * tolerance
        var found: [(t: Double, v: Int32)] = []
        let x0 = cellOf(min(ax, bx) - tolerance), x1 = cellOf(max(ax, bx) + tolerance)
        let y0 = cellOf(min(ay, by) - tolerance), y1 = cellOf(max(ay, by) + tolerance)
        // Long segments cross many cells: walk only the cells along the segment's band.
        let steps = max(1, Int(((len2.squareRoot()) / cell).rounded(.up)))
        if Int64(steps) * 9 < (x1 - x0 + 1) * (y1 - y0 + 1) {
            for c in cellsAlong(ax, ay, bx, by) { collect(c, a, b, ax, ay, dx, dy, len2, tol2, &found) }
        } else {
            for cx in x0...x1 { for cy in y0...y1 { collect(key(cx, cy), a, b, ax, ay, dx, dy, len2, tol2, &found) } }
        }
        found.sort { $0.t != $1.t ? $0.t < $1.t : $0.v < $1.v }
        var out: [Int32] = []
        for f in found where out.last != f.v { out.append(f.v) }
        return out
    }

    private func collect(
        _ c: Int64, _ a: Int32, _ b: Int32, _ ax: Double, _ ay: Double, _ dx: Double, _ dy: Double, _ len2: Double,
        _ tol2: Double, _ found: inout [(t: Double, v: Int32)]
    ) {
        for v in grid[c] ?? [] where v != a && v != b {
            let px = xs[Int(v)] - ax, py = ys[Int(v)] - ay
            let t = (px * dx + py * dy) / len2
            guard t > 0, t < 1 else { continue }
            let ex = px - t * dx, ey = py - t * dy
            if ex * ex + ey * ey <= tol2 { found.append((t, v)) }
        }
    }

    private mutating func addFixedSegment(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) {
        let id = Int32(fixedSegments.count)
        fixedSegments.append((ax, ay, bx, by))
        for c in cellsAlong(ax, ay, bx, by) { segmentGrid[c, default: []].append(id) }
    }

    /// Keys of the cells within one cell of segment a–b, each once, in ascending key order.
    private func cellsAlong(_ ax: Double, _ ay: Double, _ bx: Double, _ by: Double) -> [Int64] {
        var cells: [Int64] = []
        let steps = max(1, Int((((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot() / cell).rounded(.up)))
        for s in 0...steps {
            let t = Double(s) / Double(steps)
            let cx = cellOf(ax + t * (bx - ax)), cy = cellOf(ay + t * (by - ay))
            for ox in -1...1 { for oy in -1...1 { cells.append(key(cx + Int64(ox), cy + Int64(oy))) } }
        }
        cells.sort()
        var unique: [Int64] = []
        for c in cells where c != unique.last { unique.append(c) }
        return unique
    }

    /// (x, y) moved onto the nearest fixed edge within the tolerance, unless a vertex is that close already.
    private func ontoFixedEdge(_ x: Double, _ y: Double) -> (Double, Double) {
        guard !fixedSegments.isEmpty else { return (x, y) }
        let cx = cellOf(x), cy = cellOf(y)
        for v in grid[key(cx, cy)] ?? [] {
            let ex = xs[Int(v)] - x, ey = ys[Int(v)] - y
            if ex * ex + ey * ey <= tolerance * tolerance { return (x, y) }
        }
        var best = (x, y)
        var bestD = tolerance * tolerance
        var bestID = Int32.max
        for id in segmentGrid[key(cx, cy)] ?? [] {
            let s = fixedSegments[Int(id)]
            let dx = s.bx - s.ax, dy = s.by - s.ay
            let len2 = dx * dx + dy * dy
            guard len2 > 0 else { continue }
            let t = max(0, min(1, ((x - s.ax) * dx + (y - s.ay) * dy) / len2))
            let px = s.ax + t * dx, py = s.ay + t * dy
            let d = (px - x) * (px - x) + (py - y) * (py - y)
            if d < bestD || (d == bestD && id < bestID) {
                best = (px, py)
                bestD = d
                bestID = id
            }
        }
        return best
    }
}
