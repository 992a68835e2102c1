import GridGeometry
import GridIO
import GridModel

/// What stops a run. Each case carries what the message needs; the CLI chooses the exit status.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Bad options or plan.
    case usage(String)
    /// Bad input content, or a plan that cannot meet its constraints: `FILE: problem (where)`.
    case data(String)
    /// A reader or the output folder refused a file (the reader's kind says which).
    case input(GridIOError)
    /// A geometry failure while handling `file`; GEOS/PROJ's own text is kept.
    case geometry(GeometryError, file: String)
    /// A bug or a library failure.
    case internalFailure(String)

    /// `FILE: what is wrong (where)` or a plain sentence when no file is concerned.
    public var message: String {
        switch self {
        case .usage(let m), .data(let m), .internalFailure(let m): return m
        case .input(let e): return e.description
        case .geometry(let e, let file): return file.isEmpty ? e.message : "\(file): \(e.message)"
        }
    }

    public var description: String { message }

    /// No feature of `file` has the property an option names; says which properties the first
    /// feature has, so the user can pick the right one.
    static func missingProperty(_ field: String, option: String, file: String, features: [Feature]) -> PipelineError {
        let names = features.first?.properties.map(\.name).joined(separator: ", ") ?? ""
        return .data("\(file): no feature has the property \(field) (\(option)); feature 0 has: \(names.isEmpty ? "no properties" : names)")
    }

    /// Throws `missingProperty` when no feature with a geometry has `field` (features without one are
    /// skipped everywhere): a misspelt name, told with the properties there are, instead of a per-feature error.
    static func requireProperty(_ field: String, option: String, file: String, features: [Feature]) throws(PipelineError) {
        guard !features.contains(where: { $0.geometry != nil && $0[property: field] != nil }) else { return }
        throw missingProperty(field, option: option, file: file, features: features)
    }
}
