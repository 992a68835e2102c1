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

/// What `validate` found: an account for the planner and every warning, in pipeline order.
public struct ValidationOutcome: Sendable {
    /// Lines for standard output: files, CRSs, jurisdictions, units, points, grids, warnings.
    public var lines: [String]
    public var warnings: [Diagnostic]
}

/// Everything up to the optimizer: what `partition` optimizes and `validate` reports on.
struct PreparedProblem {
    var inputs: RawInputs
    var projected: ProjectedInputs
    var units: BuiltUnits
    var aggregated: Aggregated
    var posed: PosedProblem
}

/// The `partition` pipeline: read → project → units → aggregate → graph → partition → dissolve → write.
///
/// Each stage is a value with one `run(input, context)`; what a later stage needs travels in the
/// earlier stage's output. The context holds the GEOS/PROJ engine (one per run, not shared), the
/// configuration, the warnings and the stage clock. Never prints: events go to the sink. Nothing in
/// the output folder changes unless every stage succeeds.
public enum PartitionPipeline {
    /// Runs the whole pipeline and writes the outputs into `config.outputPath`.
    /// - Throws: `PipelineError` naming the file and the problem; the output folder is then untouched.
    public static func run(_ config: PartitionConfig, sink: @escaping PipelineSink) throws(PipelineError) -> PartitionOutcome {
        try ConfigCheck.validate(config)
        let output = try OutputFolder.open(config.outputPath, force: config.force)
        let ahead = WriteAhead(threads: config.workerThreads)
        do {
            let context = try PartitionContext(config: config, sink: sink, listedStages: StageClock.partitionStages)
            let p = try prepare(context, ahead: ahead)
            let advice = InfeasibilityAdvice(
                config: config, names: p.projected.names, units: p.units, aggregated: p.aggregated, points: p.projected.pointsFile)
            let solution = try OptimizeStage.run(p.posed, aggregated: p.aggregated, advice: advice, context)
            let grids = try DissolveStage.run(
                units: p.units, solution: solution, aggregated: p.aggregated, names: p.projected.names, context)
            let record = PartitionRecord(config: config, prepared: p, solution: solution, grids: grids, warnings: context.warnings)
            return try WriteStage.run(record, ahead: ahead, output: output, context)
        } catch {
            // The CLI exits after this: no GEOS/PROJ work may still run on another thread then.
            ahead.wait()
            output.discard()
            throw error
        }
    }

    /// Runs every read, check and repair of `partition` (reading, CRS resolution and range checks,
    /// boundary repair, jurisdictions, points inside and outside, weights, units, grid apportionment)
    /// and the feasibility check, without optimizing or writing anything.
    ///
    /// - Throws: the `PipelineError` that `partition` would stop with (an `--out` it would refuse
    ///   included), or an infeasibility `partition` would only find after optimizing (a unit heavier
    ///   than the upper bound).
    public static func validate(_ config: PartitionConfig, sink: @escaping PipelineSink) throws(PipelineError) -> ValidationOutcome {
        try ConfigCheck.validate(config)
        if !config.outputPath.isEmpty {
            // The very check `partition` makes; nothing is left behind.
            try OutputFolder.open(config.outputPath, force: config.force).discard()
        }
        let context = try PartitionContext(config: config, sink: sink, listedStages: StageClock.partitionStages)
        let p = try prepare(context)
        let account = ValidationAccount(config: config, prepared: p, warnings: context.warnings)
        try account.checkFeasible(p.posed.problem)
        return ValidationOutcome(lines: account.lines(p.posed.problem), warnings: context.warnings)
    }

    /// Read, project, units, aggregate and graph: the problem the optimizer is given.
    /// - Parameter ahead: when given, output conversions start as soon as their inputs exist.
    static func prepare(_ context: PartitionContext, ahead: WriteAhead? = nil) throws(PipelineError) -> PreparedProblem {
        let inputs = try ReadStage.run(context)
        let projected = try ProjectStage.run(inputs, context)
        ahead?.startPoints(projected.points, workCRS: projected.workCRS)
        let units = try UnitsStage.run(projected, earlier: inputs.previous, context)
        ahead?.startUnits(units.set.shapes, workCRS: projected.workCRS)
        let aggregated = try AggregateStage.run(projected, units: units, context)
        let posed = try ProblemStage.run(aggregated, units: units, projected: projected, earlier: inputs.previous, context)
        return PreparedProblem(inputs: inputs, projected: projected, units: units, aggregated: aggregated, posed: posed)
    }
}
