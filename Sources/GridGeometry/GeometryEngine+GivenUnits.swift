import GridModel

/// Given polygons (villages, census blocks) as units (projected metres).
extension GeometryEngine {
    /// Given polygons as units, cut to the jurisdictions, with rook adjacency tolerant of digitising slivers.
    ///
    /// Each shape is made valid if needed, then cut by the jurisdictions: a shape inside one jurisdiction is
    /// one unit; a shape crossing a border is cut and each substantial piece is a unit of its jurisdiction
    /// (named "<id>_<k>", k = 1, 2, … in jurisdiction order). Pieces thinner than `snapMetres` (area below
    /// snap × half the piece's perimeter) are digitising noise along a border and are clipped away, so the
    /// unit goes to the jurisdiction holding most of its area; parts outside every jurisdiction are clipped away too.
    /// Two units of the same jurisdiction are neighbours when their boundaries run within `snapMetres` of each
    /// other for more than 2 × `snapMetres` (the shared length is the mean of both directions; exact when snap is 0).
    /// Unit order is input order (pieces of one input in jurisdiction order).
    public func givenUnits(_ shapes: [MultiPolygon], names: [String], jurisdictions: [MultiPolygon], snapMetres: Double)
        throws(GeometryError) -> UnitSet
    {
        guard shapes.count == names.count else {
            throw GeometryError("givenUnits: \(shapes.count) shapes but \(names.count) names")
        }
        guard snapMetres.isFinite, snapMetres >= 0 else {
            throw GeometryError("snapping tolerance must be ≥ 0 metres, got \(snapMetres)")
        }
        var jg: [Geometry] = [], jp: [PreparedGeometry] = []
        for (k, j) in jurisdictions.enumerated() {
            let g = try geometry(j)
            if !(try g.isValid()) { throw GeometryError("jurisdiction \(k) is not a valid polygon: \(try g.validReason())") }
            jg.append(g)
            jp.append(try PreparedGeometry(g))
        }
        try checkNoOverlap(jg)
        var pieces: [(geometry: Geometry, jurisdiction: Int32, name: String, source: Int32)] = []
        for (i, shape) in shapes.enumerated() {
            var g = try geometry(shape)
            if !(try g.isValid()) { g = try g.makeValidStructure() }
            if try g.isEmpty() { continue }
            let unitArea = try g.area()
            var cut: [(Geometry, Int32, Double)] = []
            for k in jg.indices where try jp[k].intersects(g) {
                let piece = try jp[k].containsProperly(g) ? g : g.intersection(jg[k])
                let polygons = try piece.toMultiPolygon()
                guard !polygons.isEmpty else { continue }
                let clean = try geometry(polygons)
                let a = try clean.area()
                cut.append((clean, Int32(k), a))
            }
            guard !cut.isEmpty else { continue }  // outside every jurisdiction
            var keep: [(Geometry, Int32, Double)] = []
            for c in cut {
                let thin = c.2 < snapMetres * (try c.0.length()) / 2 || c.2 < 1e-9 * unitArea
                if !thin { keep.append(c) }
            }
            if keep.isEmpty, let largest = cut.max(by: { $0.2 < $1.2 }) { keep = [largest] }
            for (n, c) in keep.enumerated() {
                pieces.append((c.0, c.1, keep.count == 1 ? names[i] : "\(names[i])_\(n + 1)", Int32(i)))
            }
        }
        var units = UnitSet(
            shapes: [], jurisdiction: [], area: [], perimeter: [], centroidX: [], centroidY: [], names: [], offsets: [],
            neighbors: [], sharedLength: [])
        for p in pieces {
            units.shapes.append(try p.geometry.toMultiPolygon())
            units.jurisdiction.append(p.jurisdiction)
            units.area.append(try p.geometry.area())
            units.perimeter.append(try p.geometry.length())
            let c = try p.geometry.centroid()
            units.centroidX.append(c.x)
            units.centroidY.append(c.y)
            units.names.append(p.name)
            units.sourceIndex.append(p.source)
        }
        let csr = UnitSet.csr(try snappedAdjacency(pieces.map { $0.geometry }, pieces.map { $0.jurisdiction }, snapMetres))
        units.offsets = csr.offsets
        units.neighbors = csr.neighbors
        units.sharedLength = csr.lengths
        return units
    }

    /// Per unit, (neighbour, shared length in m); symmetric by construction (computed once per pair).
    private func snappedAdjacency(_ geoms: [Geometry], _ jurisdiction: [Int32], _ snap: Double) throws(GeometryError)
        -> [[(Int32, Double)]]
    {
        let n = geoms.count
        var boundaries: [Geometry] = [], zones: [Geometry] = [], prepared: [PreparedGeometry] = []
        let tree = try STRtree(in: geos)
        for (u, g) in geoms.enumerated() {
            let b = try g.boundary()
            let zone = snap > 0 ? try g.buffer(snap) : b
            boundaries.append(b)
            zones.append(zone)
            prepared.append(try PreparedGeometry(zone))
            tree.insert(zone, id: u)
        }
        var lists = [[(Int32, Double)]](repeating: [], count: n)
        for u in 0..<n {
            for v in tree.query(zones[u]) where v > u && jurisdiction[v] == jurisdiction[u] {
                guard try prepared[u].intersects(boundaries[v]) else { continue }
                let shared: Double
                if snap > 0 {
                    let a = try boundaries[u].intersection(zones[v]).length()
                    let b = try boundaries[v].intersection(zones[u]).length()
                    shared = (a + b) / 2
                } else {
                    shared = try boundaries[u].intersection(boundaries[v]).length()
                }
                guard shared > 2 * snap, shared > 0 else { continue }
                lists[u].append((Int32(v), shared))
                lists[v].append((Int32(u), shared))
            }
        }
        return lists
    }
}
