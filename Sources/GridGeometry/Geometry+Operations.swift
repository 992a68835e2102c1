internal import CGEOS
import GridModel

/// Measures, predicates and overlay operations (planar; m² and m when coordinates are metres).
extension Geometry {
    func area() throws(GeometryError) -> Double {
        var v = 0.0
        guard GEOSArea_r(context.handle, pointer, &v) == 1 else { throw context.error("Area") }
        return v
    }

    /// Length of a line, or perimeter (all rings) of a polygonal geometry.
    func length() throws(GeometryError) -> Double {
        var v = 0.0
        guard GEOSLength_r(context.handle, pointer, &v) == 1 else { throw context.error("Length") }
        return v
    }

    func isEmpty() throws(GeometryError) -> Bool {
        try context.predicate("isEmpty", GEOSisEmpty_r(context.handle, pointer))
    }

    func isValid() throws(GeometryError) -> Bool {
        try context.predicate("isValid", GEOSisValid_r(context.handle, pointer))
    }

    /// GEOS's explanation, e.g. "Self-intersection[1 1]"; "Valid Geometry" when valid.
    func validReason() throws(GeometryError) -> String {
        // The returned string is GEOS-allocated: takeString frees it with GEOSFree_r.
        try context.takeString("isValidReason", GEOSisValidReason_r(context.handle, pointer))
    }

    /// (minX, minY, maxX, maxY); throws for an empty geometry.
    func bounds() throws(GeometryError) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        let h = context.handle
        var a = 0.0, b = 0.0, c = 0.0, d = 0.0
        guard GEOSGeom_getXMin_r(h, pointer, &a) == 1, GEOSGeom_getYMin_r(h, pointer, &b) == 1,
            GEOSGeom_getXMax_r(h, pointer, &c) == 1, GEOSGeom_getYMax_r(h, pointer, &d) == 1
        else { throw context.error("getBounds") }
        return (a, b, c, d)
    }

    /// Centroid (x, y); (nan, nan) for an empty geometry.
    func centroid() throws(GeometryError) -> (x: Double, y: Double) {
        try coordinates(ofOwnedPoint: GEOSGetCentroid_r(context.handle, pointer), "GetCentroid")
    }

    /// x, y of a point a GEOS call returned (owned: destroyed here), (nan, nan) when it is empty; `name`
    /// names the call when it returned nothing.
    private func coordinates(ofOwnedPoint p: OpaquePointer?, _ name: String) throws(GeometryError) -> (x: Double, y: Double) {
        let h = context.handle
        guard let p else { throw context.error(name) }
        defer { GEOSGeom_destroy_r(h, p) }  // owned result
        if GEOSisEmpty_r(h, p) == 1 { return (.nan, .nan) }
        var x = 0.0, y = 0.0
        guard GEOSGeomGetX_r(h, p, &x) == 1, GEOSGeomGetY_r(h, p, &y) == 1 else { throw context.error("GeomGetXY") }
        return (x, y)
    }

    /// A geometry a GEOS call returned (owned by the new `Geometry`); `name` names the call when it
    /// returned nothing (the error text is the context's last GEOS error).
    private func owned(_ result: OpaquePointer?, _ name: String) throws(GeometryError) -> Geometry {
        guard let result else { throw context.error(name) }
        return Geometry(owning: result, in: context)  // owned result
    }

    private func binary(
        _ name: String, _ op: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?,
        _ other: Geometry
    ) throws(GeometryError) -> Geometry {
        precondition(other.context === context, "geometries from different GEOS contexts")
        return try owned(op(context.handle, pointer, other.pointer), name)
    }

    func intersection(_ o: Geometry) throws(GeometryError) -> Geometry { try binary("Intersection", GEOSIntersection_r, o) }
    func union(_ o: Geometry) throws(GeometryError) -> Geometry { try binary("Union", GEOSUnion_r, o) }
    func difference(_ o: Geometry) throws(GeometryError) -> Geometry { try binary("Difference", GEOSDifference_r, o) }
    func symmetricDifference(_ o: Geometry) throws(GeometryError) -> Geometry {
        try binary("SymDifference", GEOSSymDifference_r, o)
    }

    func clipByRect(minX: Double, minY: Double, maxX: Double, maxY: Double) throws(GeometryError) -> Geometry {
        try owned(GEOSClipByRect_r(context.handle, pointer, minX, minY, maxX, maxY), "ClipByRect")
    }

    func unaryUnion() throws(GeometryError) -> Geometry {
        try owned(GEOSUnaryUnion_r(context.handle, pointer), "UnaryUnion")
    }

    /// Union of a collection whose members form an exact coverage (shared edges with identical vertices).
    func coverageUnion() throws(GeometryError) -> Geometry {
        try owned(GEOSCoverageUnion_r(context.handle, pointer), "CoverageUnion")
    }

    func buffer(_ width: Double, quadrantSegments: Int32 = 2) throws(GeometryError) -> Geometry {
        try owned(GEOSBuffer_r(context.handle, pointer, width, quadrantSegments), "Buffer")
    }

    func boundary() throws(GeometryError) -> Geometry {
        try owned(GEOSBoundary_r(context.handle, pointer), "Boundary")
    }

    /// GEOSMakeValidWithParams with the structure method, collapsed parts dropped.
    func makeValidStructure() throws(GeometryError) -> Geometry {
        let h = context.handle
        guard let params = GEOSMakeValidParams_create_r(h) else { throw context.error("MakeValidParams_create") }
        defer { GEOSMakeValidParams_destroy_r(h, params) }
        guard GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE) == 1,
            GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0) == 1
        else { throw context.error("MakeValidParams_set") }
        return try owned(GEOSMakeValidWithParams_r(h, pointer, params), "MakeValid")
    }
}

