/// Small numeric helpers, so that the module needs no Foundation.
public enum Math {
    /// e^x for x ≤ 0 (0 below −700), accurate to about 1e-15 relative.
    /// - Complexity: O(1).
    @inline(__always)
    public static func expNegative(_ x: Double) -> Double {
        if x >= 0 { return 1 }
        if x < -700 { return 0 }
        let ln2 = 0.693_147_180_559_945_3
        let k = (x / ln2).rounded(.down)
        let r = x - k * ln2  // in [0, ln 2)
        var term = 1.0
        var sum = 1.0
        for i in 1...16 {
            term *= r / Double(i)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// Whether a uniform draw `u` in [0, 1) falls below e^−r (r ≥ 0): the Metropolis acceptance of a
    /// move that worsens the energy by r temperatures. e^r ≥ 1 + r + r²/2 + r³/6, so a draw at or
    /// above the reciprocal of that cubic (with a margin far above rounding) is refused without the
    /// exponential, which most refusals at low temperature are; the others compare with
    /// `expNegative(−r)` exactly as before, so every decision is the same.
    @inline(__always)
    static func below(_ u: Double, expNegativeOf r: Double) -> Bool {
        if u * (1 + r * (1 + r * (0.5 + r * (1.0 / 6)))) >= 1 + 1e-9 { return false }
        return u < expNegative(-r)
    }

    /// The ratio r with r^steps = target (target > 0), by bisection on the integer power.
    static func geometricRatio(target: Double, steps: Int) -> Double {
        guard steps > 0, target > 0 else { return 1 }
        var lo = target < 1 ? 0.0 : 1.0
        var hi = target < 1 ? 1.0 : target
        for _ in 0..<100 {
            let mid = (lo + hi) / 2
            var p = 1.0
            for _ in 0..<steps { p *= mid }
            if p < target { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}
