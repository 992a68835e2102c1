/// Up-front UTF-8 check of an input buffer, so later stages can decode without re-checking.
enum UTF8Validation {
    /// Length of a UTF-8 byte order mark at the start of `bytes` (3 or 0).
    static func bomLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return 3 }
        return 0
    }

    /// The offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and
    /// code points above U+10FFFF are refused), or nil when the whole buffer is valid.
    /// - Complexity: O(n); ASCII runs are checked eight bytes at a time.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let n = b.count
        guard let base = b.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i < n {
            // Fast path: eight ASCII bytes at once.
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { return nil }
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let c1 = b[i + 1]
            if c1 < lo || c1 > hi { return i }
            if need >= 2, b[i + 2] & 0xC0 != 0x80 { return i }
            if need == 3, b[i + 3] & 0xC0 != 0x80 { return i }
            i += need + 1
        }
        return nil
    }

    /// 1-based line and column (counted in characters) of byte `offset`.
    static func lineColumn(_ b: UnsafeBufferPointer<UInt8>, offset: Int) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        var i = 0
        while i < offset && i < b.count {
            if b[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        return (line, column(b, lineStart: lineStart, offset: offset))
    }

    /// 1-based column of `offset` on the line starting at `lineStart`, counting characters, not bytes.
    static func column(_ b: UnsafeBufferPointer<UInt8>, lineStart: Int, offset: Int) -> Int {
        var col = 1
        var i = lineStart
        while i < offset && i < b.count {
            if b[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return col
    }

    /// Throws a `badData` error when `b` (after `start`) is not UTF-8, naming the line, column and byte.
    static func check(_ b: UnsafeBufferPointer<UInt8>, from start: Int, file: String) throws(GridIOError) {
        guard let bad = firstInvalidOffset(b, from: start) else { return }
        let (line, col) = lineColumn(b, offset: bad)
        let hex = String(b[bad], radix: 16, uppercase: true)
        throw GridIOError(
            file: file,
            message: "not valid UTF-8 (byte 0x\(hex)); save the file as UTF-8 (GBK and other legacy encodings are not read)",
            location: "line \(line), column \(col)", kind: .badData)
    }
}
