extension JSONScanner {
    /// Scans a string at the current `"`: returns the raw content range and whether it holds
    /// escapes. Validates escapes and refuses raw control characters.
    @inline(__always) mutating func scanString() throws(GridIOError) -> (start: Int, end: Int, escaped: Bool) {
        let open = pos
        pos += 1
        let start = pos
        var escaped = false
        while true {
            guard pos < end else { throw error("unterminated string (is the file truncated?)", at: open) }
            let c = base[pos]
            if c == UInt8(ascii: "\"") {
                let e = pos
                pos += 1
                return (start, e, escaped)
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                switch byte(pos + 1) {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    pos += 2
                case UInt8(ascii: "u"):
                    for k in 2..<6 where hexValue(byte(pos + k)) == nil {
                        throw error("invalid \\u escape in string; expected 4 hex digits", at: pos)
                    }
                    pos += 6
                default:
                    throw error("invalid escape in string", at: pos)
                }
            } else if c < 0x20 {
                if c == 0x0A { throw error("line break inside a string (unterminated string?)", at: pos) }
                throw error("control character U+00\(c < 16 ? "0" : "")\(String(c, radix: 16, uppercase: true)) inside a string; it must be escaped", at: pos)
            } else {
                pos += 1
            }
        }
    }

    @inline(__always) func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Decodes the escapes of the raw string content `start..<end` (already validated by
    /// `scanString`) into UTF-8; refuses unpaired surrogates.
    func unescape(_ start: Int, _ end: Int) throws(GridIOError) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(end - start)
        var i = start
        func hex4(_ at: Int) -> UInt32 {
            var v: UInt32 = 0
            for k in 0..<4 { v = v << 4 | (hexValue(base[at + k]) ?? 0) }
            return v
        }
        while i < end {
            let c = base[i]
            guard c == UInt8(ascii: "\\") else {
                out.append(c)
                i += 1
                continue
            }
            let e = base[i + 1]
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(i + 2)
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard i + 12 <= end, base[i + 6] == UInt8(ascii: "\\"), base[i + 7] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate \\u escape in string", at: i)
                    }
                    let low = hex4(i + 8)
                    guard low >= 0xDC00 && low < 0xE000 else { throw error("unpaired surrogate \\u escape in string", at: i) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    throw error("unpaired surrogate \\u escape in string", at: i)
                }
                if let u = Unicode.Scalar(scalar), let enc = UTF8.encode(u) { out.append(contentsOf: enc) }
                i += 6
                continue
            default: out.append(e)
            }
            i += 2
        }
        return out
    }

    /// Reads a string value at the current `"`.
    mutating func readString() throws(GridIOError) -> String {
        let (s, e, escaped) = try scanString()
        if escaped { return String(decoding: try unescape(s, e), as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: base + s, count: e - s), as: UTF8.self)
    }

    /// Reads a member name at the current `"`.
    @inline(__always) mutating func readKey() throws(GridIOError) -> JSONKey {
        let (s, e, escaped) = try scanString()
        return JSONKey(start: s, end: e, decoded: escaped ? try unescape(s, e) : nil)
    }
}
