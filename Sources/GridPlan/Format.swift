/// Locale-free number formatting for reports and messages.
enum Format {
    /// `v` with exactly `decimals` places (rounded half away from zero), no exponent.
    static func fixed(_ v: Double, _ decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e18 else { return String(v) }
        let n = UInt64(scaled)
        let whole = n / UInt64(scale)
        var text = String(whole)
        if decimals > 0 {
            var frac = String(n % UInt64(scale))
            while frac.count < decimals { frac = "0" + frac }
            text += "." + frac
        }
        return (v < 0 && n != 0 ? "-" : "") + text
    }

    /// An area in m² as km² with 3 decimals.
    static func km2(_ m2: Double) -> String {
        fixed(m2 / 1e6, 3)
    }

    /// An area for a message: "6.8 m²" below a hectare, "0.052 km²" above.
    static func area(_ m2: Double) -> String {
        m2 < 10_000 ? fixed(m2, 1) + " m²" : fixed(m2 / 1e6, 3) + " km²"
    }

    /// A percentage with one decimal: 0.0123 → "1.2%".
    static func percent(_ fraction: Double) -> String {
        fixed(fraction * 100, 1) + "%"
    }

    /// `v` rounded to `decimals` places, as a Double for JSON.
    static func rounded(_ v: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (v * scale).rounded() / scale
    }
}
