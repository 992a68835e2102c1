import GridGeometry
import GridIO
import GridOptimizer

/// What stops a run, with the exit status the CLI gives it (BSD sysexits).
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad options or plan (64).
        case usage
        /// Bad input content, or a plan that cannot meet its constraints (65).
        case data
        /// Input missing or unreadable (66).
        case missing
        /// Output cannot be written (73).
        case unwritable
        /// A bug or a library failure (70).
        case internalError
    }

    public var kind: Kind
    /// `FILE: what is wrong (where)` or a plain sentence when no file is concerned.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The sysexits status for this error.
    public var exitCode: Int32 {
        switch kind {
        case .usage: return 64
        case .data: return 65
        case .missing: return 66
        case .unwritable: return 73
        case .internalError: return 70
        }
    }

    init(_ error: GridIOError) {
        switch error.kind {
        case .badData: kind = .data
        case .missing: kind = .missing
        case .unwritable: kind = .unwritable
        }
        message = error.description
    }

    /// A geometry failure while handling `file`; GEOS/PROJ's own text is kept.
    init(geometry error: GeometryError, file: String) {
        kind = .data
        message = file.isEmpty ? error.message : "\(file): \(error.message)"
    }
}
