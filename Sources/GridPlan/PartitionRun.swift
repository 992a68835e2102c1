import GridGeometry
import GridIO
import GridModel
import GridOptimizer

/// The result of a successful `partition`: what was written and the numbers for the summary.
public struct PartitionOutcome: Sendable {
    public var outputPath: String
    public var report: JSONValue
    /// About ten lines for a planner (stdout).
    public var summary: [String]
}

/// One run of the pipeline: read → project → units → aggregate → graph → partition → dissolve → write.
///
/// Holds the GEOS/PROJ engine (one per run, not shared) and the diagnostics. Never prints: events go
/// to the sink. Nothing in the output folder changes unless every stage succeeds.
final class PartitionRun: RunContext {
    let config: PartitionConfig
    var times = StageTimes()
    /// Sub-jurisdiction names in output order, once the boundary is read.
    var jurisdictionNames: [String] = []
    /// The CRS each input was read in, once `readInputs` has settled them (for plausibility hints).
    var inputCRSs = (boundary: "EPSG:4326", points: "EPSG:4326")

    init(config: PartitionConfig, sink: @escaping PipelineSink) throws(PipelineError) {
        self.config = config
        try super.init(sink: sink)
    }

    func stage(_ name: String, _ text: String) {
        sink(.stage(name, text))
    }
}

/// Everything up to the optimizer: what `partition` optimizes and `validate` reports on.
struct PreparedProblem {
    var inputs: RawInputs
    var projected: ProjectedInputs
    var units: BuiltUnits
    var aggregated: Aggregated
    var previous: PreviousPlan?
    var problem: PartitionProblem
}

extension PartitionRun {
    /// Reads, checks, projects, builds units, places points, reads centres and the earlier plan, and
    /// poses the optimization problem.
    func prepare() throws(PipelineError) -> PreparedProblem {
        let inputs = try readInputs()
        let projected = try project(inputs)
        let units = try buildUnits(projected)
        let aggregated = try aggregate(projected, units: units)
        var centers: Centers?
        if let path = config.centersPath, let table = projected.centers {
            centers = try readCenters(path, table: table, units: units, jurisdictionCount: projected.jurisdictions.count)
        }
        var previous: PreviousPlan?
        if let path = config.previousPath {
            previous = try PreviousPlan.read(path: path, units: units.set, workCRS: projected.workCRS, engine: engine)
        }
        let problem = try makeProblem(aggregated, units: units, centers: centers, previous: previous)
        return PreparedProblem(
            inputs: inputs, projected: projected, units: units, aggregated: aggregated, previous: previous, problem: problem)
    }
}

/// The `partition` pipeline.
public enum PartitionPipeline {
    /// Runs the whole pipeline and writes the outputs into `config.outputPath`.
    /// - Throws: `PipelineError` naming the file and the problem; the output folder is then untouched.
    public static func run(_ config: PartitionConfig, sink: @escaping PipelineSink) throws(PipelineError) -> PartitionOutcome {
        try ConfigCheck.validate(config)
        let output: OutputFolder
        do throws(GridIOError) {
            output = try OutputFolder(path: config.outputPath, force: config.force)
        } catch {
            throw PipelineError(error)
        }
        let run = try PartitionRun(config: config, sink: sink)
        do {
            let p = try run.prepare()
            var solution = try run.partition(p.problem, aggregated: p.aggregated)
            solution.previous = p.previous
            let grids = try run.dissolve(units: p.units, solution: solution, aggregated: p.aggregated)
            return try run.write(
                output: output, inputs: p.inputs, projected: p.projected, units: p.units,
                aggregated: p.aggregated, solution: solution, grids: grids)
        } catch {
            output.discard()
            throw error
        }
    }
}
