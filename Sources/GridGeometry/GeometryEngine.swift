internal import CGEOS
internal import CPROJ
import GridModel

/// The geometry workhorse: owns one GEOS context and one PROJ context.
///
/// Each algorithm is a small value in its own file that borrows the engine (`EngineAlgorithm`):
/// `PolygonRepair`, `Reprojection`, `PointPlacement`, `OverlapResolution`, `HexagonUnitBuilder`,
/// `GridDissolve`, `LargestOverlap`, `BarrierShareMeasure` (georust/geo's layout). The engine's public methods below are their entry points.
///
/// Not Sendable and never global: make one per task. Everything it returns is a plain Sendable value.
/// All areas and lengths are planar, in the units of the coordinates (m², m in the work CRS).
public final class GeometryEngine {
    let geos: GEOSContext
    let proj: ProjContext
    /// Transformers by "source\u{0}target"; lookups only, never iterated.
    var transformers: [String: CoordinateTransformer] = [:]

    /// How many unions so far fell back from coverage union to unary union (the coverage was not exact).
    /// Hexagon units should never need it; given units may.
    public internal(set) var coverageUnionFallbacks = 0

    public init() throws(GeometryError) {
        geos = try GEOSContext()
        proj = try ProjContext()
    }

    /// Path of PROJ's proj.db as found at startup (nil when PROJ has no database: every EPSG code will fail).
    public var projDatabasePath: String? { proj.databasePath }

    /// GEOS version string, e.g. "3.11.1-CAPI-1.17.1".
    public var geosVersion: String { GEOSversion().map { String(cString: $0) } ?? "" }

    /// PROJ version string, e.g. "9.1.1".
    public var projVersion: String { String(cString: proj_info().version) }

    /// Notices GEOS emitted so far (e.g. "Self-intersection at or near point 1 1"); cleared by reading.
    public func takeGEOSNotices() -> [String] {
        defer { geos.sink.notices.removeAll() }
        return geos.sink.notices
    }

    func geometry(_ m: MultiPolygon) throws(GeometryError) -> Geometry {
        try Geometry.make(m, in: geos)
    }

    // MARK: - Measures (planar, in the units of the coordinates: m², m in the work CRS)

    /// Planar area (m² in the work CRS).
    public func area(_ m: MultiPolygon) throws(GeometryError) -> Double {
        try geometry(m).area()
    }

    /// Perimeter: total length of all rings (m in the work CRS).
    public func perimeter(_ m: MultiPolygon) throws(GeometryError) -> Double {
        try geometry(m).length()
    }

    /// Unary union of all shapes (robust, not assuming a coverage).
    public func union(_ shapes: [MultiPolygon]) throws(GeometryError) -> MultiPolygon {
        var parts: [Geometry] = []
        parts.reserveCapacity(shapes.count)
        for s in shapes { parts.append(try geometry(s)) }
        return try Geometry.collection(parts, in: geos).unaryUnion().toMultiPolygon()
    }

    /// Area of the symmetric difference of `a` and `b` (m² in the work CRS): 0 for equal shapes.
    public func symmetricDifferenceArea(_ a: MultiPolygon, _ b: MultiPolygon) throws(GeometryError) -> Double {
        try geometry(a).symmetricDifference(geometry(b)).area()
    }

    /// GEOS's validity explanation, or nil when valid.
    public func invalidityReason(_ m: MultiPolygon) throws(GeometryError) -> String? {
        let g = try geometry(m)
        if try g.isValid() { return nil }
        return try g.validReason()
    }

    // MARK: - The algorithms, each a value in its own file that borrows this engine

    /// Checks validity; an invalid shape is made valid (GEOSMakeValidWithParams, structure method,
    /// polygons only). Always normalises: zero-area parts and rings are dropped, exteriors are
    /// counter-clockwise and holes clockwise. `reason` is GEOS's explanation when invalid.
    /// Areas are in the square units of the coordinates (m² in the work CRS).
    public func repair(_ m: MultiPolygon) throws(GeometryError) -> (
        shape: MultiPolygon, wasValid: Bool, reason: String?, areaBefore: Double, areaAfter: Double
    ) {
        try PolygonRepair(engine: self).repair(m)
    }

