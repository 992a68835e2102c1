internal import CGEOS
internal import CPROJ
import GridModel

/// The geometry workhorse: owns one GEOS context and one PROJ context.
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
}
