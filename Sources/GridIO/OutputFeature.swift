import GridModel

/// One feature to write: an integer id, properties in a fixed order and a lon/lat MultiPolygon.
public struct OutputFeature: Sendable {
    /// The feature `id` (GDAL uses it as the FID).
    public var id: Int
    /// Properties in output order; every feature of a file should have the same keys and types.
    public var properties: [(String, JSONValue)]
    /// WGS84 longitude/latitude (degrees); any winding, closed or not.
    public var geometry: MultiPolygon

    public init(id: Int, properties: [(String, JSONValue)], geometry: MultiPolygon) {
        self.id = id
        self.properties = properties
        self.geometry = geometry
    }
}
