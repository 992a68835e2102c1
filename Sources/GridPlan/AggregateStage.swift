import GridGeometry
import GridModel

/// Points placed into units and the weights per unit.
struct Aggregated {
    /// Unit of each point, nil when the point lies outside every unit or repeats an earlier one.
    var pointUnit: [UnitID?]
    /// weights[k][unit]; k = 0 is the primary weight.
    var unitWeights: [[Double]]
    var weightNames: [String]
    var pointsPerUnit: [Int]
    var pointsUsed: Int
    var pointsExcluded: Int
}

/// Stage `aggregate`: places the points in the units (points outside excluded, with warnings and
/// suggestions) and sums the weights per unit.
enum AggregateStage {
    static func run(_ p: ProjectedInputs, units: BuiltUnits, _ context: PartitionContext) throws(PipelineError) -> Aggregated {
        try context.stage("aggregate", nil) { () throws(PipelineError) -> Aggregated in
            let config = context.config
            let n = units.set.area.count
            let names = config.weightFields.isEmpty ? ["weight"] : config.weightFields
            var weights = Array(repeating: Array(repeating: 0.0, count: n), count: names.count)
            var counts = Array(repeating: 0, count: n)
            var pointUnit: [UnitID?] = []
            // Every point is kept (issue 10): repeated records were reported when the file was read
            // (POINT_DUPLICATE, POINT_ID_REUSED), and each one counts.
            if p.points.count > 0 {
                context.announce("aggregate", "placing \(p.points.count) points")
                let located = try context.geometry(p.pointsFile.path) { () throws(GeometryError) in
                    try context.engine.assignPoints(x: p.points.x, y: p.points.y, units: units.set, lattice: units.lattice)
                }
                pointUnit = UnitID.located(located)
                for i in 0..<p.points.count {
                    guard let u = pointUnit[i]?.index else { continue }
                    counts[u] += 1
                    if p.points.weights.isEmpty {
                        weights[0][u] += 1
                    } else {
                        for k in 0..<names.count { weights[k][u] += p.points.weights[k][i] }
                    }
                }
            } else if let given = p.givenUnits, let unitWeights = given.weights {
                weights = UnitWeights.distribute(
                    unitWeights, units: units.set, featureIndex: given.featureIndex, file: config.unitsPath ?? "", warn: context.warn)
            }
            let used = counts.reduce(0, +)
            let excluded = p.points.count - used
            let outsideCount = excluded
            var hints: [Diagnostic] = []
            if outsideCount > 0 {
                hints = PointPlausibility(points: p, units: units, engine: context.engine, boundaryPath: config.boundaryPath)
                    .outsideSuggestions(pointUnit: pointUnit)
                let first = pointUnit.indices.first { pointUnit[$0] == nil }
                let share = Double(outsideCount) / Double(max(1, p.points.count))
                var message = "\(outsideCount) point(s) outside the boundary excluded"
                if share > 0.5 {
                    message += "; most points lie outside the boundary: check --input-crs (GCJ-02/BD-09 data, projected metres?)"
                }
                context.warn(
                    Diagnostic(
                        code: .pointOutsideBoundary, file: config.pointsPath ?? "",
                        location: first.map { "first at " + p.pointsFile.location(of: $0) } ?? "",
                        message: message, count: outsideCount))
                for h in hints { context.warn(h) }
            }
            if p.points.count > 0 && used == 0 {
                let hint = hints.first { $0.code != .pointFarFromBoundary }.map { "; " + $0.message } ?? "; check --input-crs"
                throw PipelineError.data("\(config.pointsPath ?? ""): no point lies inside the boundary\(hint)")
            }
            let total = weights[0].reduce(0, +)
            guard total > 0 else {
                throw PipelineError.data(
                    "\(config.pointsPath ?? config.unitsPath ?? ""): the \(names[0]) of every \(config.pointsPath == nil ? "unit" : "point") inside the boundary is zero; nothing to balance")
            }
            return Aggregated(
                pointUnit: pointUnit, unitWeights: weights, weightNames: names, pointsPerUnit: counts,
                pointsUsed: used, pointsExcluded: excluded)
        }
    }
}
