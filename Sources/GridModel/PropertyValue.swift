/// A GeoJSON property value as read from a file.
///
/// Nested objects and arrays are kept as their JSON text (`json`): gridplan never needs their
/// inside, only to carry or report them.
public enum PropertyValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case json(String)

    /// The value as text the way a planner would read it (numbers without a trailing `.0`).
    public var text: String? {
        switch self {
        case .null: return nil
        case .bool(let b): return b ? "true" : "false"
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .string(let s): return s
        case .json(let s): return s
        }
    }
}

/// One named property of a feature, in file order.
public struct Property: Sendable, Hashable {
    public var name: String
    public var value: PropertyValue

    public init(name: String, value: PropertyValue) {
        self.name = name
        self.value = value
    }
}
