import GridGeometry
import GridModel
import GridOptimizer

/// The stages' results as `validate` reports them: per-jurisdiction tallies and the feasibility check.
struct ValidationAccount {
    let config: PartitionConfig
    let prepared: PreparedProblem
    let warnings: [Diagnostic]

    private var inputs: RawInputs { prepared.inputs }
    private var projected: ProjectedInputs { prepared.projected }
    private var units: BuiltUnits { prepared.units }
    private var aggregated: Aggregated { prepared.aggregated }

    /// Units, weight and heaviest unit of each jurisdiction.
    private func tallies(_ jCount: Int) -> (units: [Int], weight: [Double], heaviest: [Int]) {
        var count = Array(repeating: 0, count: jCount)
        var weight = Array(repeating: 0.0, count: jCount)
        var heaviest = Array(repeating: -1, count: jCount)
        let w = aggregated.unitWeights[0]
        for u in w.indices {
            let j = Int(units.set.jurisdiction[u])
            count[j] += 1
            weight[j] += w[u]
            if heaviest[j] < 0 || w[u] > w[heaviest[j]] { heaviest[j] = u }
        }
        return (count, weight, heaviest)
    }

    /// A unit heavier than (1 + t) · mean cannot sit in any grid within tolerance: partition would fail.
    func checkFeasible(_ problem: PartitionProblem) throws(PipelineError) {
        let advice = InfeasibilityAdvice(
            config: config, names: projected.names, units: units, aggregated: aggregated, points: projected.pointsFile)
        if let f = advice.heavyUnit(gridsPerJurisdiction: problem.gridsPerJurisdiction) {
            let bound = InfeasibilityAdvice.suggestedTolerance(f.needed)
            let tolerance = bound < 1 ? " or a --tolerance of at least \(Format.fixed(bound, 2)) (partition tries the value that works)" : " (no --tolerance below 1 makes room for it)"
            throw PipelineError.data(
                "\(config.boundaryPath): no plan can keep every grid within ±\(Format.percent(config.toleranceFraction)): \(f.why). \(f.change)\(tolerance)")
        }
    }

    /// The account printed by `gridplan validate`.
    func lines(_ problem: PartitionProblem) -> [String] {
        let k = problem.gridsPerJurisdiction
        let t = tallies(k.count)
        let w = aggregated.unitWeights[0]
        var out: [String] = []
        out.append("boundary:      \(config.boundaryPath): \(inputs.boundaryFeatureCount) feature(s), read as \(inputs.boundaryCRS)")
        if let path = config.pointsPath {
            out.append("points:        \(path): \(inputs.points.table.count) read as \(inputs.pointsCRS); \(aggregated.pointsUsed) used, \(aggregated.pointsExcluded) excluded")
        }
        if let path = config.unitsPath, let units = inputs.units {
            out.append("units file:    \(path): read as \(units.crs)")
        }
        out.append("work CRS:      \(projected.workCRS)")
        let area = projected.jurisdictionAreas.reduce(0, +)
        let weightName = aggregated.weightNames.first ?? "weight"
        let total = w.reduce(0, +)
        out.append("area:          \(Format.km2(area)) km²; total \(weightName) \(Format.fixed(total, 1))")
        out.append("units:         \(units.description)")
        out.append("grids:         \(k.reduce(0, +)) in \(k.count) jurisdiction(s), tolerance ±\(Format.percent(config.toleranceFraction))")
        for j in k.indices {
            let name = projected.names.name(j).isEmpty ? "(all)" : projected.names.name(j)
            let mean = t.weight[j] / Double(max(1, k[j]))
            let heaviest = t.heaviest[j] >= 0 ? w[t.heaviest[j]] : 0
            out.append(
                "  \(name): \(k[j]) grid(s), \(t.units[j]) units, \(weightName) \(Format.fixed(t.weight[j], 1)), mean per grid \(Format.fixed(mean, 1)), heaviest unit \(Format.fixed(heaviest, 1)) (\(Format.percent(mean > 0 ? heaviest / mean : 0)) of the mean)")
        }
        if warnings.isEmpty {
            out.append("warnings:      none")
        } else {
            // Each warning was printed once as it happened (standard error); here only their tally by code.
            var codes: [(WarningCode, Int)] = []
            for d in warnings {
                if let k = codes.firstIndex(where: { $0.0 == d.code }) { codes[k].1 += d.count } else { codes.append((d.code, d.count)) }
            }
            // Counted as partition counts them (every occurrence, `Diagnostic.count`), not by lines printed.
            let total = codes.reduce(0) { $0 + $1.1 }
            out.append("warnings:      \(total) (given above): " + codes.map { "[\($0.0)] ×\($0.1)" }.joined(separator: ", "))
        }
        out.append("usable: partition would optimize \(k.reduce(0, +)) grids over \(w.count) units")
        return out
    }
}
