/// The seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64) of the sample generator, the
/// benchmark, the fuzzer and the tests: a seed fixes the stream on every platform and in every process
/// (never `SystemRandomNumberGenerator`). The optimizer keeps its own copy because it imports nothing of ours.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in 0..<n by modulo (0 when n ≤ 1; the tiny bias does not matter here).
    public mutating func below(_ n: Int) -> Int {
        n <= 1 ? 0 : Int(next() % UInt64(n))
    }
}
