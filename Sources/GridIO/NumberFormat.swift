/// Locale-independent, deterministic number text for JSON and CSV output.
enum NumberFormat {
    private static let powers: [Double] = (0...15).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }
    private static let intPowers: [Int64] = (0...15).map { e in
        var v: Int64 = 1
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// Appends the decimal digits of `v`.
    static func appendInt(_ v: Int, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(v.magnitude, to: &out)
    }

    private static func appendDigits(_ u: UInt, to out: inout [UInt8]) {
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        var u = u
        withUnsafeMutableBytes(of: &tmp) { buf in
            repeat {
                buf[19 - n] = UInt8(ascii: "0") + UInt8(u % 10)
                u /= 10
                n += 1
            } while u > 0
            out.append(contentsOf: buf[(20 - n)...])
        }
    }

    /// Appends `v` rounded to at most `decimals` decimals (0...15) in its shortest form: no
    /// trailing zeros, no exponent, no "-0". With `forceFraction`, an integral value gets ".0".
    /// - Precondition: `v` is finite.
    static func appendFixed(_ v: Double, decimals: Int, forceFraction: Bool = false, to out: inout [UInt8]) {
        precondition(v.isFinite, "only finite numbers are written")
        var d = max(0, min(decimals, 15))
        while d > 0 && abs(v) * powers[d] >= 9e18 { d -= 1 }
        let scaled = (v * powers[d]).rounded(.toNearestOrEven)
        guard abs(scaled) < 9e18 else {
            // Beyond Int64: only absurd magnitudes reach here; the shortest round-trip text is fine JSON.
            out.append(contentsOf: Array(v.description.utf8))
            return
        }
        let r = Int64(scaled)
        if r < 0 { out.append(UInt8(ascii: "-")) }
        let m = r.magnitude
        let scale = UInt64(intPowers[d])
        appendDigits(UInt(m / scale), to: &out)
        var frac = m % scale
        if frac != 0 {
            out.append(UInt8(ascii: "."))
            var width = d
            while frac % 10 == 0 {
                frac /= 10
                width -= 1
            }
            // Zeros first, then the digits written from the right in place (no array per number).
            let start = out.count
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
            var k = start + width - 1
            while frac > 0 {
                out[k] = UInt8(ascii: "0") + UInt8(frac % 10)
                frac /= 10
                k -= 1
            }
        } else if forceFraction {
            out.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "0")])
        }
    }

    /// Appends a property value: at most 10 significant digits (at most 15 decimals), always with
    /// a decimal point so a field's JSON type never flips between integer and real.
    static func appendSignificant(_ v: Double, to out: inout [UInt8]) {
        let a = abs(v)
        var decimals = 15
        if a >= 1 {
            var intDigits = 1
            var t = 10.0
            while t <= a && intDigits < 17 {
                t *= 10
                intDigits += 1
            }
            decimals = max(0, 10 - intDigits)
        } else if a > 0 {
            var zeros = 0
            var t = a * 10
            while t < 1 && zeros < 15 {
                t *= 10
                zeros += 1
            }
            decimals = min(15, 10 + zeros)
        }
        appendFixed(v, decimals: decimals, forceFraction: true, to: &out)
    }
}
