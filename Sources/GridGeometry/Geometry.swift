internal import CGEOS
import GridModel

/// An owned GEOS geometry (internal: no C type leaves this module).
///
/// Coordinates are in whatever CRS the caller works in; inside the pipeline that is projected
/// metres, so `area()` is in m² and `length()` in m.
final class Geometry {
    /// Strong reference: the context must outlive the geometry.
    let context: GEOSContext
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`; it is destroyed in `deinit`.
    init(owning pointer: OpaquePointer, in context: GEOSContext) {
        self.context = context
        self.pointer = pointer
    }

    deinit { GEOSGeom_destroy_r(context.handle, pointer) }

    // MARK: Construction from plain coordinates

    /// A GEOS coordinate sequence copied in bulk from interleaved x, y. Caller owns it until it hands it
    /// to a create function (which takes it even when it fails).
    static func coordinateSequence(_ xy: [Double], in context: GEOSContext) throws(GeometryError) -> OpaquePointer {
        let seq = xy.withUnsafeBufferPointer {
            GEOSCoordSeq_copyFromBuffer_r(context.handle, $0.baseAddress, UInt32(xy.count / 2), 0, 0)  // hasZ 0, hasM 0
        }
        guard let seq else { throw context.error("CoordSeq_copyFromBuffer") }
        return seq
    }

    /// A linear ring from an interleaved closed ring. Caller owns the result (or passes it on).
    static func makeRing(_ xy: [Double], in context: GEOSContext) throws(GeometryError) -> OpaquePointer {
        let seq = try coordinateSequence(xy, in: context)
        // Ownership of seq passes to the ring, even when the call fails: never free seq after this.
        guard let ring = GEOSGeom_createLinearRing_r(context.handle, seq) else { throw context.error("createLinearRing") }
        return ring
    }

    /// A GEOS polygon from rings. Caller owns the result.
    static func makePolygon(_ p: Polygon, in context: GEOSContext) throws(GeometryError) -> OpaquePointer {
        let h = context.handle
        guard !p.rings.isEmpty else {
            guard let empty = GEOSGeom_createEmptyPolygon_r(h) else { throw context.error("createEmptyPolygon") }
            return empty
        }
        let shell = try makeRing(p.rings[0], in: context)
        var holes: [OpaquePointer?] = []
        holes.reserveCapacity(p.rings.count - 1)
        for ring in p.rings.dropFirst() {
            do {
                holes.append(try makeRing(ring, in: context))
            } catch {
                // Nothing has been handed to GEOS yet: we still own shell and holes.
                GEOSGeom_destroy_r(h, shell)
                for hole in holes { if let hole { GEOSGeom_destroy_r(h, hole) } }
                throw error
            }
        }
        // Ownership of shell and every hole passes to the polygon (even on failure); the array stays ours.
        let poly = holes.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(h, shell, $0.baseAddress, UInt32($0.count))
        }
        guard let poly else { throw context.error("createPolygon") }
        return poly
    }

    /// A GEOS MultiPolygon from a `MultiPolygon` (CRS and units as the caller's).
    static func make(_ m: MultiPolygon, in context: GEOSContext) throws(GeometryError) -> Geometry {
        let h = context.handle
        var parts: [OpaquePointer?] = []
        parts.reserveCapacity(m.polygons.count)
        for p in m.polygons {
            do {
                parts.append(try Geometry.makePolygon(p, in: context))
            } catch {
                // Not yet handed to GEOS: still ours to free.
                for part in parts { if let part { GEOSGeom_destroy_r(h, part) } }
                throw error
            }
        }
        // Every member is owned by the collection from here on (even if the call fails); the array is ours.
        let coll = parts.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(h, Int32(GEOS_MULTIPOLYGON.rawValue), $0.baseAddress, UInt32($0.count))
        }
        guard let coll else { throw context.error("createCollection(MultiPolygon)") }
        return Geometry(owning: coll, in: context)
    }

    /// A GEOS collection of clones of `parts` (the originals stay owned by their wrappers).
    static func collection(_ parts: [Geometry], in context: GEOSContext) throws(GeometryError) -> Geometry {
        let h = context.handle
        var clones: [OpaquePointer?] = []
        clones.reserveCapacity(parts.count)
        for g in parts {
            guard let c = GEOSGeom_clone_r(h, g.pointer) else {
                for c in clones { if let c { GEOSGeom_destroy_r(h, c) } }
                throw context.error("clone")
            }
            clones.append(c)
        }
        // Clones are owned by the collection from here on, even if the call fails.
        let coll = clones.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(h, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), $0.baseAddress, UInt32($0.count))
        }
        guard let coll else { throw context.error("createCollection") }
        return Geometry(owning: coll, in: context)
    }

    /// An axis-aligned rectangle polygon.
    static func rectangle(minX: Double, minY: Double, maxX: Double, maxY: Double, in context: GEOSContext)
        throws(GeometryError) -> Geometry
    {
        let ring = [minX, minY, maxX, minY, maxX, maxY, minX, maxY, minX, minY]
        let p = try makePolygon(Polygon(rings: [ring]), in: context)
        return Geometry(owning: p, in: context)
    }

    /// A point geometry.
    static func point(x: Double, y: Double, in context: GEOSContext) throws(GeometryError) -> Geometry {
        guard let p = GEOSGeom_createPointFromXY_r(context.handle, x, y) else {
            throw context.error("createPointFromXY")
        }
        return Geometry(owning: p, in: context)
    }
}
