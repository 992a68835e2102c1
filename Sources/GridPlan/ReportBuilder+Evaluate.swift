import GridIO
import GridModel

/// `report.json` and the stdout summary of `evaluate`: the same summary keys as `partition`, plus
/// how the map tiles the boundary and what changed since `--previous`.
extension ReportBuilder {
    static func evaluateReport(_ record: EvaluateRecord, clock: StageClock) -> JSONValue {
        let c = record.config, map = record.map, m = record.measured
        let total = m.stats.map { $0.weights[0] }.reduce(0, +)
        let parameters: [(String, JSONValue)] = [
            ("grids_file", .string(c.gridsPath)),
            ("grid_id", .string(c.gridIdField)),
            ("boundary_id", c.boundaryIdField.map { .string($0) } ?? .null),
            ("points", c.pointsPath.map { .string($0) } ?? .null),
            ("weights", .array(m.weightNames.map { .string($0) })),
            ("boundary", c.boundaryPath.map { .string($0) } ?? .null),
            ("previous", c.previousPath.map { .string($0) } ?? .null),
            ("input_crs", .string(map.inputCRS)),
            ("work_crs", .string(map.workCRS)),
            ("tolerance", .number(c.toleranceFraction)),
        ]
        let input: JSONValue = .object([
            ("grid_features", .int(map.featureCount)),
            ("jurisdictions", .int(map.jurisdictionNames.count)),
            ("points_read", .int(record.points?.table.count ?? 0)),
            ("points_used", .int(m.pointsInside)),
            ("points_excluded", .int(m.pointsOutside)),
            ("total_weight", .number(Format.rounded(total, 6))),
            ("warnings", .array(record.warnings.map(warningJSON))),
        ])
        let timings: [(String, JSONValue)] = clock.json.map { ($0.0, .number(Format.rounded($0.1, 4))) }
        return .object([
            ("tool", .object([("name", .string(toolName)), ("version", .string(toolVersion))])),
            ("command", .string("evaluate")),
            ("parameters", .object(parameters)),
            ("input", input),
            ("summary", .object(evaluateSummary(record, total: total))),
            ("grids", .array(evaluateRows(record))),
            ("timings_s", .object(timings)),
        ])
    }

    /// `summary`: the partition keys that apply to any map, how the map tiles the area, what changed.
    private static func evaluateSummary(_ record: EvaluateRecord, total: Double) -> [(String, JSONValue)] {
        let m = record.measured, stats = m.stats, coverage = record.coverage, tolerance = record.config.toleranceFraction
        let km2 = { (v: Double?) -> JSONValue in v.map { .number(Format.rounded($0 / 1e6, 6)) } ?? .null }
        var summary: [(String, JSONValue)] = [("grids", .int(stats.count))]
        summary += weightRange(stats, total: total)
        summary += [
            ("grids_within_tolerance", .int(stats.filter { abs($0.deviation) <= tolerance + 1e-12 }.count)),
            ("weight_cv", .number(Format.rounded(cv(stats.map { $0.weights[0] }), 6))),
        ]
        summary += countySpread(stats)
        summary += contiguity(parts: m.parts, undeclared: nil)
        summary += compactness(stats)
        summary += [
            ("points_outside", .int(m.pointsOutside)),
            ("area_km2", km2(coverage.unionArea)),
            ("overlaps_km2", km2(coverage.overlapArea)),
            ("gaps_km2", km2(coverage.gapArea)),
            ("outside_boundary_km2", km2(coverage.outsideArea)),
        ]
        if let share = record.barrierShare {
            summary.append(("barrier_share", .number(Format.rounded(share, 6))))
            summary.append(("barrier_distance_m", .number(record.config.barrierDistanceMetres)))
        }
        if let further = furtherWeights(stats, names: m.weightNames) { summary.append(further) }
        if let change = record.change { summary += previousSummary(change) }
        return summary
    }

