/// Splits CSV bytes into records of field ranges (RFC 4180: quoted fields with "" escapes and
/// line breaks inside quotes; LF or CRLF line ends). The buffer must outlive the reader.
struct CSVRecordReader {
    /// One field: the bytes inside its quotes (if quoted), with "" escapes still doubled.
    struct Field {
        var start: Int
        var end: Int
        var hasEscapes: Bool
    }

    let base: UnsafePointer<UInt8>
    let end: Int
    let delimiter: UInt8
    let file: String
    var pos: Int
    var line = 1
    /// 1-based line where the last record returned starts.
    var recordLine = 1

    /// Picks ';' when the first line (outside quotes) has more semicolons than commas, else ','.
    static func detectDelimiter(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        var i = from
        while i < end {
            let c = base[i]
            if c == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted {
                if c == 0x0A { break }
                if c == UInt8(ascii: ",") { commas += 1 }
                if c == UInt8(ascii: ";") { semicolons += 1 }
            }
            i += 1
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Reads the next non-blank record into `fields`; false at the end of the file.
    mutating func next(into fields: inout [Field]) throws(GridIOError) -> Bool {
        while pos < end {
            fields.removeAll(keepingCapacity: true)
            recordLine = line
            try readRecord(into: &fields)
            let blank = fields.count == 1 && fields[0].start == fields[0].end
            if !blank { return true }
        }
        return false
    }

    private mutating func readRecord(into fields: inout [Field]) throws(GridIOError) {
        while true {
            var field: Field
            if pos < end && base[pos] == UInt8(ascii: "\"") {
                pos += 1
                field = Field(start: pos, end: pos, hasEscapes: false)
                while true {
                    guard pos < end else {
                        throw GridIOError(file: file, message: "unterminated quoted field", location: "line \(recordLine)", kind: .badData)
                    }
                    let c = base[pos]
                    if c == UInt8(ascii: "\"") {
                        if pos + 1 < end && base[pos + 1] == UInt8(ascii: "\"") {
                            field.hasEscapes = true
                            pos += 2
                            continue
                        }
                        field.end = pos
                        pos += 1
                        break
                    }
                    if c == 0x0A { line += 1 }
                    pos += 1
                }
                let c = pos < end ? base[pos] : 0x0A
                if c != delimiter && c != 0x0A && c != 0x0D {
                    throw GridIOError(
                        file: file, message: "unexpected text after a closing quote (field \(fields.count + 1))",
                        location: "line \(line)", kind: .badData)
                }
            } else {
                let start = pos
                while pos < end {
                    let c = base[pos]
                    if c == delimiter || c == 0x0A || (c == 0x0D && (pos + 1 >= end || base[pos + 1] == 0x0A)) { break }
                    pos += 1
                }
                field = Field(start: start, end: pos, hasEscapes: false)
            }
            fields.append(field)
            guard pos < end else { return }
            let c = base[pos]
            if c == delimiter {
                pos += 1
                continue
            }
            if c == 0x0D { pos += 1 }
            if pos < end && base[pos] == 0x0A {
                pos += 1
                line += 1
            }
            return
        }
    }

    /// The text of a field, quotes undoubled.
    func text(_ f: Field) -> String {
        let raw = UnsafeBufferPointer(start: base + f.start, count: f.end - f.start)
        guard f.hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            out.append(raw[i])
            i += raw[i] == UInt8(ascii: "\"") ? 2 : 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
