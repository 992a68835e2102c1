import GridGeometry
import GridIO
import GridModel

/// The result of a successful `evaluate`: what was written and the lines for the summary.
public struct EvaluateOutcome: Sendable {
    public var outputPath: String
    public var report: JSONValue
    /// About ten lines for a planner (stdout).
    public var summary: [String]
}

/// One run of `evaluate`: read the grid map → points → measure → compare → write.
///
/// Holds its own GEOS/PROJ engine. Never prints: events go to the sink. Nothing in the output folder
/// changes unless every stage succeeds.
final class EvaluateRun: RunContext {
    let config: EvaluateConfig
    /// Seconds per stage, in the order the stages ran.
    var timings: [(String, Double)] = []
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    init(config: EvaluateConfig, sink: @escaping PipelineSink) throws(PipelineError) {
        self.config = config
        start = clock.now
        try super.init(sink: sink)
    }

    /// Announces stage `name` and records how long `body` takes under that name.
    func stage<T>(_ name: String, _ text: String, _ body: () throws(PipelineError) -> T) throws(PipelineError) -> T {
        sink(.stage(name, text))
        let t0 = clock.now
        defer { timings.append((name, Self.seconds(clock.now - t0))) }
        return try body()
    }

    /// Seconds since the run started.
    var totalSeconds: Double { Self.seconds(clock.now - start) }

    private static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// The `evaluate` pipeline: scores an existing grid map with the same metrics as `partition`.
public enum EvaluatePipeline {
    /// Reads the grid map (and points, boundary, earlier map), measures it and writes `report.json`
    /// and `report.html` into `config.outputPath`.
    /// - Throws: `PipelineError` naming the file and the problem; the output folder is then untouched.
    public static func run(_ config: EvaluateConfig, sink: @escaping PipelineSink) throws(PipelineError) -> EvaluateOutcome {
        try validate(config)
        let output: OutputFolder
        do throws(GridIOError) {
            output = try OutputFolder(path: config.outputPath, force: config.force)
        } catch {
            throw PipelineError(error)
        }
        let run = try EvaluateRun(config: config, sink: sink)
        do {
            let map = try run.readGrids()
            let points = try run.readPoints(workCRS: map.workCRS)
            let measured = try run.measure(map, points: points)
            let coverage = try run.coverage(map)
            let change = try run.compare(map, points: points, measured: measured)
            return try run.write(output: output, map: map, points: points, measured: measured, coverage: coverage, change: change)
        } catch {
            output.discard()
            throw error
        }
    }

    static func validate(_ c: EvaluateConfig) throws(PipelineError) {
        if c.gridIdField.isEmpty { throw PipelineError(.usage, "--grid-id must name a property of the grid features") }
        if !(c.toleranceFraction > 0 && c.toleranceFraction < 1) {
            throw PipelineError(.usage, "--tolerance must be between 0 and 1 exclusive (got \(c.toleranceFraction))")
        }
        if !c.weightFields.isEmpty && c.pointsPath == nil {
            throw PipelineError(.usage, "--weight needs --points (the weights are point properties)")
        }
        if c.weightFields.count != Set(c.weightFields).count {
            throw PipelineError(.usage, "--weight names a field twice")
        }
    }
}
