/// Serialises `JSONValue`s to UTF-8 JSON (RFC 8259), deterministically and without Foundation.
public enum JSONWriter {
    /// The JSON text of `v`. With `pretty`, members and elements go one per line, indented by two
    /// spaces, and the text ends with a line break; otherwise it is compact.
    /// Doubles: at most 10 significant digits, always with a decimal point; must be finite.
    public static func serialize(_ v: JSONValue, pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        append(v, pretty: pretty, indent: 0, to: &out)
        if pretty { out.append(0x0A) }
        return out
    }

    /// Appends `v` to `out`.
    static func append(_ v: JSONValue, pretty: Bool, indent: Int, to out: inout [UInt8]) {
        switch v {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .int(let i): NumberFormat.appendInt(i, to: &out)
        case .number(let d): NumberFormat.appendSignificant(d, to: &out)
        case .string(let s): appendString(s, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, &out) }
                append(item, pretty: pretty, indent: indent + 1, to: &out)
            }
            if pretty && !items.isEmpty { newline(indent, &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (k, member) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1, &out) }
                appendString(member.0, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(0x20) }
                append(member.1, pretty: pretty, indent: indent + 1, to: &out)
            }
            if pretty && !members.isEmpty { newline(indent, &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, _ out: inout [UInt8]) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    /// Appends `s` as a JSON string: `"` and `\` escaped, control characters as \n, \t, … or
    /// \u00XX; everything else (CJK included) as UTF-8.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings (ids, names) need no escape: copied in one go.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        let hex = Array("0123456789abcdef".utf8)
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(c >> 4)], hex[Int(c & 15)]])
            default: out.append(c)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
