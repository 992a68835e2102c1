/// Something gridplan repaired, excluded or wants the user to know, with a stable code.
///
/// Diagnostics are warnings, never errors: the run goes on. They are counted in `report.json`
/// (`input.warnings`) and printed by the CLI as `gridplan: warning: …`.
public struct Diagnostic: Sendable, Hashable, LocatedMessage {
    /// Stable machine-readable code, e.g. `POINT_OUTSIDE_BOUNDARY`.
    public var code: WarningCode
    /// The input file concerned ("" when none).
    public var file: String
    /// Where in the file: "feature 12", "line 3", or "" for the whole file.
    public var location: String
    public var message: String
    /// How many occurrences this diagnostic stands for.
    public var count: Int

    public init(code: WarningCode, file: String, location: String = "", message: String, count: Int = 1) {
        self.code = code
        self.file = file
        self.location = location
        self.message = message
        self.count = count
    }
}
