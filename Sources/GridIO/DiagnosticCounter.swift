import GridModel

/// Collects repeated repairs and exclusions as one `Diagnostic` per code, with a count and the
/// location of the first occurrence (so a million skipped points make one warning, not a million).
struct DiagnosticCounter {
    private var codes: [WarningCode] = []
    private var counts: [Int] = []
    private var locations: [String] = []
    private var texts: [String] = []

    /// Counts one occurrence of `code`; `location` and `text` are kept from the first one.
    /// `text` describes the occurrences after the count, e.g. "feature(s) without geometry skipped".
    mutating func add(_ code: WarningCode, location: @autoclosure () -> String, text: @autoclosure () -> String) {
        if let k = codes.firstIndex(of: code) {
            counts[k] += 1
            return
        }
        codes.append(code)
        counts.append(1)
        locations.append(location())
        texts.append(text())
    }

    /// The diagnostics in first-seen order, each message starting with its count.
    func diagnostics(file: String) -> [Diagnostic] {
        codes.indices.map { k in
            Diagnostic(
                code: codes[k], file: file, location: "first: \(locations[k])",
                message: "\(counts[k]) \(texts[k])", count: counts[k])
        }
    }
}