/// Operations used to build an exact coverage from noisy polygons.
extension Geometry {
    /// A point guaranteed (up to rounding) to lie in the interior of a polygonal geometry.
    func pointOnSurface() throws(GeometryError) -> (x: Double, y: Double) {
        try coordinates(ofOwnedPoint: GEOSPointOnSurface_r(context.handle, pointer), "PointOnSurface")
    }

    /// Every bounded face of this (fully noded) linework as a polygon; cut edges and dangles are ignored.
    func polygonize() throws(GeometryError) -> Geometry {
        let h = context.handle
        // The input stays ours (GEOSPolygonize_r only reads it); the result is owned.
        let input: [OpaquePointer?] = [pointer]
        return try owned(input.withUnsafeBufferPointer { GEOSPolygonize_r(h, $0.baseAddress, 1) }, "Polygonize")
    }

    /// Owned clones of the members of a collection (or of a single geometry: itself, cloned).
    func memberClones() throws(GeometryError) -> [Geometry] {
        let h = context.handle
        let n = GEOSGetNumGeometries_r(h, pointer)
        if n < 0 { throw context.error("GetNumGeometries") }
        var out: [Geometry] = []
        out.reserveCapacity(Int(n))
        for i in 0..<n {
            // Borrowed member; the clone is ours.
            guard let part = GEOSGetGeometryN_r(h, pointer, i), let c = GEOSGeom_clone_r(h, part) else {
                throw context.error("GetGeometryN/clone")
            }
            out.append(Geometry(owning: c, in: context))
        }
        return out
    }
}

/// Precision.
extension Geometry {
    /// The geometry snap-rounded to a grid of `gridSize` (GEOSGeom_setPrecision: every vertex on the
    /// grid, segments noded where they pass through a rounded vertex, collapsed parts removed). The result
    /// is valid whenever the input is polygonal, even if the input was not.
    func snapRounded(gridSize: Double) throws(GeometryError) -> Geometry {
        try owned(GEOSGeom_setPrecision_r(context.handle, pointer, gridSize, 0), "setPrecision")  // the input stays ours
    }

    /// Union of this (line) geometry's parts noded on a grid of `gridSize` (snap-rounding noder): lines
    /// that pass within half a grid cell of a vertex get that vertex, so almost-collinear edges become one.
    func unaryUnion(gridSize: Double) throws(GeometryError) -> Geometry {
        try owned(GEOSUnaryUnionPrec_r(context.handle, pointer, gridSize), "UnaryUnionPrec")
    }
}
