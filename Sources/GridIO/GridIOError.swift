import GridModel

/// An input or output problem that stops the run, naming the file and where in it.
///
/// The CLI prints `gridplan: error: ` followed by `description` and maps `kind` to a sysexits code:
/// `badData` → 65, `missing` → 66, `unwritable` → 73.
public struct GridIOError: Error, Sendable, Equatable, CustomStringConvertible, LocatedMessage {
    /// What class of failure this is; decides the exit status.
    public enum Kind: Sendable, Equatable {
        /// The file exists but its content is wrong (exit 65).
        case badData
        /// The input file is missing or cannot be read (exit 66).
        case missing
        /// The output cannot be written (exit 73).
        case unwritable
    }

    /// The file concerned, as the user named it.
    public var file: String
    /// What is wrong, in the user's terms.
    public var message: String
    /// Where: "line 3, column 17", "feature 12, line 40", or "" for the whole file.
    public var location: String
    public var kind: Kind

    public init(file: String, message: String, location: String = "", kind: Kind) {
        self.file = file
        self.message = message
        self.location = location
        self.kind = kind
    }
}
