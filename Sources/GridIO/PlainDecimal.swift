/// Strict parsing of a number typed by a person (CSV cells, numeric strings in GeoJSON).
enum PlainDecimal {
    /// The value of `bytes` (spaces around it allowed) when it is a plain finite decimal:
    /// optional sign, digits with an optional '.', optional exponent. Refuses "nan", "inf",
    /// hex floats ("0x1p3"), thousands separators, overflow (1e400) and empty text.
    static func parse(_ bytes: [UInt8]) -> Double? {
        bytes.withUnsafeBufferPointer { buf -> Double? in
            guard let p = buf.baseAddress else { return nil }
            return parse(p, from: 0, to: buf.count)
        }
    }

    /// As `parse(_:)`, on the bytes `from..<to` of `p`.
    static func parse(_ p: UnsafePointer<UInt8>, from: Int, to: Int) -> Double? {
        var a = from, b = to
        while a < b, p[a] == 0x20 || p[a] == 0x09 { a += 1 }
        while b > a, p[b - 1] == 0x20 || p[b - 1] == 0x09 { b -= 1 }
        guard a < b else { return nil }
        var scan = DecimalParser.Scan()
        let stop = DecimalParser.scan(p, from: a, end: b, json: false, into: &scan)
        guard scan.failure == .none, stop == b else { return nil }
        return DecimalParser.value(of: scan, base: p, from: a, to: b)
    }
}
