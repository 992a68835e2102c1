import GridModel

/// Seeded random mutations of reader inputs: byte flips, truncation, duplication, deep nesting,
/// huge numbers, JSON tokens and random (valid and invalid) UTF-8.
struct Mutator {
    /// The shared seeded generator: a seed reproduces a run on every platform.
    typealias Random = SeededRandom

    static let tokens: [String] = [
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "1e-400", "1.7976931348623157e308", "-0", "0x1p3",
        "123456789012345678901234567890", "00", "1.", ".5", "1e", "\"", "\\", "\\u0000", "\\ud800", "\\udc00x",
        "null", "true", "{}", "[]", "[", "]", "{", "}", ",", ":", "\"type\"", "\"coordinates\"", "\"features\"",
        "\"Polygon\"", "\"MultiPolygon\"", "\"Point\"", "\"MultiPoint\"", "\"GeometryCollection\"", "\"Feature\"",
        "\"FeatureCollection\"", "\"crs\"", "\"properties\"", "\"geometry\"", "\"id\"", "\"w\"", "\r\n", "\n", "\t",
        "\u{FEFF}", ";", "\"\"", ",,", "经度,纬度", "lon,lat", "\u{0}", "[[[[0,0],[1,0],[1,1],[0,0]]]]",
    ]

    var random: Random

    init(seed: UInt64) { random = Random(seed: seed) }

    /// One to four stacked mutations of `input`, capped at `maxBytes`.
    mutating func mutate(_ input: [UInt8], maxBytes: Int) -> [UInt8] {
        var b = input
        for _ in 0...random.below(4) { b = once(b) }
        if b.count > maxBytes { b.removeLast(b.count - maxBytes) }
        return b
    }

    private mutating func position(_ b: [UInt8]) -> Int { random.below(b.count + 1) }

    private mutating func once(_ input: [UInt8]) -> [UInt8] {
        var b = input
        switch random.below(11) {
        case 0 where !b.isEmpty:  // flip bits
            let i = random.below(b.count)
            b[i] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
        case 1 where !b.isEmpty:  // random byte
            b[random.below(b.count)] = UInt8(truncatingIfNeeded: random.next())
        case 2:  // truncate
            b.removeLast(b.count - position(b))
        case 3 where !b.isEmpty:  // delete a range
            let i = random.below(b.count), n = min(b.count - i, 1 + random.below(64))
            b.removeSubrange(i..<(i + n))
        case 4 where !b.isEmpty:  // duplicate a range
            let i = random.below(b.count), n = min(b.count - i, 1 + random.below(512))
            b.insert(contentsOf: b[i..<(i + n)], at: position(b))
        case 5:  // deep nesting
            let depth = [10, 63, 64, 65, 200, 5000, 100_000][random.below(7)]
            let open: UInt8 = random.below(2) == 0 ? UInt8(ascii: "[") : UInt8(ascii: "{")
            b.insert(contentsOf: repeatElement(open, count: depth), at: position(b))
        case 6:  // JSON/CSV tokens
            let t = Self.tokens[random.below(Self.tokens.count)]
            b.insert(contentsOf: Array(t.utf8), at: position(b))
        case 7:  // replace a number with a huge or odd one
            if let i = b.indices.filter({ b[$0] >= 0x30 && b[$0] <= 0x39 }).randomElement(using: &random) {
                let t = ["1e400", "-1e309", "99999999999999999999999999", "1e-330", "NaN", "1.5e+3", "-0.0e-0"][random.below(7)]
                b.replaceSubrange(i...i, with: Array(t.utf8))
            }
        case 8:  // random UTF-8: valid multi-byte scalars or invalid bytes
            var s: [UInt8] = []
            for _ in 0..<(1 + random.below(8)) {
                if random.below(3) == 0 {
                    s.append([0x80, 0xC0, 0xC1, 0xED, 0xF5, 0xFF, 0xE0, 0xF0][random.below(8)])
                } else if let u = Unicode.Scalar(UInt32(truncatingIfNeeded: random.next() % 0x11_0000)) {
                    s.append(contentsOf: Array(String(Character(u)).utf8))
                }
            }
            b.insert(contentsOf: s, at: position(b))
        case 9:  // splice in a copy of the whole input (size growth)
            b.insert(contentsOf: input, at: position(b))
        default:  // swap two bytes
            if b.count > 1 { b.swapAt(random.below(b.count), random.below(b.count)) }
        }
        return b
    }
}