    /// Transforms in place from `source` to `target` (x = lon/easting, y = lat/northing on both sides,
    /// whatever the EPSG axis order). gcj02/bd09 sources are converted to WGS84 first by our own code,
    /// gcj02/bd09 targets last. Throws naming the CRS when PROJ does not know it, and when any point fails.
    /// - Complexity: O(n), one `proj_trans_generic` call.
    public func transform(x: inout [Double], y: inout [Double], from source: String, to target: String)
        throws(GeometryError)
    {
        try Reprojection(engine: self).transform(x: &x, y: &y, from: source, to: target)
    }

    /// `transform(x:y:from:to:)` with the points shared between this engine and a fresh engine on
    /// another thread (its own GEOS and PROJ contexts) when there are at least `minimumSplit` points
    /// and `threads` > 1.
    ///
    /// Each point is transformed on its own, so the numbers are those of one call; a failure is
    /// reported as one call reports it (the point's index among all points).
    /// - Complexity: O(n), two `proj_trans_generic` calls running at once, plus one PROJ context.
    public func transform(
        x: inout [Double], y: inout [Double], from source: String, to target: String, threads: Int, minimumSplit: Int = 100_000
    ) throws(GeometryError) {
        try SplitReprojection(engine: self).transform(x: &x, y: &y, from: source, to: target, threads: threads, minimumSplit: minimumSplit)
    }

    /// Transforms every ring of `m` (one batch for all positions).
    public func transform(_ m: MultiPolygon, from source: String, to target: String) throws(GeometryError)
        -> MultiPolygon
    {
        try transform([m], from: source, to: target)[0]
    }

    /// Transforms many shapes in one PROJ call (e.g. every unit of a plan for output).
    /// - Complexity: O(total positions).
    public func transform(_ shapes: [MultiPolygon], from source: String, to target: String) throws(GeometryError)
        -> [MultiPolygon]
    {
        try Reprojection(engine: self).transform(shapes, from: source, to: target)
    }

    /// Unit index per point, or -1 outside every unit.
    ///
    /// Hexagons (`lattice` given): lattice arithmetic for points in interior cells; only points in
    /// boundary cells get a prepared point-in-polygon test (the cell's units, then its neighbours').
    /// Given units (`lattice` nil): STRtree over unit envelopes, then prepared tests in index order.
    /// A point on a shared boundary goes to the first unit found that covers it.
    /// - Complexity: O(n) lattice lookups plus O(boundary points × log units) GEOS tests.
    public func assignPoints(x: [Double], y: [Double], units: UnitSet, lattice: HexLattice?) throws(GeometryError)
        -> [Int32]
    {
        try PointPlacement(engine: self).assign(x: x, y: y, units: units, lattice: lattice)
    }

    /// Makes jurisdictions disjoint by giving every overlap to the lower-index jurisdiction.
    ///
    /// Same as `resolveOverlaps(_:names:maxShare:)` with names "jurisdiction <k>".
    public func resolveOverlaps(_ jurisdictions: [MultiPolygon], maxShare: Double) throws(GeometryError) -> (
        shapes: [MultiPolygon], overlapArea: [(Int, Int, Double)]
    ) {
        try resolveOverlaps(jurisdictions, names: jurisdictions.indices.map { "jurisdiction \($0)" }, maxShare: maxShare)
    }

    /// Makes jurisdictions disjoint by giving every overlap to the lower-index jurisdiction (deterministic).
    ///
    /// Every pair whose shapes intersect with positive area is measured first. When an overlap is more than
    /// `maxShare` (a fraction, e.g. 0.01) of the smaller of the two, nothing is changed and the call throws
    /// naming both, with the overlap in m² and as a share: that is a real conflict, not digitising noise.
    /// Otherwise jurisdiction k becomes k minus the union of the lower-index jurisdictions it overlaps
    /// (original shapes), so a point in several goes to the first. Shapes that overlap nothing are returned
    /// unchanged (bit for bit).
    ///
    /// Gaps between jurisdictions stay gaps: they are outside the boundary and belong to no grid.
    /// The trimmed edge follows the lower-index neighbour's edge up to rounding (not bit for bit), which
    /// the overlap check of `hexagonUnits`/`givenUnits` (1e-9 of the smaller area) accepts.
    /// - Returns: the disjoint shapes, in input order, and every overlap found as (lower index, higher
    ///   index, area in m²), ascending by pair.
    /// - Complexity: one intersection per pair with intersecting envelopes, one difference per overlapped shape.
    public func resolveOverlaps(_ jurisdictions: [MultiPolygon], names: [String], maxShare: Double)
        throws(GeometryError) -> (shapes: [MultiPolygon], overlapArea: [(Int, Int, Double)])
    {
        try OverlapResolution(engine: self).resolve(jurisdictions, names: names, maxShare: maxShare)
    }

