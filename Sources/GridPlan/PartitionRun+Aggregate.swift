import GridGeometry
import GridModel

/// Points placed into units and the weights per unit.
struct Aggregated {
    /// Unit index per point, −1 when the point lies outside every unit.
    var pointUnit: [Int32]
    /// weights[k][unit]; k = 0 is the primary weight.
    var unitWeights: [[Double]]
    var weightNames: [String]
    var pointsPerUnit: [Int]
    var pointsUsed: Int
    var pointsExcluded: Int
}

extension PartitionRun {
    func aggregate(_ p: ProjectedInputs, units: BuiltUnits) throws(PipelineError) -> Aggregated {
        try times.time("aggregate") { () throws(PipelineError) -> Aggregated in
            let n = units.set.area.count
            let names = config.weightFields.isEmpty ? ["weight"] : config.weightFields
            var weights = Array(repeating: Array(repeating: 0.0, count: n), count: names.count)
            var counts = Array(repeating: 0, count: n)
            var pointUnit: [Int32] = []
            let duplicate = Self.duplicateMask(p.points)
            if let d = duplicateWarning(duplicate, points: p.points) { warn(d) }
            let duplicates = duplicate.reduce(0) { $0 + ($1 ? 1 : 0) }
            if p.points.count > 0 {
                stage("aggregate", "placing \(p.points.count) points")
                do throws(GeometryError) {
                    pointUnit = try engine.assignPoints(x: p.points.x, y: p.points.y, units: units.set, lattice: units.lattice)
                } catch {
                    throw PipelineError(geometry: error, file: config.pointsPath ?? "")
                }
                for i in 0..<p.points.count where duplicate[i] { pointUnit[i] = -1 }
                for i in 0..<p.points.count {
                    let u = Int(pointUnit[i])
                    guard u >= 0 else { continue }
                    counts[u] += 1
                    if p.points.weights.isEmpty {
                        weights[0][u] += 1
                    } else {
                        for k in 0..<names.count { weights[k][u] += p.points.weights[k][i] }
                    }
                }
            } else if let given = p.unitWeights {
                weights = UnitWeights.distribute(
                    given, units: units.set, featureIndex: p.unitFeatureIndex ?? [], file: config.unitsPath ?? "", warn: warn)
            }
            let used = counts.reduce(0, +)
            let excluded = p.points.count - used
            let outsideCount = excluded - duplicates
            var hints: [Diagnostic] = []
            if outsideCount > 0 {
                hints = outsideSuggestions(p, units: units, pointUnit: pointUnit, duplicate: duplicate)
                var first = -1
                for i in 0..<pointUnit.count where pointUnit[i] < 0 && !duplicate[i] {
                    first = Int(p.points.sources[i])
                    break
                }
                let share = Double(outsideCount) / Double(max(1, p.points.count))
                var message = "\(outsideCount) point(s) outside the boundary excluded"
                if share > 0.5 {
                    message += "; most points lie outside the boundary: check --input-crs (GCJ-02/BD-09 data, projected metres?)"
                }
                let csv = (config.pointsPath ?? "").lowercased().hasSuffix(".csv")
                warn(Diagnostic(
                    code: "POINT_OUTSIDE_BOUNDARY", file: config.pointsPath ?? "",
                    location: first >= 0 ? (csv ? "first at line \(first)" : "first at feature \(first)") : "",
                    message: message, count: outsideCount))
                for h in hints { warn(h) }
            }
            if p.points.count > 0 && used == 0 {
                let hint = hints.first { $0.code != "POINT_FAR_FROM_BOUNDARY" }.map { "; " + $0.message } ?? "; check --input-crs"
                throw PipelineError(.data, "\(config.pointsPath ?? ""): no point lies inside the boundary\(hint)")
            }
            let total = weights[0].reduce(0, +)
            guard total > 0 else {
                throw PipelineError(.data, "\(config.pointsPath ?? config.unitsPath ?? ""): every \(names[0]) weight is zero; nothing to balance")
            }
            return Aggregated(
                pointUnit: pointUnit, unitWeights: weights, weightNames: names, pointsPerUnit: counts,
                pointsUsed: used, pointsExcluded: excluded)
        }
    }
}
