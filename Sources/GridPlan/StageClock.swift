/// Wall-clock seconds per stage, for `timings_s`. One clock per run, shared by `partition`,
/// `validate` and `evaluate`: every read and every computation happens inside a timed stage, so the
/// stages add up to `total` (up to the few microseconds between them).
public struct StageClock: Sendable {
    /// The stages of `partition`, in the fixed order `report.json` lists them.
    public static let partitionStages = ["read", "project", "units", "aggregate", "graph", "partition", "dissolve", "write"]

    /// Stage names: the listed ones first (always reported), then others in the order they first ran.
    public private(set) var stages: [String]
    public private(set) var seconds: [Double]
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// - Parameter listed: stages reported even when they did not run (0 s); others appear once run.
    public init(listed: [String] = []) {
        stages = listed
        seconds = Array(repeating: 0, count: listed.count)
        start = clock.now
    }

    /// The instant a stage starts; hand it to `stop` when the stage ends. (Two calls rather than one
    /// wrapping the stage, so that a stage may read the clock, e.g. to report timings so far.)
    func begin() -> ContinuousClock.Instant { clock.now }

    /// Adds the time since `start` to `stage`.
    mutating func stop(_ stage: String, since start: ContinuousClock.Instant) {
        let d = Self.seconds(clock.now - start)
        if let i = stages.firstIndex(of: stage) {
            seconds[i] += d
        } else {
            stages.append(stage)
            seconds.append(d)
        }
    }

    /// Seconds since the run started.
    public var total: Double { Self.seconds(clock.now - start) }

    /// `timings_s`: every stage, then `total`.
    var json: [(String, Double)] {
        Array(zip(stages, seconds)) + [("total", total)]
    }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