    /// Hexagon lattice (`cellSizeMetres` = distance between opposite edges) clipped to each jurisdiction.
    ///
    /// Jurisdictions must not overlap (an overlap throws, naming both). Cells properly inside are kept
    /// whole; boundary cells are intersected, and a cell that falls apart becomes several units. Pieces
    /// smaller than 1e-6 of a cell are merged into the neighbour they share most boundary with (or
    /// another part of their cell), so unit areas sum to the jurisdiction areas.
    /// Units are ordered by jurisdiction, then row, then column, then part.
    /// - Complexity: O(cells in the jurisdictions' boxes) prepared predicates, plus one clip per boundary cell.
    /// `origin` places the lattice (the centre of cell (0, 0), metres): an earlier run's lattice, so that
    /// its cells come back with the same names and shapes; nil: the rounded-down corner of the boxes.
    public func hexagonUnits(
        jurisdictions: [MultiPolygon], cellSizeMetres: Double, origin: (x: Double, y: Double)? = nil, threads: Int = 1
    ) throws(GeometryError) -> (units: UnitSet, lattice: HexLattice) {
        try HexagonUnitBuilder(engine: self).units(
            jurisdictions: jurisdictions, cellSizeMetres: cellSizeMetres, origin: origin, threads: threads)
    }

    /// Grid g = union of the units with `assignment == g`: coverage union, falling back to unary union
    /// when the coverage is not exact (GEOS error, invalid result, or area not conserved).
    /// Returns each grid's shape, area (m²) and perimeter (m), in grid order; an empty grid is empty.
    /// With `threads` > 1 a fresh engine on another thread dissolves the later grids meanwhile (same shapes).
    public func dissolve(units: UnitSet, assignment: [Int32], gridCount: Int, threads: Int = 1) throws(GeometryError) -> [(
        shape: MultiPolygon, area: Double, perimeter: Double
    )] {
        try GridDissolve(engine: self).dissolve(units: units, assignment: assignment, gridCount: gridCount, threads: threads)
    }

    /// For each piece, the index of the shape it shares the largest area with and that area (m²);
    /// (−1, 0) where it overlaps none. Ties go to the lower index (deterministic).
    ///
    /// Shapes that are not valid are made valid first (a hand-drawn map often has self-touching rings);
    /// pieces are used as they are.
    /// - Complexity: one STRtree over the shapes, one intersection per piece and shape with touching envelopes.
    public func largestOverlap(_ pieces: [MultiPolygon], in shapes: [MultiPolygon]) throws(GeometryError) -> [(index: Int32, area: Double)]
    {
        try LargestOverlap(engine: self).largestOverlap(pieces, in: shapes)
    }

    /// For each pair of grids of one jurisdiction, the boundary they share (the intersection of their
    /// boundaries), and the part of it within `distanceMetres` of a barrier line; per grid and in total.
    ///
    /// The shared lines are walked in steps of at most 1 m; a step counts as near when its midpoint is within
    /// the distance of a barrier segment (so the result is exact to about a metre per crossing).
    /// - Complexity: one boundary intersection per pair of grids whose envelopes meet, then O(length / step)
    ///   lookups in a uniform grid over the barrier segments.
    public func barrierShare(grids: [MultiPolygon], jurisdiction: [Int32], lines: [[Double]], distanceMetres: Double)
        throws(GeometryError) -> BarrierTally
    {
        try BarrierShareMeasure(engine: self).barrierShare(
            grids: grids, jurisdiction: jurisdiction, lines: lines, distanceMetres: distanceMetres)
    }

