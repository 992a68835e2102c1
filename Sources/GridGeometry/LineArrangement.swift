internal import CGEOS
import GridModel

/// The faces of noded linework and every boundary segment with the faces on its two sides (projected metres).
///
/// The lines are unioned (which nodes them: every crossing becomes a vertex of both lines) and polygonized;
/// dangling ends vanish. Neighbouring faces share bit-identical segments, so a segment is found on its two
/// faces by hashing its end points, and any union of faces is an exact coverage.
struct LineArrangement {
    /// The noded linework (dangles included): each edge between two nodes once.
    var noded: Geometry?
    var faces: [Geometry] = []
    var shapes: [MultiPolygon] = []
    var area: [Double] = []
    /// A point inside each face.
    var insideX: [Double] = [], insideY: [Double] = []
    /// Segments: faces on the two sides (`right` is -1 when only one face has it), end points and length.
    var left: [Int32] = [], right: [Int32] = []
    var ax: [Double] = [], ay: [Double] = [], bx: [Double] = [], by: [Double] = []
    var length: [Double] = []
    /// Segments of each face (CSR over `faceSegments`).
    var faceOffsets: [Int32] = [0]
    var faceSegments: [Int32] = []
    /// The segment with given end points (either order).
    private(set) var keys: [SegmentKey: Int32] = [:]

    /// - Complexity: one GEOS line union and polygonize, then O(segments) hashing.
    /// With `alreadyNoded`, the lines are known to meet only at their end points and are polygonized as
    /// they are (no union).
    init(lines: [Geometry], in context: GEOSContext, alreadyNoded: Bool = false) throws(GeometryError) {
        guard !lines.isEmpty else { return }
        let all = try Geometry.collection(lines, in: context)
        let noded = alreadyNoded ? all : try all.unaryUnion()
        self.noded = noded
        faces = try noded.polygonize().memberClones()
        for g in faces {
            shapes.append(try g.toMultiPolygon())
            area.append(try g.area())
            let p = try g.pointOnSurface()
            insideX.append(p.x)
            insideY.append(p.y)
        }
        indexSegments()
    }

    /// The faces `keep` of `a` followed by the faces `add` of `b`, with their segments found again. Faces
    /// of the two that share boundary must share it vertex for vertex (b's faces subdivide a's faces that
    /// are not kept, and GEOS noding keeps every input vertex).
    init(_ a: LineArrangement, keep: [Int], _ b: LineArrangement, add: [Int]) {
        for (from, list) in [(a, keep), (b, add)] {
            for f in list {
                faces.append(from.faces[f])
                shapes.append(from.shapes[f])
                area.append(from.area[f])
                insideX.append(from.insideX[f])
                insideY.append(from.insideY[f])
            }
        }
        indexSegments()
    }

    /// Finds every ring segment on its one or two faces by hashing its end points.
    /// - Complexity: O(segments).
    private mutating func indexSegments() {
        keys = [:]
        keys.reserveCapacity(faces.count * 16)
        var perFace = [[Int32]](repeating: [], count: faces.count)
        for (f, m) in shapes.enumerated() {
            for poly in m.polygons {
                for r in poly.rings {
                    var i = 0
                    while i + 3 < r.count {
                        let key = SegmentKey(r[i], r[i + 1], r[i + 2], r[i + 3])
                        if let s = keys[key] {
                            if right[Int(s)] < 0 && left[Int(s)] != Int32(f) {
                                right[Int(s)] = Int32(f)
                                perFace[f].append(s)
                            }
                        } else {
                            let s = Int32(left.count)
                            keys[key] = s
                            left.append(Int32(f))
                            right.append(-1)
                            ax.append(r[i])
                            ay.append(r[i + 1])
                            bx.append(r[i + 2])
                            by.append(r[i + 3])
                            let dx = r[i + 2] - r[i], dy = r[i + 3] - r[i + 1]
                            length.append((dx * dx + dy * dy).squareRoot())
                            perFace[f].append(s)
                        }
                        i += 2
                    }
                }
            }
        }
        for list in perFace {
            faceSegments += list
            faceOffsets.append(Int32(faceSegments.count))
        }
    }

    var count: Int { faces.count }
    var segmentCount: Int { left.count }

    func segments(of f: Int) -> ArraySlice<Int32> { faceSegments[Int(faceOffsets[f])..<Int(faceOffsets[f + 1])] }

    /// The face on the other side of segment s from face f (-1: none).
    func other(_ s: Int, _ f: Int) -> Int { Int(left[s]) == f ? Int(right[s]) : Int(left[s]) }

    /// Perimeter of face f (all rings), m.
    func perimeter(_ f: Int) -> Double { segments(of: f).reduce(0) { $0 + length[Int($1)] } }
}

extension Geometry {
    /// A GEOS LineString from an interleaved line (at least 2 positions). Caller owns the result.
    static func line(_ xy: [Double], in context: GEOSContext) throws(GeometryError) -> Geometry {
        let h = context.handle
        let seq = xy.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(h, $0.baseAddress, UInt32(xy.count / 2), 0, 0)  // hasZ 0, hasM 0
        }
        guard let seq else { throw context.error("CoordSeq_copyFromBuffer") }
        // Ownership of seq passes to the line, even when the call fails.
        guard let l = GEOSGeom_createLineString_r(h, seq) else { throw context.error("createLineString") }
        return Geometry(owning: l, in: context)
    }

    /// The lines of a linear geometry (LineString, MultiLineString, or lines in a collection), interleaved.
    func lineCoordinates() throws(GeometryError) -> [[Double]] {
        var out: [[Double]] = []
        try Geometry.collectLines(pointer, context: context, into: &out)
        return out
    }

    /// Walks a borrowed geometry; nothing is freed (all accessors return borrowed pointers).
    private static func collectLines(_ g: OpaquePointer, context: GEOSContext, into out: inout [[Double]])
        throws(GeometryError)
    {
        let h = context.handle
        switch GEOSGeomTypeId_r(h, g) {
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            if GEOSisEmpty_r(h, g) == 1 { return }
            out.append(try ringXY(g, context: context))
        case Int32(GEOS_MULTILINESTRING.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue), Int32(GEOS_MULTIPOLYGON.rawValue):
            let n = GEOSGetNumGeometries_r(h, g)
            if n < 0 { throw context.error("GetNumGeometries") }
            for i in 0..<n {
                guard let part = GEOSGetGeometryN_r(h, g, i) else { throw context.error("GetGeometryN") }  // borrowed
                try collectLines(part, context: context, into: &out)
            }
        case Int32(GEOS_POLYGON.rawValue):
            if GEOSisEmpty_r(h, g) == 1 { return }
            guard let shell = GEOSGetExteriorRing_r(h, g) else { throw context.error("GetExteriorRing") }  // borrowed
            out.append(try ringXY(shell, context: context))
            let nHoles = GEOSGetNumInteriorRings_r(h, g)
            for i in 0..<max(0, nHoles) {
                guard let hole = GEOSGetInteriorRingN_r(h, g, i) else { throw context.error("GetInteriorRingN") }
                out.append(try ringXY(hole, context: context))
            }
        case -1:
            throw context.error("GeomTypeId")
        default:
            return
        }
    }
}
