/// A geometry as read from GeoJSON: the types gridplan accepts.
public enum FeatureGeometry: Sendable, Hashable {
    case point(x: Double, y: Double)
    /// Interleaved `[x0, y0, x1, y1, …]`.
    case multiPoint([Double])
    case polygon(Polygon)
    case multiPolygon(MultiPolygon)
    /// Lines (barrier files only): each interleaved `[x0, y0, x1, y1, …]` with at least 2 positions.
    /// A LineString is one line.
    case multiLineString([[Double]])

    /// The polygonal content as a MultiPolygon, or nil for points and lines.
    public var multiPolygon: MultiPolygon? {
        switch self {
        case .polygon(let p): return MultiPolygon(p)
        case .multiPolygon(let m): return m
        case .point, .multiPoint, .multiLineString: return nil
        }
    }

    /// The lines of a LineString/MultiLineString, or nil for other geometries.
    public var lines: [[Double]]? {
        if case .multiLineString(let l) = self { return l }
        return nil
    }
}

/// One feature of an input file: its 0-based position, the id member, geometry and properties.
public struct Feature: Sendable, Hashable {
    /// 0-based index of the feature in its file (a bare geometry or a single Feature is index 0).
    public var index: Int
    /// 1-based line of the file where the feature starts, for messages.
    public var line: Int
    public var id: PropertyValue?
    public var geometry: FeatureGeometry?
    public var properties: [Property]

    public init(index: Int, line: Int, id: PropertyValue?, geometry: FeatureGeometry?, properties: [Property]) {
        self.index = index
        self.line = line
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }

    /// The value of the first property with this name, if any.
    public subscript(property name: String) -> PropertyValue? {
        properties.first { $0.name == name }?.value
    }
}