    /// `previous` (the earlier map, how its grids were matched, what changed and how that is counted),
    /// then the changed weight share.
    private static func previousSummary(_ c: MapChange) -> [(String, JSONValue)] {
        let previous: [(String, JSONValue)] = [
            ("file", .string(c.file)), ("grid_id", .string(c.idField)),
            ("earlier_grids", .int(c.earlierGrids)), ("matched_grids", .int(c.matchedGrids)), ("same_id_matches", .int(c.sameIDMatches)),
            ("compared_points", .int(c.comparedPoints)), ("changed_points", .int(c.changedPoints)),
            ("changed_area_km2", .number(Format.rounded(c.changedAreaKm2, 6))),
            ("definition", .string(MapChange.definition)),
        ]
        return [("previous", .object(previous)), ("changed_weight_share", .number(Format.rounded(c.changedWeightShare, 6)))]
    }

    /// `grids`: one row per grid, with its parts and, with `--previous`, the earlier grid it matched.
    private static func evaluateRows(_ record: EvaluateRecord) -> [JSONValue] {
        let m = record.measured
        return m.stats.enumerated().map { g, s in
            var row: [(String, JSONValue)] = [
                ("grid_id", .string(s.gridID)),
                ("jurisdiction", .string(s.jurisdiction)),
                ("weight", .number(Format.rounded(s.weights[0], 6))),
                ("points", .int(s.points)),
                ("features", .int(s.units)),
                ("parts", .int(m.parts[g])),
                ("area_km2", .number(Format.rounded(s.areaKm2, 6))),
                ("perimeter_km", .number(Format.rounded(s.perimeterKm, 6))),
                ("polsby_popper", .number(Format.rounded(s.polsbyPopper, 6))),
                ("deviation", .number(Format.rounded(s.deviation, 6))),
            ]
            for k in 1..<max(1, m.weightNames.count) { row.append((m.weightNames[k], .number(Format.rounded(s.weights[k], 6)))) }
            row.append(("exclaves", .int(s.exclaves)))
            if let share = s.barrierShare { row.append(("barrier_share", .number(Format.rounded(share, 6)))) }
            if let change = record.change { row.append(("previous_grid_id", .string(change.earlierID[g]))) }
            return .object(row)
        }
    }

    /// Label/value pairs for the summary panel of an evaluate report.html.
    static func evaluatePairs(_ report: JSONValue) -> [(String, String)] {
        let s = { (key: String) in number(value(report, "summary", key)) }
        let i = { (key: String) in number(value(report, "input", key)) }
        let balance: [(String, String)] = [
            ("Mean weight", Format.fixed(s("mean_weight"), 1)),
            ("Weight range", "\(Format.fixed(s("min_weight"), 1)) – \(Format.fixed(s("max_weight"), 1))"),
            ("Max |deviation|", Format.percent(s("max_abs_deviation"))),
            ("Coefficient of variation", Format.fixed(s("weight_cv"), 3)),
            (
                "Within ±\(Format.percent(number(value(report, "parameters", "tolerance"))))",
                "\(Format.fixed(s("grids_within_tolerance"), 0)) of \(Format.fixed(s("grids"), 0))"
            ),
        ]
        var pairs: [(String, String)] = [("Grids", Format.fixed(s("grids"), 0))]
        pairs += measuresBalance(report) ? balance : [("Balance", "not measured (no --points)")]
        pairs += [
            ("Contiguity", contiguityText(report)),
            ("Polsby-Popper mean / min", "\(Format.fixed(s("mean_polsby_popper"), 3)) / \(Format.fixed(s("min_polsby_popper"), 3))"),
            ("Points in grids / outside", "\(Format.fixed(i("points_used"), 0)) / \(Format.fixed(s("points_outside"), 0))"),
            ("Overlaps", "\(Format.fixed(s("overlaps_km2"), 3)) km²"),
        ]
        if value(report, "summary", "gaps_km2") != .null {
            pairs.append(
                ("Gaps / outside boundary", "\(Format.fixed(s("gaps_km2"), 3)) / \(Format.fixed(s("outside_boundary_km2"), 3)) km²"))
        }
        if let streets = barrierText(report) { pairs.append(("Grid edges on streets", streets)) }
        pairs += changePairs(report)
        return pairs
    }

