/// A byte-level JSON tokenizer over a UTF-8 buffer that was validated up front.
///
/// It tracks line and line start as it skips whitespace (the only place a raw line break may
/// appear in JSON), so every error can name its line and column without a second pass.
/// Nesting is limited to `maxDepth` levels. The buffer must outlive the scanner.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    let file: String
    var pos: Int
    var line = 1
    var lineStart = 0
    var depth = 0
    let maxDepth: Int
    /// Set while inside a feature, so error locations start with "feature N".
    var featureIndex: Int?

    /// A saved position, to look ahead and come back.
    struct Mark {
        var pos: Int, line: Int, lineStart: Int, depth: Int
    }

    /// A scanner over `count` bytes at `base`, starting at byte `start` (after a BOM).
    init(base: UnsafePointer<UInt8>, count: Int, start: Int, file: String, maxDepth: Int = 64) {
        self.base = base
        self.end = count
        self.pos = start
        self.file = file
        self.maxDepth = maxDepth
    }

    var mark: Mark { Mark(pos: pos, line: line, lineStart: lineStart, depth: depth) }

    mutating func reset(to m: Mark) {
        pos = m.pos
        line = m.line
        lineStart = m.lineStart
        depth = m.depth
    }

    /// The byte at `i`, or 0 past the end.
    @inline(__always) func byte(_ i: Int) -> UInt8 { i < end ? base[i] : 0 }

    /// The byte at the current position, or 0 at the end.
    @inline(__always) var current: UInt8 { pos < end ? base[pos] : 0 }

    var atEnd: Bool { pos >= end }

    /// Skips JSON whitespace, counting lines.
    @inline(__always) mutating func skipWhitespace() {
        while pos < end {
            let c = base[pos]
            if c == 0x20 || c == 0x09 || c == 0x0D {
                pos += 1
            } else if c == 0x0A {
                pos += 1
                line += 1
                lineStart = pos
            } else {
                return
            }
        }
    }

    /// "feature 3, line 4, column 17" for byte `at` (which must lie on the current line).
    func location(at p: Int) -> String {
        let buf = UnsafeBufferPointer(start: base, count: end)
        let col = UTF8Validation.column(buf, lineStart: lineStart, offset: p)
        let lc = "line \(line), column \(col)"
        if let f = featureIndex { return "feature \(f), \(lc)" }
        return lc
    }

    /// A `badData` error at byte `at` (default: the current position).
    func error(_ message: String, at p: Int? = nil) -> GridIOError {
        GridIOError(file: file, message: message, location: location(at: p ?? pos), kind: .badData)
    }

    /// Describes what sits at the current position, for "expected X, found Y" messages.
    var foundText: String {
        guard pos < end else { return "the end of the file (is it truncated?)" }
        switch base[pos] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "N"): return "NaN, which is not valid JSON"
        case UInt8(ascii: "I"): return "Infinity, which is not valid JSON"
        default:
            let c = base[pos]
            if c >= 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
            return "byte 0x\(String(c, radix: 16, uppercase: true))"
        }
    }

    /// Consumes `c` after whitespace or throws "expected `what`".
    @inline(__always) mutating func expect(_ c: UInt8, _ what: String) throws(GridIOError) {
        skipWhitespace()
        guard pos < end, base[pos] == c else { throw error("expected \(what), found \(foundText)") }
        pos += 1
    }

    /// Consumes the literal `lit` (true, false, null) or throws.
    mutating func expectLiteral(_ lit: StaticString) throws(GridIOError) {
        let n = lit.utf8CodeUnitCount
        let p = lit.utf8Start
        for k in 0..<n where byte(pos + k) != p[k] {
            throw error("invalid literal; expected \(lit)")
        }
        pos += n
    }

    // MARK: - Containers

    /// Consumes `{` (after whitespace) and enters one nesting level.
    mutating func beginObject(_ what: String = "an object") throws(GridIOError) {
        try begin(UInt8(ascii: "{"), what)
    }

    /// Consumes `[` (after whitespace) and enters one nesting level.
    mutating func beginArray(_ what: String = "an array") throws(GridIOError) {
        try begin(UInt8(ascii: "["), what)
    }

    /// Consumes the opening bracket `open` (after whitespace) or throws "expected `what`".
    @inline(__always) private mutating func begin(_ open: UInt8, _ what: String) throws(GridIOError) {
        skipWhitespace()
        guard current == open else { throw error("expected \(what), found \(foundText)") }
        try enter()
        pos += 1
    }

    @inline(__always) mutating func enter() throws(GridIOError) {
        depth += 1
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
    }

    /// Moves to the next member of the object being read: returns its key (after the `:`), or
    /// nil after consuming the closing `}`. `first` must start true for each object.
    mutating func nextMember(_ first: inout Bool) throws(GridIOError) -> JSONKey? {
        guard try nextItem(&first, close: UInt8(ascii: "}"), in: "object") else { return nil }
        guard current == UInt8(ascii: "\"") else { throw error("expected a member name in quotes, found \(foundText)") }
        let key = try readKey()
        try expect(UInt8(ascii: ":"), "':' after member name")
        skipWhitespace()
        return key
    }

    /// Moves to the next element of the array being read: true when there is one (positioned at
    /// it), false after consuming the closing `]`. `first` must start true for each array.
    @inline(__always) mutating func nextElement(_ first: inout Bool) throws(GridIOError) -> Bool {
        try nextItem(&first, close: UInt8(ascii: "]"), in: "array")
    }

    /// Moves past the `,` before the next item of an object or array (none before the first): true at
    /// the item, false after consuming the closing bracket `close` (leaving the nesting level).
    /// `container` ("object", "array") names it in messages.
    @inline(__always) private mutating func nextItem(_ first: inout Bool, close: UInt8, in container: String)
        throws(GridIOError) -> Bool
    {
        skipWhitespace()
        if current == close {
            pos += 1
            depth -= 1
            return false
        }
        if first {
            first = false
        } else {
            let bracket = Character(Unicode.Scalar(close))
            guard current == UInt8(ascii: ",") else { throw error("expected ',' or '\(bracket)' in \(container), found \(foundText)") }
            pos += 1
            skipWhitespace()
            if current == close { throw error("trailing comma before '\(bracket)'") }
        }
        return true
    }

    /// Skips any JSON value, validating it fully (finite numbers, escapes, duplicate keys, depth).
    mutating func skipValue() throws(GridIOError) {
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"):
            try beginObject()
            var first = true
            var keys = KeyTracker()
            while let k = try nextMember(&first) {
                try keys.insert(k, scanner: self)
                try skipValue()
            }
        case UInt8(ascii: "["):
            try beginArray()
            var first = true
            while try nextElement(&first) { try skipValue() }
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try readNumber()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        default:
            throw error("expected a JSON value, found \(foundText)")
        }
    }
}
