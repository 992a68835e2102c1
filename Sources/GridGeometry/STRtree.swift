internal import CGEOS

/// A GEOS STRtree over envelopes with integer ids (no Swift objects inside, nothing retained).
///
/// Insert everything first: GEOS packs the tree on the first query and silently drops later inserts.
final class STRtree {
    let context: GEOSContext
    let pointer: OpaquePointer
    private(set) var isFrozen = false

    init(nodeCapacity: Int = 10, in context: GEOSContext) throws(GeometryError) {
        guard let t = GEOSSTRtree_create_r(context.handle, nodeCapacity) else { throw context.error("STRtree_create") }
        self.context = context
        self.pointer = t
    }

    deinit { GEOSSTRtree_destroy_r(context.handle, pointer) }

    /// The tree keeps only `g`'s envelope (GEOS ≥ 3.9), so `g` may be freed afterwards.
    func insert(_ g: Geometry, id: Int) {
        precondition(!isFrozen, "STRtree.insert after the first query is silently ignored by GEOS")
        // Item = bit pattern id+1 (never NULL).
        GEOSSTRtree_insert_r(context.handle, pointer, g.pointer, UnsafeMutableRawPointer(bitPattern: id + 1))
    }

    /// Ids whose envelope intersects `g`'s envelope, sorted ascending (deterministic).
    func query(_ g: Geometry) -> [Int] {
        isFrozen = true
        var hits: [Int] = []
        withUnsafeMutablePointer(to: &hits) { hitsPtr in
            GEOSSTRtree_query_r(
                context.handle, pointer, g.pointer,
                { item, userdata in
                    guard let item, let userdata else { return }
                    userdata.assumingMemoryBound(to: [Int].self).pointee.append(Int(bitPattern: item) - 1)
                }, hitsPtr)
        }
        hits.sort()
        return hits
    }
}
