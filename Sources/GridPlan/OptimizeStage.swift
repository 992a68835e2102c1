import Foundation
import GridGeometry
import GridModel
import GridOptimizer

/// The optimizer's answer in the pipeline's terms.
struct Solution {
    var result: PartitionResult
    /// Grid of each unit (the optimizer's `assignment`, typed at this seam).
    var gridOfUnit: [GridID]
    var gridsPerJurisdiction: [Int]
    /// Mean primary weight per grid of each jurisdiction.
    var meanWeight: [Double]
    /// The earlier plan, when `--previous` was given.
    var previous: PreviousPlan?
}

/// Stage `partition`: runs the optimizer. A plan that misses the tolerance is a failure that says
/// why, never a silent miss.
enum OptimizeStage {
    /// - Parameter advice: words a failure for the planner (stations by name, advice that applies).
    static func run(
        _ posed: PosedProblem, aggregated: Aggregated, advice: InfeasibilityAdvice, _ context: PartitionContext
    ) throws(PipelineError) -> Solution {
        let problem = posed.problem, config = context.config
        return try context.stage("partition", "optimizing \(problem.gridsPerJurisdiction.reduce(0, +)) grids") {
            () throws(PipelineError) -> Solution in
            var result: PartitionResult
            do throws(PartitionError) {
                result = try Partitioner.solve(problem)
                // Balance comes before keeping the earlier map: when holding on to it costs the
                // tolerance, plan afresh (ids still follow the grids they mostly were).
                // Locked grids are never given up: with locks the plan stands or fails as it is.
                if !result.withinTolerance, problem.previousGrid != nil, problem.lockedLabels.isEmpty {
                    var fresh = problem
                    fresh.previousGrid = nil
                    let second = try Partitioner.solve(fresh)
                    if second.withinTolerance {
                        context.warn(
                            Diagnostic(
                                code: .previousPlanRelaxed, file: config.previousPath ?? "",
                                message:
                                    "keeping the earlier grids could not meet ±\(Format.percent(config.toleranceFraction)) (best \(Format.percent(result.maxAbsDeviation))); the grids were drawn afresh and keep the earlier ids where they mostly match"
                            ))
                        result = second
                    }
                }
            } catch {
                throw PipelineError.internalFailure("optimizer: \(error)")
            }
            var means: [Double] = []
            let jCount = problem.gridsPerJurisdiction.count
            var jWeight = Array(repeating: 0.0, count: jCount)
            for u in 0..<problem.graph.unitCount {
                jWeight[Int(problem.graph.jurisdiction[u])] += aggregated.unitWeights[0][u]
            }
            for j in 0..<jCount { means.append(jWeight[j] / Double(problem.gridsPerJurisdiction[j])) }
            warnLockedGrids(result, problem: problem, previous: posed.previous, means: means, context)
            for note in result.notes { context.sink(.detail(note)) }
            if !result.withinTolerance {
                throw PipelineError.data(explainFailure(result, problem: problem, advice: advice, config: config))
            }
            return Solution(
                result: result, gridOfUnit: result.assignment.map { GridID(rawValue: $0) },
                gridsPerJurisdiction: problem.gridsPerJurisdiction, meanWeight: means, previous: posed.previous)
        }
    }
}

extension OptimizeStage {
    /// One warning for the `--lock` grids kept beyond the tolerance of their station's mean (they
    /// keep their units whatever they weigh; the other grids are balanced around them).
    static func warnLockedGrids(
        _ result: PartitionResult, problem: PartitionProblem, previous: PreviousPlan?, means: [Double],
        _ context: PartitionContext
    ) {
        guard !problem.lockedLabels.isEmpty, let previous else { return }
        var beyond: [String] = []
        for g in result.gridPreviousLabel.indices where problem.lockedLabels.contains(result.gridPreviousLabel[g]) {
            let mean = means[Int(result.gridJurisdiction[g])]
            guard mean > 0 else { continue }
            let deviation = (result.gridWeights[0][g] - mean) / mean
            if abs(deviation) > context.config.toleranceFraction + 1e-9 {
                beyond.append("\(previous.gridIDs[Int(result.gridPreviousLabel[g])]) (\(deviation > 0 ? "+" : "")\(Format.percent(deviation)))")
            }
        }
        guard !beyond.isEmpty else { return }
        context.warn(
            Diagnostic(
                code: .lockedGridOutsideTolerance, file: context.config.previousPath ?? "",
                message:
                    "\(beyond.count) locked grid(s) kept as they were lie beyond ±\(Format.percent(context.config.toleranceFraction)) of their station's mean: \(beyond.joined(separator: ", ")); the other grids were balanced among themselves",
                count: beyond.count))
    }

    /// The failure in a planner's words, with a tolerance that was tried and works (at most three
    /// more optimizer runs, same seed): advice that fails again when followed costs a planner's trust.
    static func explainFailure(
        _ result: PartitionResult, problem: PartitionProblem, advice: InfeasibilityAdvice, config: PartitionConfig
    ) -> String {
        let head = "no plan keeps every grid within ±\(Format.percent(config.toleranceFraction)) (best found: \(Format.percent(result.maxAbsDeviation)))"
        guard result.maxAbsDeviation > config.toleranceFraction + 1e-9 else {
            let reasons = result.notes.isEmpty ? "" : ": " + result.notes.joined(separator: "; ")
            guard !config.weightTolerances.isEmpty else {
                // Not the weighted grids: a station without weight whose grids could not be evened out
                // by area, in the optimizer's own words.
                return "every grid with weight is within ±\(Format.percent(config.toleranceFraction)) (max \(Format.percent(result.maxAbsDeviation))), but the plan is not valid\(reasons)"
            }
            // A further weight's band: the optimizer's own account, per weight.
            let bands = config.weightTolerances.map { "\($0.name) ±\(Format.percent($0.fraction))" }.joined(separator: ", ")
            return "every grid is within ±\(Format.percent(config.toleranceFraction)) (max \(Format.percent(result.maxAbsDeviation))) but not every further weight within its band (\(bands))"
                + reasons
        }
        let k = problem.gridsPerJurisdiction
        let finding =
            advice.heavyUnit(gridsPerJurisdiction: k)
            ?? advice.searchFailure(gridWeights: result.gridWeights[0], gridJurisdiction: result.gridJurisdiction, gridsPerJurisdiction: k)
        var tolerance = InfeasibilityAdvice.suggestedTolerance(max(finding.needed, result.maxAbsDeviation))
        for _ in 0..<3 where tolerance < 1 {
            var looser = problem
            looser.toleranceFraction = tolerance
            if let r = try? Partitioner.solve(looser), r.withinTolerance {
                return head + ": \(finding.why). \(finding.change) or --tolerance \(Format.fixed(tolerance, 2)) (tried: every grid within ±\(Format.percent(tolerance)), max \(Format.percent(r.maxAbsDeviation)))"
            }
            tolerance = InfeasibilityAdvice.suggestedTolerance(tolerance)
        }
        if tolerance >= 1 {
            return head + ": \(finding.why). \(finding.change.replacingOccurrences(of: ", use fewer", with: " or use fewer")): no --tolerance below 1 makes room for it"
        }
        return head + ": \(finding.why). \(finding.change); even --tolerance \(Format.fixed(tolerance, 2)) was not enough"
    }
}
