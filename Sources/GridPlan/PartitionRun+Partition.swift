import Foundation
import GridGeometry
import GridModel
import GridOptimizer

/// The optimizer's answer in the pipeline's terms.
struct Solution {
    var result: PartitionResult
    var gridsPerJurisdiction: [Int]
    /// Mean primary weight per grid of each jurisdiction.
    var meanWeight: [Double]
    /// The earlier plan, when `--previous` was given.
    var previous: PreviousPlan?
}

extension PartitionRun {
    /// Shares the grids among jurisdictions and builds the unit graph.
    func makeProblem(
        _ a: Aggregated, units: BuiltUnits, centers: Centers?, previous: PreviousPlan?
    ) throws(PipelineError) -> PartitionProblem {
        try times.time("graph") { () throws(PipelineError) -> PartitionProblem in
            let set = units.set
            let jCount = Int((set.jurisdiction.max() ?? -1) + 1)
            var jWeight = Array(repeating: 0.0, count: jCount)
            var jArea = Array(repeating: 0.0, count: jCount)
            var jUnits = Array(repeating: 0, count: jCount)
            for u in set.area.indices {
                let j = Int(set.jurisdiction[u])
                jWeight[j] += a.unitWeights[0][u]
                jArea[j] += set.area[u]
                jUnits[j] += 1
            }
            for j in 0..<jCount where jWeight[j] <= 0 {
                warn(Diagnostic(
                    code: "JURISDICTION_NO_WEIGHT", file: config.pointsPath ?? config.unitsPath ?? "",
                    location: jurisdictionLabel(j),
                    message: "\(jurisdictionLabel(j)) holds no weight: it gets one grid (or its share by area) and its grids are balanced by area"))
            }
            let perJurisdiction: [Int]
            if let centers {
                perJurisdiction = centers.perJurisdiction
                let k = perJurisdiction.reduce(0, +)
                if let asked = config.gridCount, asked != k {
                    throw PipelineError(.usage, "--grids \(asked) disagrees with the \(k) centres in \(config.centersPath ?? ""); leave --grids out")
                }
            } else if let k = config.gridCount {
                guard k >= jCount else {
                    throw PipelineError(.usage, "--grids \(k) is fewer than the \(jCount) sub-jurisdictions (every one needs a grid)")
                }
                perJurisdiction = GridApportionment.largestRemainder(total: k, weights: jWeight, fallback: jArea)
            } else {
                perJurisdiction = GridApportionment.forTarget(config.targetWeight ?? 1, weights: jWeight)
            }
            for j in 0..<jCount where perJurisdiction[j] > jUnits[j] {
                throw PipelineError(
                    .data,
                    "\(config.boundaryPath): \(jurisdictionLabel(j)) gets \(perJurisdiction[j]) grids but has only \(jUnits[j]) units; use a smaller --cell-size or fewer --grids")
            }
            stage("graph", "\(set.area.count) units, \(set.neighbors.count / 2) adjacencies, \(perJurisdiction.reduce(0, +)) grids")
            do throws(PartitionError) {
                let graph = try UnitGraph(
                    offsets: set.offsets, neighbors: set.neighbors, sharedLength: set.sharedLength,
                    weights: a.unitWeights, area: set.area, perimeter: set.perimeter,
                    centroidX: set.centroidX, centroidY: set.centroidY,
                    jurisdiction: set.jurisdiction, jurisdictionCount: jCount)
                var problem = PartitionProblem(
                    graph: graph, gridsPerJurisdiction: perJurisdiction,
                    toleranceFraction: config.toleranceFraction, seed: config.seed)
                problem.timeLimitSeconds = config.timeLimitSeconds
                problem.threads = config.threads ?? ProcessInfo.processInfo.activeProcessorCount
                problem.centerUnits = centers?.units
                problem.previousGrid = previous?.unitLabel
                return problem
            } catch {
                throw PipelineError(.internalError, "unit graph rejected by the optimizer: \(error)")
            }
        }
    }

    func jurisdictionLabel(_ j: Int) -> String {
        let name = jurisdictionNames.indices.contains(j) ? jurisdictionNames[j] : ""
        return name.isEmpty ? "the jurisdiction" : "jurisdiction \(name)"
    }

    /// Runs the optimizer. A plan that misses the tolerance is a failure that says why, never a silent miss.
    func partition(_ problem: PartitionProblem, aggregated: Aggregated) throws(PipelineError) -> Solution {
        try times.time("partition") { () throws(PipelineError) -> Solution in
            stage("partition", "optimizing \(problem.gridsPerJurisdiction.reduce(0, +)) grids")
            var result: PartitionResult
            do throws(PartitionError) {
                result = try Partitioner.solve(problem)
                // Balance comes before keeping the earlier map: when holding on to it costs the
                // tolerance, plan afresh (ids still follow the grids they mostly were).
                if !result.withinTolerance, problem.previousGrid != nil {
                    var fresh = problem
                    fresh.previousGrid = nil
                    let second = try Partitioner.solve(fresh)
                    if second.withinTolerance {
                        warn(Diagnostic(
                            code: "PREVIOUS_PLAN_RELAXED", file: config.previousPath ?? "",
                            message: "keeping the earlier grids could not meet ±\(Format.percent(config.toleranceFraction)) (best \(Format.percent(result.maxAbsDeviation))); the grids were drawn afresh and keep the earlier ids where they mostly match"))
                        result = second
                    }
                }
            } catch {
                throw PipelineError(.internalError, "optimizer: \(error)")
            }
            var means: [Double] = []
            let jCount = problem.gridsPerJurisdiction.count
            var jWeight = Array(repeating: 0.0, count: jCount)
            for u in 0..<problem.graph.unitCount {
                jWeight[Int(problem.graph.jurisdiction[u])] += aggregated.unitWeights[0][u]
            }
            for j in 0..<jCount { means.append(jWeight[j] / Double(problem.gridsPerJurisdiction[j])) }
            for note in result.notes { sink(.detail(note)) }
            if !result.withinTolerance {
                let why = result.notes.isEmpty ? "" : ": " + result.notes.joined(separator: "; ")
                throw PipelineError(
                    .data,
                    "no plan keeps every grid within ±\(Format.percent(config.toleranceFraction)) (best found: \(Format.percent(result.maxAbsDeviation)))\(why)")
            }
            return Solution(result: result, gridsPerJurisdiction: problem.gridsPerJurisdiction, meanWeight: means)
        }
    }
}
