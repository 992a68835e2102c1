import GridModel

/// A lattice edge, named by its two endpoints in integer vertex-lattice coordinates (sorted).
struct EdgeKey: Hashable {
    var i0: Int32, j0: Int32, i1: Int32, j1: Int32

    init(_ a: (Int, Int), _ b: (Int, Int)) {
        if (a.0, a.1) < (b.0, b.1) {
            (i0, j0, i1, j1) = (Int32(a.0), Int32(a.1), Int32(b.0), Int32(b.1))
        } else {
            (i0, j0, i1, j1) = (Int32(b.0), Int32(b.1), Int32(a.0), Int32(a.1))
        }
    }
}

/// A stretch [t0, t1] (0…1 along the edge from its smaller endpoint) of a lattice edge on a piece's boundary.
struct EdgeInterval {
    var edge: EdgeKey
    var t0: Double
    var t1: Double
}

/// One polygon of a cell inside one jurisdiction: the whole hexagon or a clipped part (metres).
struct HexPiece {
    var jurisdiction: Int32
    var col: Int
    var row: Int
    var whole: Bool
    var shape: MultiPolygon
    var area: Double
    var perimeter: Double
    var centroidX: Double
    var centroidY: Double
    /// Stretches of lattice edges on the boundary (clipped pieces only; whole cells have all six).
    var intervals: [EdgeInterval]
}
