import Foundation
import GridGeometry
import GridIO
import GridModel
import GridOptimizer

/// What `validate` found: an account for the planner and every warning, in pipeline order.
public struct ValidationOutcome: Sendable {
    /// Lines for standard output: files, CRSs, jurisdictions, units, points, grids, warnings.
    public var lines: [String]
    public var warnings: [Diagnostic]
}

extension PartitionPipeline {
    /// Runs every read, check and repair of `partition` (reading, CRS resolution and range checks,
    /// boundary repair, jurisdictions, points inside and outside, weights, units, grid apportionment)
    /// and the feasibility check, without optimizing or writing anything.
    ///
    /// - Throws: the `PipelineError` that `partition` would stop with, or an infeasibility
    ///   `partition` would only find after optimizing (a unit heavier than the upper bound).
    public static func validate(_ config: PartitionConfig, sink: @escaping PipelineSink) throws(PipelineError) -> ValidationOutcome {
        try ConfigCheck.validate(config)
        if !config.outputPath.isEmpty { try checkOutputFolder(config) }
        let run = try PartitionRun(config: config, sink: sink)
        let p = try run.prepare()
        let account = ValidationAccount(run: run, inputs: p.inputs, projected: p.projected, units: p.units, aggregated: p.aggregated)
        try account.checkFeasible(p.problem)
        return ValidationOutcome(lines: account.lines(p.problem), warnings: run.warnings)
    }

    /// The refusal `OutputFolder` would give, checked without creating anything.
    private static func checkOutputFolder(_ config: PartitionConfig) throws(PipelineError) {
        let path = config.outputPath
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return }
        guard isDir.boolValue else { throw PipelineError(.unwritable, "\(path): exists and is not a folder") }
        guard FileManager.default.isWritableFile(atPath: path) else { throw PipelineError(.unwritable, "\(path): folder is not writable") }
        if !config.force {
            let present = OutputFolder.outputNames.filter { FileManager.default.fileExists(atPath: path + "/" + $0) }
            if !present.isEmpty {
                throw PipelineError(
                    .unwritable, "\(path): already holds gridplan outputs (\(present.joined(separator: ", "))); use --force to replace them")
            }
        }
    }
}