    /// `shapes` (in `source`) transformed to EPSG:4326 lon/lat, rounded to `decimals`, made valid, oriented.
    /// - Complexity: one bulk PROJ call, then O(vertices) plus one GEOS validity test per shape.
    public func outputShapes(_ shapes: [MultiPolygon], from source: String, decimals: Int = 7)
        throws(GeometryError) -> OutputShapes
    {
        try OutputShapeWriter(engine: self).outputShapes(shapes, from: source, decimals: decimals)
    }

    /// The station areas with every hole of their union smaller than `maxFillArea` (m²) added to the
    /// station that shares the longest boundary with it, and the account of all holes. Stations must not
    /// overlap (a hole of the union overlaps none). Order and count of stations are kept.
    /// - Complexity: one union of all stations, then per small hole a boundary intersection with the
    ///   stations whose bounding boxes touch it.
    public func fillGaps(_ stations: [MultiPolygon], maxFillArea: Double) throws(GeometryError)
        -> (stations: [MultiPolygon], gaps: StationGaps)
    {
        try StationGapFiller(engine: self).fillGaps(stations, maxFillArea: maxFillArea)
    }

    // MARK: - Shared by several algorithms

    /// Every pair (a < b) whose envelopes meet and whose intersection has positive area, with that area
    /// (square units of the coordinates), ascending by pair.
    /// - Complexity: one intersection per pair with intersecting envelopes.
    func overlappingPairs(_ geoms: [Geometry]) throws(GeometryError) -> [(a: Int, b: Int, area: Double)] {
        var boxes: [(Double, Double, Double, Double)?] = []
        for g in geoms { boxes.append(try g.isEmpty() ? nil : try g.bounds()) }
        var pairs: [(a: Int, b: Int, area: Double)] = []
        for a in geoms.indices {
            guard let ba = boxes[a] else { continue }
            for b in (a + 1)..<geoms.count {
                guard let bb = boxes[b] else { continue }
                if ba.2 < bb.0 || bb.2 < ba.0 || ba.3 < bb.1 || bb.3 < ba.1 { continue }
                let area = try geoms[a].intersection(geoms[b]).area()
                if area > 0 { pairs.append((a, b, area)) }
            }
        }
        return pairs
    }

    /// The jurisdictions as GEOS geometries; throws when one is not a valid polygon or two overlap.
    func validJurisdictions(_ jurisdictions: [MultiPolygon]) throws(GeometryError) -> [Geometry] {
        var geoms: [Geometry] = []
        for (k, j) in jurisdictions.enumerated() {
            let g = try geometry(j)
            if !(try g.isValid()) {
                throw GeometryError("jurisdiction \(k) is not a valid polygon: \(try g.validReason())")
            }
            geoms.append(g)
        }
        try checkNoOverlap(geoms)
        return geoms
    }

    /// Throws when two jurisdictions overlap by more than numerical noise (1e-9 of the smaller).
    func checkNoOverlap(_ geoms: [Geometry]) throws(GeometryError) {
        var areas: [Double] = []
        for g in geoms { areas.append(try g.area()) }
        for (a, b, overlap) in try overlappingPairs(geoms) where overlap > 1e-9 * min(areas[a], areas[b]) {
            throw GeometryError("jurisdictions \(a) and \(b) overlap (\(overlap) m² in common); they must not overlap")
        }
    }

    /// Coverage union with a unary-union fallback; `expectedArea` is the sum of the parts' areas.
    func unionOfCoverage(_ parts: [Geometry], expectedArea: Double) throws(GeometryError) -> Geometry {
        let coll = try Geometry.collection(parts, in: geos)
        if let fast = try? coll.coverageUnion(), (try? fast.isValid()) == true,
            let a = try? fast.area(), abs(a - expectedArea) <= 1e-9 * max(expectedArea, 1)
        {
            return fast
        }
        geos.sink.lastError = nil
        coverageUnionFallbacks += 1
        return try coll.unaryUnion()
    }

    /// A cached transformer (created once per source/target pair).
    func transformer(from source: String, to target: String) throws(GeometryError) -> CoordinateTransformer {
        let key = source + "\u{0}" + target
        if let t = transformers[key] { return t }
        let t = try CoordinateTransformer(from: source, to: target, in: proj)
        transformers[key] = t
        return t
    }
}
