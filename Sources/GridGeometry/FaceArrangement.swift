import GridModel

/// The faces of a set of polygons' noded boundaries (projected metres, m²).
///
/// All boundaries are unioned (which nodes them: every crossing becomes a vertex of both lines) and
/// polygonized. Neighbouring faces therefore share bit-identical segments, so any union of faces is an
/// exact coverage, and face adjacency with shared lengths comes from hashing segments, without GEOS.
struct FaceArrangement {
    var faces: [Geometry] = []
    var shapes: [MultiPolygon] = []
    var area: [Double] = []
    /// Face adjacency (CSR): neighbours of f are `neighbor[offsets[f]..<offsets[f+1]]`, -1 for the outside
    /// (a segment no other face has), with the shared length in m; each neighbour listed once.
    var offsets: [Int32] = [0]
    var neighbor: [Int32] = []
    var length: [Double] = []

    /// - Complexity: one GEOS line union and polygonize over all vertices, then O(segments) hashing.
    init(boundariesOf polygons: [Geometry], in context: GEOSContext) throws(GeometryError) {
        var lines: [Geometry] = []
        lines.reserveCapacity(polygons.count)
        for p in polygons where !(try p.isEmpty()) { lines.append(try p.boundary()) }
        guard !lines.isEmpty else { return }
        let noded = try Geometry.collection(lines, in: context).unaryUnion()
        faces = try noded.polygonize().memberClones()
        // Segment → (face, order seen); the order makes the outside lengths' summation deterministic.
        var keys: [SegmentKey: (face: Int32, seen: Int)] = [:]
        var seen = 0
        keys.reserveCapacity(faces.count * 16)
        var pairs: [(Int32, Int32, Double)] = []
        for (f, g) in faces.enumerated() {
            let m = try g.toMultiPolygon()
            shapes.append(m)
            area.append(try g.area())
            for p in m.polygons {
                for r in p.rings {
                    var i = 0
                    while i + 3 < r.count {
                        let key = SegmentKey(r[i], r[i + 1], r[i + 2], r[i + 3])
                        let dx = r[i + 2] - r[i], dy = r[i + 3] - r[i + 1]
                        let len = (dx * dx + dy * dy).squareRoot()
                        if let other = keys.removeValue(forKey: key) {
                            if Int(other.face) != f { pairs.append((other.face, Int32(f), len)) }
                        } else {
                            keys[key] = (Int32(f), seen)
                            seen += 1
                        }
                        i += 2
                    }
                }
            }
        }
        // Segments seen once lie on the outside of the arrangement.
        for (key, v) in keys.sorted(by: { $0.value.seen < $1.value.seen }) { pairs.append((v.face, -1, key.length)) }
        var directed: [(Int32, Int32, Double)] = []
        directed.reserveCapacity(pairs.count * 2)
        for (a, b, l) in pairs {
            directed.append((a, b, l))
            if b >= 0 { directed.append((b, a, l)) }
        }
        directed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        offsets = [Int32](repeating: 0, count: faces.count + 1)
        var k = 0
        for f in 0..<faces.count {
            while k < directed.count && directed[k].0 == Int32(f) {
                let g = directed[k].1
                var l = 0.0
                while k < directed.count && directed[k].0 == Int32(f) && directed[k].1 == g {
                    l += directed[k].2
                    k += 1
                }
                neighbor.append(g)
                length.append(l)
            }
            offsets[f + 1] = Int32(neighbor.count)
        }
    }

    var count: Int { faces.count }

    /// (neighbour face or -1, shared length in m) of face f.
    func neighbours(of f: Int) -> Zip2Sequence<ArraySlice<Int32>, ArraySlice<Double>> {
        let r = Int(offsets[f])..<Int(offsets[f + 1])
        return zip(neighbor[r], length[r])
    }
}

/// A segment independent of direction, by the bit patterns of its end points.
struct SegmentKey: Hashable {
    let a: UInt64, b: UInt64, c: UInt64, d: UInt64

    init(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) {
        // + 0 turns -0.0 into 0.0, so equal coordinates have equal bits.
        let (x1, y1, x2, y2) = (x1 + 0, y1 + 0, x2 + 0, y2 + 0)
        if x1 < x2 || (x1 == x2 && y1 <= y2) {
            (a, b, c, d) = (x1.bitPattern, y1.bitPattern, x2.bitPattern, y2.bitPattern)
        } else {
            (a, b, c, d) = (x2.bitPattern, y2.bitPattern, x1.bitPattern, y1.bitPattern)
        }
    }

    var length: Double {
        let dx = Double(bitPattern: c) - Double(bitPattern: a), dy = Double(bitPattern: d) - Double(bitPattern: b)
        return (dx * dx + dy * dy).squareRoot()
    }
}
