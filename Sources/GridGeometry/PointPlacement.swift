import GridModel

/// Point-to-unit assignment (coordinates in the work CRS, metres).
struct PointPlacement: EngineAlgorithm {
    let engine: GeometryEngine

    /// Unit index per point, or -1 outside every unit.
    ///
    /// Hexagons (`lattice` given): lattice arithmetic for points in interior cells; only points in
    /// boundary cells get a prepared point-in-polygon test (the cell's units, then its neighbours').
    /// Given units (`lattice` nil): STRtree over unit envelopes, then prepared tests in index order.
    /// A point on a shared boundary goes to the first unit found that covers it.
    /// - Complexity: O(n) lattice lookups plus O(boundary points × log units) GEOS tests.
    func assign(x: [Double], y: [Double], units: UnitSet, lattice: HexLattice?) throws(GeometryError)
        -> [Int32]
    {
        guard x.count == y.count else { throw GeometryError("assignPoints: \(x.count) x values but \(y.count) y") }
        var cache = PreparedCache(engine: engine, units: units)
        if let lattice {
            return try assignToLattice(x: x, y: y, lattice: lattice, cache: &cache)
        }
        let tree = try STRtree(in: geos)
        var envelopes: [Geometry] = []  // the tree keeps envelopes only; kept alive anyway for clarity
        for u in 0..<units.count where !units.shapes[u].isEmpty {
            let g = try cache.geometry(u)
            tree.insert(g, id: u)
            envelopes.append(g)
        }
        var out = [Int32](repeating: -1, count: x.count)
        for i in x.indices {
            guard x[i].isFinite, y[i].isFinite else { continue }
            // One point serves the tree query and the prepared tests.
            let pt = try Geometry.point(x: x[i], y: y[i], in: geos)
            for u in tree.query(pt) where try cache.prepared(u).covers(pt) {
                out[i] = Int32(u)
                break
            }
        }
        return out
    }

    private func assignToLattice(x: [Double], y: [Double], lattice: HexLattice, cache: inout PreparedCache)
        throws(GeometryError) -> [Int32]
    {
        var out = [Int32](repeating: -1, count: x.count)
        let tolerance = 1e-9 * lattice.cellSizeMetres
        for i in x.indices {
            let px = x[i], py = y[i]
            guard px.isFinite, py.isFinite else { continue }
            let (col, row) = lattice.cell(x: px, y: py)
            if let u = lattice.wholeCellUnit(col: col, row: row) {
                out[i] = u
                continue
            }
            if let u = try firstCovering(lattice.units(col: col, row: row), px, py, &cache) {
                out[i] = u
                continue
            }
            // Rounding at a cell edge: try the neighbours.
            guard !lattice.units(col: col, row: row).isEmpty || lattice.denseIndex(col: col, row: row) != nil else {
                continue
            }
            for e in 0..<6 {
                let n = lattice.neighbour(col: col, row: row, edge: e)
                if let u = lattice.wholeCellUnit(col: n.col, row: n.row) {
                    if lattice.hexagonCovers(col: n.col, row: n.row, x: px, y: py, tolerance: tolerance) {
                        out[i] = u
                        break
                    }
                } else if let u = try firstCovering(lattice.units(col: n.col, row: n.row), px, py, &cache) {
                    out[i] = u
                    break
                }
            }
        }
        return out
    }

    private func firstCovering(_ candidates: ArraySlice<Int32>, _ x: Double, _ y: Double, _ cache: inout PreparedCache)
        throws(GeometryError) -> Int32?
    {
        for u in candidates where try cache.prepared(Int(u)).covers(x: x, y: y) { return u }
        return nil
    }
}

/// Prepared unit geometries built on first use, indexed by unit.
struct PreparedCache {
    let engine: GeometryEngine
    let units: UnitSet
    private var geometries: [Geometry?]
    private var prepared: [PreparedGeometry?]

    init(engine: GeometryEngine, units: UnitSet) {
        self.engine = engine
        self.units = units
        geometries = Array(repeating: nil, count: units.count)
        prepared = Array(repeating: nil, count: units.count)
    }

    mutating func geometry(_ u: Int) throws(GeometryError) -> Geometry {
        if let g = geometries[u] { return g }
        let g = try engine.geometry(units.shapes[u])
        geometries[u] = g
        return g
    }

    mutating func prepared(_ u: Int) throws(GeometryError) -> PreparedGeometry {
        if let p = prepared[u] { return p }
        let p = try PreparedGeometry(geometry(u))
        prepared[u] = p
        return p
    }
}
