/// Writes CSV (RFC 4180 quoting, LF line ends, UTF-8 without BOM), e.g. `points.csv`.
public enum CSVWriter {
    /// The CSV text: the header line, then one line per row. A field is quoted when it holds a
    /// comma, a quote, a line break or leading/trailing spaces; quotes inside are doubled.
    public static func write(header: [String], rows: [[String]]) -> [UInt8] {
        var out: [UInt8] = []
        appendRow(header, to: &out)
        for row in rows { appendRow(row, to: &out) }
        return out
    }

    /// Appends one line.
    public static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (k, field) in fields.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            appendField(field, to: &out)
        }
        out.append(0x0A)
    }

    static func appendField(_ field: String, to out: inout [UInt8]) {
        let u = field.utf8
        let needsQuotes =
            u.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";") }
            || u.first == 0x20 || u.last == 0x20
        guard needsQuotes else {
            out.append(contentsOf: u)
            return
        }
        out.append(UInt8(ascii: "\""))
        for c in u {
            if c == UInt8(ascii: "\"") { out.append(c) }
            out.append(c)
        }
        out.append(UInt8(ascii: "\""))
    }
}
