internal import CGEOS
import GridModel

/// Reading coordinates back out of GEOS into plain value types.
extension Geometry {
    /// The polygonal parts (Polygon, MultiPolygon, or polygons inside a collection) as a `MultiPolygon`,
    /// in GEOS order; lines and points are dropped, and so are empty or zero-area polygons.
    /// Rings are oriented exterior counter-clockwise, holes clockwise (RFC 7946 once unprojected).
    func toMultiPolygon() throws(GeometryError) -> MultiPolygon {
        var out: [Polygon] = []
        try Geometry.collectPolygons(pointer, context: context, into: &out)
        return MultiPolygon(polygons: out)
    }

    /// Walks a borrowed geometry (nothing here is freed: all accessors return borrowed pointers).
    private static func collectPolygons(_ g: OpaquePointer, context: GEOSContext, into out: inout [Polygon])
        throws(GeometryError)
    {
        let h = context.handle
        let type = GEOSGeomTypeId_r(h, g)
        switch type {
        case Int32(GEOS_POLYGON.rawValue):
            if GEOSisEmpty_r(h, g) == 1 { return }
            // Borrowed: the exterior ring belongs to g.
            guard let shell = GEOSGetExteriorRing_r(h, g) else { throw context.error("GetExteriorRing") }
            var outer = try ringXY(shell, context: context)
            let a = Ring.signedArea(outer)
            if a == 0 { return }
            if a < 0 { outer = Ring.reversed(outer) }
            var rings = [outer]
            let nHoles = GEOSGetNumInteriorRings_r(h, g)
            if nHoles < 0 { throw context.error("GetNumInteriorRings") }
            for i in 0..<nHoles {
                guard let hole = GEOSGetInteriorRingN_r(h, g, i) else { throw context.error("GetInteriorRingN") }
                var xy = try ringXY(hole, context: context)
                let ha = Ring.signedArea(xy)
                if ha == 0 { continue }
                if ha > 0 { xy = Ring.reversed(xy) }
                rings.append(xy)
            }
            out.append(Polygon(rings: rings))
        case Int32(GEOS_MULTIPOLYGON.rawValue), Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            let n = GEOSGetNumGeometries_r(h, g)
            if n < 0 { throw context.error("GetNumGeometries") }
            for i in 0..<n {
                // Borrowed member of g.
                guard let part = GEOSGetGeometryN_r(h, g, i) else { throw context.error("GetGeometryN") }
                try collectPolygons(part, context: context, into: &out)
            }
        case -1:
            throw context.error("GeomTypeId")
        default:
            return
        }
    }

    /// Interleaved coordinates of a borrowed ring or line, copied in bulk.
    static func ringXY(_ ring: OpaquePointer, context: GEOSContext) throws(GeometryError) -> [Double] {
        let h = context.handle
        // Borrowed sequence, valid while the ring's owner lives.
        guard let seq = GEOSGeom_getCoordSeq_r(h, ring) else { throw context.error("getCoordSeq") }
        var n: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(h, seq, &n) == 1 else { throw context.error("CoordSeq_getSize") }
        var out = [Double](repeating: 0, count: Int(n) * 2)
        let ok = out.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(h, seq, $0.baseAddress, 0, 0) }
        guard ok == 1 else { throw context.error("CoordSeq_copyToBuffer") }
        return out
    }
}