    /// "What changed" rows, when the report compares with an earlier map.
    static func changePairs(_ report: JSONValue) -> [(String, String)] {
        guard let share = value(report, "summary", "changed_weight_share") else { return [] }
        var pairs = [("Weight that changed grid", Format.percent(number(share)))]
        if value(report, "summary", "previous", "matched_grids") != nil {
            let p = { (key: String) in number(value(report, "summary", "previous", key)) }
            pairs.append(
                (
                    "Grids matched to earlier",
                    "\(Format.fixed(p("matched_grids"), 0)) of \(Format.fixed(p("earlier_grids"), 0)) (same id: \(Format.fixed(p("same_id_matches"), 0)))"
                ))
            pairs.append(("Area that changed grid", "\(Format.fixed(p("changed_area_km2"), 2)) km²"))
        }
        if let units = value(report, "summary", "changed_units") {
            pairs.append(("Units that changed grid", Format.fixed(number(units), 0)))
        }
        if let area = value(report, "summary", "changed_area_share") {
            pairs.append(("Area that changed grid", Format.percent(number(area))))
        }
        if let kept = value(report, "summary", "previous", "kept_grid_ids"), let earlier = value(report, "summary", "previous", "earlier_grids") {
            pairs.append(("Grids keeping an earlier id", "\(Format.fixed(number(kept), 0)) of \(Format.fixed(number(earlier), 0)) earlier grids"))
        }
        return pairs
    }

    /// Whether the evaluated map was weighed: `--points` given (its `parameters.points`).
    static func measuresBalance(_ report: JSONValue) -> Bool {
        if case .string = value(report, "parameters", "points") { return true }
        return false
    }

    /// The ten-line evaluate summary for stdout.
    static func evaluateLines(_ report: JSONValue, outputPath: String) -> [String] {
        let s = { (key: String) in number(value(report, "summary", key)) }
        let i = { (key: String) in number(value(report, "input", key)) }
        let warnings = warningCount(report)
        let tiling =
            value(report, "summary", "gaps_km2") == .null
            ? "overlaps \(Format.fixed(s("overlaps_km2"), 3)) km² (no --boundary: gaps not measured)"
            : "gaps \(Format.fixed(s("gaps_km2"), 3)) km², overlaps \(Format.fixed(s("overlaps_km2"), 3)) km²"
        let balance =
            measuresBalance(report)
            ? [
                "weight per grid:  \(Format.fixed(s("min_weight"), 1)) – \(Format.fixed(s("max_weight"), 1)) (mean \(Format.fixed(s("mean_weight"), 1)))",
                "imbalance:        CV \(Format.fixed(s("weight_cv"), 3)), max |deviation| \(Format.percent(s("max_abs_deviation"))), \(Format.fixed(s("grids_within_tolerance"), 0)) grids within ±\(Format.percent(number(value(report, "parameters", "tolerance"))))",
            ] : ["balance:          not measured (no --points)"]
        var lines =
            ["grids:            \(Format.fixed(s("grids"), 0)) from \(Format.fixed(i("grid_features"), 0)) features"] + balance + [
            "contiguous:       \(contiguityText(report))",
            "compactness:      Polsby-Popper mean \(Format.fixed(s("mean_polsby_popper"), 3)), min \(Format.fixed(s("min_polsby_popper"), 3))",
            "points:           \(Format.fixed(i("points_used"), 0)) in grids, \(Format.fixed(s("points_outside"), 0)) outside",
            "tiling:           \(tiling)",
        ]
        if let streets = barrierText(report) { lines.append("streets:          \(streets)") }
        if let share = value(report, "summary", "changed_weight_share") {
            lines.append("changed:          \(Format.percent(number(share))) of the weight is in another grid than before")
        }
        lines.append("warnings:         \(Format.fixed(warnings, 0)) (details in report.json)")
        lines.append("written to:       \(outputPath)/")
        return lines
    }
}
