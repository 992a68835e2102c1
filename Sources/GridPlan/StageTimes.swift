/// Wall-clock seconds per pipeline stage, in the fixed order `report.json` lists them.
public struct StageTimes: Sendable {
    public static let stages = ["read", "project", "units", "aggregate", "graph", "partition", "dissolve", "write"]
    public private(set) var seconds: [Double] = Array(repeating: 0, count: StageTimes.stages.count)
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    public init() {
        start = clock.now
    }

    /// Runs `body` and adds its duration to `stage`.
    mutating func time<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        let t0 = clock.now
        defer {
            let d = clock.now - t0
            if let i = Self.stages.firstIndex(of: stage) {
                seconds[i] += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            }
        }
        return try body()
    }

    /// Seconds since the run started.
    public var total: Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
