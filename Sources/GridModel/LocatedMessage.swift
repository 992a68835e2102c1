/// A message about a place in an input file. Errors (`GridIOError`) and warnings (`Diagnostic`) name
/// the place the same way, so the CLI prints both as `FILE: message (location)`.
public protocol LocatedMessage {
    /// The file concerned, as the user named it ("" when none).
    var file: String { get }
    /// What is wrong or was done, in the user's terms.
    var message: String { get }
    /// Where in the file: "line 3, column 17", "feature 12", or "" for the whole file.
    var location: String { get }
}

extension LocatedMessage {
    /// `FILE: message (location)`; the file part is left out when the file is "", the location part when
    /// the location is "".
    public var description: String {
        var s = file.isEmpty ? message : "\(file): \(message)"
        if !location.isEmpty { s += " (\(location))" }
        return s
    }
}
