import GridModel

/// The sample county's generator: the shared seeded one, plus a normal draw.
typealias SampleRandom = SeededRandom

extension SeededRandom {
    /// Standard normal (Box-Muller); both draws are taken so the stream is fixed.
    mutating func normal() -> Double {
        let u1 = max(unit(), 1e-300), u2 = unit()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }
}

// The stdlib has no elementary functions; these are exact enough for a synthetic county and
// identical on every platform because they only use +, −, ×, ÷.
func _log(_ x: Double) -> Double {
    precondition(x > 0)
    // x = m · 2^e with m in [1, 2): log x = e·ln2 + 2·atanh((m−1)/(m+1)).
    let e = x.exponent
    let m = x.significand
    let t = (m - 1) / (m + 1), t2 = t * t
    var term = t, sum = 0.0, k = 1.0
    for _ in 0..<40 {
        sum += term / k
        term *= t2
        k += 2
    }
    return Double(e) * 0.693_147_180_559_945_3 + 2 * sum
}

func _sin(_ x: Double) -> Double {
    // Reduce to [−π, π], then a Taylor series (enough terms for double precision there).
    let twoPi = 2 * Double.pi
    var r = x - (x / twoPi).rounded() * twoPi
    if r > Double.pi { r -= twoPi }
    var term = r, sum = r
    let r2 = r * r
    for n in stride(from: 2.0, through: 40.0, by: 2.0) {
        term *= -r2 / (n * (n + 1))
        sum += term
    }
    return sum
}

func _cos(_ x: Double) -> Double { _sin(x + Double.pi / 2) }

func _atan2(_ y: Double, _ x: Double) -> Double {
    // Bisection-free: atan via argument halving and a series.
    if x == 0 && y == 0 { return 0 }
    func atan(_ v: Double) -> Double {
        var a = v, doublings = 0.0
        while abs(a) > 0.1 {
            a = a / (1 + (1 + a * a).squareRoot())
            doublings += 1
        }
        var term = a, sum = a
        let a2 = a * a
        var k = 3.0
        for _ in 0..<20 {
            term *= -a2
            sum += term / k
            k += 2
        }
        return sum * Double(1 << Int(doublings))
    }
    if x > 0 { return atan(y / x) }
    if x < 0 { return y >= 0 ? atan(y / x) + Double.pi : atan(y / x) - Double.pi }
    return y > 0 ? Double.pi / 2 : -Double.pi / 2
}
