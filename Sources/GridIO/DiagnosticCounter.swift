import GridModel

/// Collects repeated repairs and exclusions as one `Diagnostic` per code, with a count and the
/// locations of the first occurrences (so a million skipped points make one warning, not a million).
public struct DiagnosticCounter: Sendable {
    private var codes: [WarningCode] = []
    private var counts: [Int] = []
    private var locations: [[String]] = []
    private var keep: [Int] = []
    private var texts: [String] = []

    public init() {}

    /// Counts one occurrence of `code`; `text` is kept from the first one, `location` from the first
    /// `keep` ones. `text` describes the occurrences after the count, e.g. "feature(s) without geometry skipped".
    public mutating func add(_ code: WarningCode, location: @autoclosure () -> String, text: @autoclosure () -> String, keep n: Int = 1) {
        if let k = codes.firstIndex(of: code) {
            counts[k] += 1
            if locations[k].count < keep[k] { locations[k].append(location()) }
            return
        }
        codes.append(code)
        counts.append(1)
        locations.append([location()])
        keep.append(max(1, n))
        texts.append(text())
    }

    /// Adds the occurrences `later` counted (in a part of the input after this one's): counts add up,
    /// locations fill up to the kept number, codes new to this counter follow in `later`'s order.
    /// The result equals counting all occurrences in one counter, in input order.
    public mutating func merge(_ later: DiagnosticCounter) {
        for j in later.codes.indices {
            guard let k = codes.firstIndex(of: later.codes[j]) else {
                codes.append(later.codes[j])
                counts.append(later.counts[j])
                locations.append(later.locations[j])
                keep.append(later.keep[j])
                texts.append(later.texts[j])
                continue
            }
            counts[k] += later.counts[j]
            locations[k] += later.locations[j].prefix(max(0, keep[k] - locations[k].count))
        }
    }

    /// True when nothing was counted.
    public var isEmpty: Bool { codes.isEmpty }

    /// The diagnostics in first-seen order, each message starting with its count; the location lists
    /// the first occurrences kept, separated by "; ".
    public func diagnostics(file: String) -> [Diagnostic] {
        codes.indices.map { k in
            Diagnostic(
                code: codes[k], file: file, location: "first: " + locations[k].joined(separator: "; "),
                message: "\(counts[k]) \(texts[k])", count: counts[k])
        }
    }
}
