import GridIO
import GridModel

/// One layer to write through GDAL: a name, attribute columns and WGS84 geometries, one per row.
public struct VectorLayer: Sendable {
    /// The geometries, in longitude/latitude degrees (WGS84), one per row.
    public enum Shapes: Sendable {
        case multiPolygons([MultiPolygon])
        case points(x: [Double], y: [Double])
        /// A table without geometry (a spreadsheet sheet) of this many rows.
        case none(rows: Int)

        var count: Int {
            switch self {
            case .multiPolygons(let m): return m.count
            case .points(let x, _): return x.count
            case .none(let rows): return rows
            }
        }
    }

    public var name: String
    public var fieldNames: [String]
    /// `rows[i][k]` is field k of feature i (`.int`, `.number`, `.string`, `.bool` or `.null`).
    public var rows: [[JSONValue]]
    public var shapes: Shapes

    public init(name: String, fieldNames: [String], rows: [[JSONValue]], shapes: Shapes) {
        precondition(rows.count == shapes.count, "one geometry per row")
        precondition(rows.allSatisfy { $0.count == fieldNames.count }, "one value per field")
        self.name = name
        self.fieldNames = fieldNames
        self.rows = rows
        self.shapes = shapes
    }

    /// The layer of gridplan's GeoJSON output features (`grids`, `units`): the first feature's keys
    /// are the columns.
    public init(name: String, features: [OutputFeature]) {
        let names = features.first?.properties.map(\.0) ?? []
        self.init(
            name: name, fieldNames: names,
            rows: features.map { f in names.map { n in f.properties.first { $0.0 == n }?.1 ?? .null } },
            shapes: .multiPolygons(features.map(\.geometry)))
    }
}
