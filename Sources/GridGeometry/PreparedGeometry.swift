internal import CGEOS

/// A prepared geometry for many predicate tests against one shape.
///
/// Not Sendable: GEOS builds the index lazily, so it must stay with its context's task.
final class PreparedGeometry {
    /// The base must outlive the prepared geometry: held strongly.
    let base: Geometry
    let pointer: OpaquePointer

    init(_ base: Geometry) throws(GeometryError) {
        guard let p = GEOSPrepare_r(base.context.handle, base.pointer) else { throw base.context.error("Prepare") }
        self.base = base
        self.pointer = p
    }

    // Destroyed before `base` (a stored property released after deinit runs).
    deinit { GEOSPreparedGeom_destroy_r(base.context.handle, pointer) }

    func containsProperly(_ g: Geometry) throws(GeometryError) -> Bool {
        try base.context.predicate(
            "PreparedContainsProperly", GEOSPreparedContainsProperly_r(base.context.handle, pointer, g.pointer))
    }

    func intersects(_ g: Geometry) throws(GeometryError) -> Bool {
        try base.context.predicate("PreparedIntersects", GEOSPreparedIntersects_r(base.context.handle, pointer, g.pointer))
    }

    /// True when the point lies in the interior or on the boundary (GEOS 3.11 has no ContainsXY: temp point).
    func covers(x: Double, y: Double) throws(GeometryError) -> Bool {
        let h = base.context.handle
        guard let pt = GEOSGeom_createPointFromXY_r(h, x, y) else { throw base.context.error("createPointFromXY") }
        defer { GEOSGeom_destroy_r(h, pt) }  // our temporary
        return try base.context.predicate("PreparedIntersects", GEOSPreparedIntersects_r(h, pointer, pt))
    }

    /// True when the point geometry `point` lies in the interior or on the boundary (no temporary point).
    func covers(_ point: Geometry) throws(GeometryError) -> Bool {
        try base.context.predicate("PreparedIntersects", GEOSPreparedIntersects_r(base.context.handle, pointer, point.pointer))
    }

    /// True when the point lies strictly inside.
    func contains(x: Double, y: Double) throws(GeometryError) -> Bool {
        let h = base.context.handle
        guard let pt = GEOSGeom_createPointFromXY_r(h, x, y) else { throw base.context.error("createPointFromXY") }
        defer { GEOSGeom_destroy_r(h, pt) }
        return try base.context.predicate("PreparedContains", GEOSPreparedContains_r(h, pointer, pt))
    }
}
