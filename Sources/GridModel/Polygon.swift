/// A polygon as plain coordinates: `rings[0]` is the exterior ring, the rest are holes.
///
/// Each ring is interleaved `[x0, y0, x1, y1, …]` and closed (the last position repeats the first).
/// The coordinates are in whatever CRS the owner says: longitude/latitude at the input and output
/// edges, projected metres everywhere else.
public struct Polygon: Sendable, Hashable {
    public var rings: [[Double]]

    public init(rings: [[Double]]) {
        self.rings = rings
    }

    /// The exterior ring.
    public var exterior: [Double] { rings.first ?? [] }

    /// The holes.
    public var holes: ArraySlice<[Double]> { rings.dropFirst() }

    /// Number of positions over all rings, closing positions included.
    public var positionCount: Int { rings.reduce(0) { $0 + $1.count / 2 } }
}

/// Several polygons taken as one geometry (possibly a single one).
public struct MultiPolygon: Sendable, Hashable {
    public var polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    public init(_ polygon: Polygon) {
        self.polygons = [polygon]
    }

    public var isEmpty: Bool { polygons.isEmpty }
}
