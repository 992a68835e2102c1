import GridGeometry
import GridIO
import GridModel

/// Builds `report.json` (SPEC.md: tool, parameters, input, summary, grids, timings_s) and the
/// human summary printed at the end of a run.
enum ReportBuilder {
    static let toolName = "gridplan"
    static let toolVersion = "0.1.0"

    static func partitionReport(_ record: PartitionRecord) -> JSONValue {
        let a = record.prepared.aggregated
        let totalWeight = a.unitWeights[0].reduce(0, +)
        let input: JSONValue = .object([
            ("boundary_features", .int(record.prepared.inputs.boundaryFeatureCount)),
            ("jurisdictions", .int(record.prepared.projected.names.count)),
            ("points_read", .int(record.prepared.inputs.points.table.count)),
            ("points_used", .int(a.pointsUsed)),
            ("points_excluded", .int(a.pointsExcluded)),
            ("total_weight", .number(Format.rounded(totalWeight, 6))),
            ("boundary_gaps", gapsJSON(record.prepared.projected.gaps, threshold: record.config.fillGapsSquareMetres)),
            ("warnings", .array(record.warnings.map(warningJSON))),
        ])
        let gridRows: [JSONValue] = record.grids.stats.map { .object($0.properties(weightNames: a.weightNames)) }
        var members: [(String, JSONValue)] = [
            ("tool", .object([("name", .string(toolName)), ("version", .string(toolVersion))])),
            ("parameters", .object(partitionParameters(record))),
            ("input", input),
            ("summary", .object(partitionSummary(record, totalWeight: totalWeight))),
            ("grids", .array(gridRows)),
            ("timings_s", .null),
        ]
        // With --previous only, before the timings: what moved, per grid.
        if let changes = previousChanges(record) { members.insert(("changes", changes), at: members.count - 1) }
        return .object(members)
    }

    /// With `--previous`: per grid (output order) its earlier id ("" when new), and the share of its
    /// weight and area that was in another earlier grid; nil without `--previous`.
    private static func previousChanges(_ record: PartitionRecord) -> JSONValue? {
        guard let c = record.grids.changes else { return nil }
        let n = record.grids.numbering
        var rows: [JSONValue] = []
        for (p, g) in n.order.enumerated() {
            let s = record.grids.stats[p]
            let w = s.weights.first ?? 0, area = s.areaKm2 * 1e6
            rows.append(
                .object([
                    ("grid_id", .string(s.gridID)),
                    ("earlier_id", .string(c.earlierID[g])),
                    ("changed_weight", .number(Format.rounded(c.moved.gridWeight[g], 6))),
                    ("changed_weight_share", .number(Format.rounded(w > 0 ? c.moved.gridWeight[g] / w : 0, 6))),
                    ("changed_area_km2", .number(Format.rounded(c.moved.gridArea[g] / 1e6, 6))),
                    ("changed_area_share", .number(Format.rounded(area > 0 ? c.moved.gridArea[g] / area : 0, 6))),
                ]))
        }
        return .array(rows)
    }

    /// `parameters`: the run's settings as the stages settled them.
    private static func partitionParameters(_ record: PartitionRecord) -> [(String, JSONValue)] {
        let c = record.config, inputs = record.prepared.inputs, solution = record.solution
        return [
            ("boundary", .string(c.boundaryPath)),
            ("boundary_id", c.boundaryIdField.map { .string($0) } ?? .null),
            ("points", c.pointsPath.map { .string($0) } ?? .null),
            ("units", c.unitsPath.map { .string($0) } ?? .null),
            ("weights", .array(record.prepared.aggregated.weightNames.map { .string($0) })),
            (
                "input_crs",
                .object([
                    ("boundary", .string(inputs.boundaryCRS)),
                    ("points", .string(inputs.pointsCRS)),
                ])
            ),
            ("work_crs", .string(record.prepared.projected.workCRS)),
            ("cell_size_m", record.prepared.units.cellSizeMetres.map { .number($0) } ?? .null),
            ("grids", .int(solution.gridsPerJurisdiction.reduce(0, +))),
            (
                "grids_per_jurisdiction",
                .array(
                    zip(record.prepared.projected.names.names, solution.gridsPerJurisdiction).map {
                        .object([("jurisdiction", .string($0.0)), ("grids", .int($0.1))])
                    })
            ),
            ("target", c.targetWeight.map { .number($0) } ?? .null),
            ("tolerance", .number(c.toleranceFraction)),
            ("seed", .int(Int(truncatingIfNeeded: c.seed))),
            ("code_prefix", c.codePrefix.map { .string($0) } ?? .null),
            ("time_limit_s", c.timeLimitSeconds.map { .number($0) } ?? .null),
            ("units_count", .int(record.prepared.units.set.area.count)),
        ] + bandAndLockParameters(c) + barrierParameters(record)
    }

    /// With `--weight-tolerance`: `weight_tolerances` {name: T}; with `--lock`: `locked_grids` [id].
    private static func bandAndLockParameters(_ c: PartitionConfig) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if !c.weightTolerances.isEmpty {
            out.append(("weight_tolerances", .object(c.weightTolerances.map { ($0.name, .number($0.fraction)) })))
        }
        if !c.lockedGridIDs.isEmpty { out.append(("locked_grids", .array(c.lockedGridIDs.map { .string($0) }))) }
        return out
    }

    /// With `--barriers`: the barrier files and what making the street blocks did.
    private static func barrierParameters(_ record: PartitionRecord) -> [(String, JSONValue)] {
        let c = record.config
        guard !c.barrierPaths.isEmpty else { return [] }
        var out: [(String, JSONValue)] = [
            ("barriers", .array(c.barrierPaths.map { .string($0) })),
            ("hard_barriers", .array(c.hardBarrierPaths.map { .string($0) })),
        ]
        if let r = record.prepared.units.blocks?.report {
            out.append((
                "blocks",
                .object([
                    ("raw_faces", .int(r.rawFaces)), ("slivers_merged", .int(r.sliversMerged)), ("blocks", .int(r.blocks)),
                    ("heavy_blocks_split", .int(r.heavyBlocks)), ("water_units", .int(r.waterUnits)),
                    ("snapped_ends", .int(r.snappedEnds)), ("bridge_links", .int(r.bridgeLinks)),
                ])
            ))
        }
        return out
    }

    /// `summary`: balance, contiguity, compactness, cut edges, further weights and what changed.
    private static func partitionSummary(_ record: PartitionRecord, totalWeight: Double) -> [(String, JSONValue)] {
        let stats = record.grids.stats, result = record.solution.result
        var summary: [(String, JSONValue)] = [
            ("grids", .int(stats.count)),
            ("units", .int(record.prepared.units.set.area.count)),
        ]
        summary += weightRange(stats, total: totalWeight)
        summary += [
            ("within_tolerance", .bool(result.withinTolerance))
        ]
        summary += countySpread(stats)
        // Parts the optimizer did not declare as island exclaves would be a broken grid (never expected).
        summary += contiguity(parts: stats.map { $0.exclaves + 1 }, undeclared: record.grids.splitGrids)
        summary += compactness(stats)
        summary.append(("cut_edges", .int(result.cutEdges)))
        if let further = furtherWeights(stats, names: record.prepared.aggregated.weightNames) { summary.append(further) }
        summary.append(("weight_cv", .number(Format.rounded(cv(stats.map { $0.weights[0] }), 6))))
        if let share = record.grids.barrierShare { summary.append(("barrier_share", .number(Format.rounded(share, 6)))) }
        if let changes = record.grids.changes { summary += previousSummary(changes) }
        return summary
    }

    /// `previous` (how the earlier plan was matched), then the changed units and their weight and area shares.
    private static func previousSummary(_ c: PlanChanges) -> [(String, JSONValue)] {
        let previous: [(String, JSONValue)] = [
            ("matched_by", .string(c.method)), ("earlier_grids", .int(c.earlierGrids)), ("kept_grid_ids", .int(c.keptGrids)),
        ]
        return [
            ("previous", .object(previous)),
            ("changed_units", .int(c.moved.units)),
            ("changed_weight_share", .number(Format.rounded(c.moved.weightShare, 6))),
            ("changed_area_share", .number(Format.rounded(c.moved.areaShare, 6))),
        ]
    }

    /// `mean_weight`, `min_weight`, `max_weight`, `max_abs_deviation` of the primary weight.
    static func weightRange(_ stats: [GridStats], total: Double) -> [(String, JSONValue)] {
        let primary = stats.map { $0.weights[0] }
        return [
            ("mean_weight", .number(Format.rounded(total / Double(max(1, stats.count)), 6))),
            ("min_weight", .number(Format.rounded(primary.min() ?? 0, 6))),
            ("max_weight", .number(Format.rounded(primary.max() ?? 0, 6))),
            ("max_abs_deviation", .number(Format.rounded(stats.map { abs($0.deviation) }.max() ?? 0, 6))),
        ]
    }

    /// `exclaves`, `mean_polsby_popper`, `min_polsby_popper`.
    static func compactness(_ stats: [GridStats]) -> [(String, JSONValue)] {
        let pps = stats.map(\.polsbyPopper)
        return [
            ("exclaves", .int(stats.reduce(0) { $0 + $1.exclaves })),
            ("mean_polsby_popper", .number(Format.rounded(pps.reduce(0, +) / Double(max(1, pps.count)), 6))),
            ("min_polsby_popper", .number(Format.rounded(pps.min() ?? 0, 6))),
        ]
    }

    /// `further_weights`: total, largest deviation and CV of every weight after the primary one.
    /// `max_abs_deviation` is relative to each grid's own station mean, as the primary weight's and as
    /// a `--weight-tolerance` band is checked; `county_max_abs_deviation` against the county-wide mean.
    static func furtherWeights(_ stats: [GridStats], names: [String]) -> (String, JSONValue)? {
        guard names.count > 1 else { return nil }
        return (
            "further_weights",
            .array(
                (1..<names.count).map { k in
                    let values = stats.map { $0.weights[k] }
                    let mean = values.reduce(0, +) / Double(max(1, values.count))
                    let county = mean > 0 ? (values.map { abs($0 - mean) }.max() ?? 0) / mean : 0
                    return .object([
                        ("name", .string(names[k])),
                        ("total", .number(Format.rounded(values.reduce(0, +), 6))),
                        ("max_abs_deviation", .number(Format.rounded(stationDeviation(stats, weight: k), 6))),
                        ("county_max_abs_deviation", .number(Format.rounded(county, 6))),
                        ("coefficient_of_variation", .number(Format.rounded(cv(values), 6))),
                    ])
                })
        )
    }

    /// The largest |w − m| / m of weight `k` over grids, m the mean of the grid's own station.
    /// - Complexity: O(grids × stations).
    static func stationDeviation(_ stats: [GridStats], weight k: Int) -> Double {
        let stations = stationMeans(stats, weight: k)
        var worst = 0.0
        for s in stats {
            guard let mean = stations.first(where: { $0.name == s.jurisdiction })?.mean, mean > 0 else { continue }
            worst = max(worst, abs(s.weights[k] - mean) / mean)
        }
        return worst
    }

    /// Each station's mean grid total of weight `k`, stations in the order their first grid comes.
    /// - Complexity: O(grids × stations).
    static func stationMeans(_ stats: [GridStats], weight k: Int) -> [(name: String, mean: Double)] {
        var stations: [(name: String, total: Double, count: Int)] = []
        for s in stats {
            if let i = stations.firstIndex(where: { $0.name == s.jurisdiction }) {
                stations[i].total += s.weights[k]
                stations[i].count += 1
            } else {
                stations.append((s.jurisdiction, s.weights[k], 1))
            }
        }
        return stations.map { ($0.name, $0.total / Double($0.count)) }
    }

    static func warningJSON(_ d: Diagnostic) -> JSONValue {
        .object([
            ("code", .string(d.code.rawValue)), ("file", .string(d.file)), ("location", .string(d.location)),
            ("message", .string(d.message)), ("count", .int(d.count)),
        ])
    }

    /// Coefficient of variation (population standard deviation / mean).
    static func cv(_ v: [Double]) -> Double {
        guard !v.isEmpty else { return 0 }
        let mean = v.reduce(0, +) / Double(v.count)
        guard mean > 0 else { return 0 }
        let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count)
        return variance.squareRoot() / mean
    }

    /// The report with `timings_s` filled in from the stage clock.
    static func withTimings(_ report: JSONValue, clock: StageClock) -> JSONValue {
        guard case .object(var members) = report else { return report }
        let t: [(String, JSONValue)] = clock.json.map { ($0.0, .number(Format.rounded($0.1, 4))) }
        members.removeAll { $0.0 == "resources" }
        members.append(("resources", .object([("peak_rss_mb", .number(Format.rounded(PeakMemory.megabytes(), 1)))])))
        if let i = members.firstIndex(where: { $0.0 == "timings_s" }) {
            members[i].1 = .object(t)
        } else {
            members.append(("timings_s", .object(t)))
        }
        return .object(members)
    }

    /// Looks up `object.key.key…` in a report.
    static func value(_ report: JSONValue, _ path: String...) -> JSONValue? {
        var current = report
        for key in path {
            guard case .object(let members) = current, let next = members.first(where: { $0.0 == key })?.1 else { return nil }
            current = next
        }
        return current
    }

    static func number(_ v: JSONValue?) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .number(let d): return d
        default: return 0
        }
    }

    /// Label/value pairs for the summary panel of report.html.
    static func summaryPairs(_ report: JSONValue) -> [(String, String)] {
        let s = { (key: String) in number(value(report, "summary", key)) }
        let i = { (key: String) in number(value(report, "input", key)) }
        return [
            ("Grids", Format.fixed(s("grids"), 0)),
            ("Units", Format.fixed(s("units"), 0)),
            ("Mean weight", Format.fixed(s("mean_weight"), 1)),
            ("Weight range", "\(Format.fixed(s("min_weight"), 1)) – \(Format.fixed(s("max_weight"), 1))"),
            ("Max |deviation|", Format.percent(s("max_abs_deviation"))),
            ("Contiguity", contiguityText(report)),
            ("Polsby-Popper mean / min", "\(Format.fixed(s("mean_polsby_popper"), 3)) / \(Format.fixed(s("min_polsby_popper"), 3))"),
            ("Points used / excluded", "\(Format.fixed(i("points_used"), 0)) / \(Format.fixed(i("points_excluded"), 0))"),
        ] + bandTexts(report).map { ($0.name, $0.text) } + (barrierText(report).map { [("Grid edges on streets", $0)] } ?? [])
    }

    /// With `--barriers`: how much of the interior grid boundary follows the lines, in words that say
    /// how it was measured (partition: on the lines; evaluate: within `barrier_distance_m`).
    static func barrierText(_ report: JSONValue) -> String? {
        guard let share = value(report, "summary", "barrier_share") else { return nil }
        let distance = value(report, "summary", "barrier_distance_m").map { "within \(Format.fixed(number($0), 0)) m of" } ?? "on"
        return "\(Format.percent(number(share))) of the interior grid boundary \(distance) the barrier lines"
    }

    /// With `--weight-tolerance`: each banded further weight's largest deviation from its station's
    /// mean beside its band, e.g. ("incidents", "max |deviation| 4.8% (band ±5.0%)").
    static func bandTexts(_ report: JSONValue) -> [(name: String, text: String)] {
        guard case .object(let bands)? = value(report, "parameters", "weight_tolerances"),
            case .array(let further)? = value(report, "summary", "further_weights")
        else { return [] }
        return bands.compactMap { name, band in
            guard let w = further.first(where: { value($0, "name") == .string(name) }) else { return nil }
            return (name, "max |deviation| \(Format.percent(number(value(w, "max_abs_deviation")))) (band ±\(Format.percent(number(band))))")
        }
    }

    /// The warnings in a report, each counted as often as it occurred.
    static func warningCount(_ report: JSONValue) -> Double {
        guard case .array(let list)? = value(report, "input", "warnings") else { return 0 }
        return list.reduce(0) { $0 + number(value($1, "count")) }
    }

    /// The ten-line summary for stdout.
    static func summaryLines(_ report: JSONValue, outputPath: String) -> [String] {
        let s = { (key: String) in number(value(report, "summary", key)) }
        let i = { (key: String) in number(value(report, "input", key)) }
        let warnings = warningCount(report)
        return [
            "grids:            \(Format.fixed(s("grids"), 0)) from \(Format.fixed(s("units"), 0)) units",
            "weight per grid:  \(Format.fixed(s("min_weight"), 1)) – \(Format.fixed(s("max_weight"), 1)) (mean \(Format.fixed(s("mean_weight"), 1)))",
            "max |deviation|:  \(Format.percent(s("max_abs_deviation"))) (tolerance \(Format.percent(number(value(report, "parameters", "tolerance")))))",
            "contiguous:       \(contiguityText(report))",
            "compactness:      Polsby-Popper mean \(Format.fixed(s("mean_polsby_popper"), 3)), min \(Format.fixed(s("min_polsby_popper"), 3))",
            "points:           \(Format.fixed(i("points_used"), 0)) used, \(Format.fixed(i("points_excluded"), 0)) excluded",
        ] + bandTexts(report).map { "\($0.name):" + String(repeating: " ", count: max(1, 17 - $0.name.count)) + $0.text }
            + (barrierText(report).map { ["streets:          \($0)"] } ?? []) + [
            "warnings:         \(Format.fixed(warnings, 0)) (details in report.json)",
            "time:             \(Format.fixed(number(value(report, "timings_s", "total")), 2)) s",
            "written to:       \(outputPath)/",
        ]
    }
}

extension ReportBuilder {
    /// `contiguous_grids` (in one piece) and `grids_with_exclaves` (several parts), counted from the parts
    /// of each grid the same way by partition and evaluate; partition adds `split_grids`, the grids with
    /// parts the optimizer did not declare as islands (always 0 unless something is broken).
    static func contiguity(parts: [Int], undeclared: Int?) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = [
            ("contiguous_grids", .int(parts.filter { $0 == 1 }.count)),
            ("grids_with_exclaves", .int(parts.filter { $0 > 1 }.count)),
        ]
        if let undeclared { out.append(("split_grids", .int(undeclared))) }
        return out
    }

    /// "N in one piece, M with declared island parts" (partition) or "… with several parts" (evaluate,
    /// which cannot know which parts are islands), the same count either way.
    static func contiguityText(_ report: JSONValue) -> String {
        let s = { (key: String) in number(value(report, "summary", key)) }
        var text = "\(Format.fixed(s("contiguous_grids"), 0)) in one piece"
        if value(report, "summary", "split_grids") != nil {
            text += ", \(Format.fixed(s("grids_with_exclaves"), 0)) with declared island parts"
            if s("split_grids") > 0 { text += " (\(Format.fixed(s("split_grids"), 0)) split: a bug, please report)" }
        } else {
            text += ", \(Format.fixed(s("grids_with_exclaves"), 0)) with several parts"
        }
        return text
    }

    /// Balance across station areas: each grid against the county-wide mean (a station whose grids all
    /// weigh twice the county mean is within ±5% of its own mean, not of the county's), and the spread of
    /// the stations' own means. Same keys for partition and evaluate.
    static func countySpread(_ stats: [GridStats]) -> [(String, JSONValue)] {
        let weights = stats.map { $0.weights[0] }
        let mean = weights.reduce(0, +) / Double(max(1, weights.count))
        guard mean > 0 else { return [("county_max_abs_deviation", .number(0)), ("station_spread", .number(0))] }
        let worst = weights.map { abs($0 - mean) / mean }.max() ?? 0
        let spread = stationMeans(stats, weight: 0).map { abs($0.mean - mean) / mean }.max() ?? 0
        return [
            ("county_max_abs_deviation", .number(Format.rounded(worst, 6))),
            ("station_spread", .number(Format.rounded(spread, 6))),
        ]
    }

    /// Holes of the station areas' union: all of them, and those filled below the threshold (m²).
    static func gapsJSON(_ g: StationGaps, threshold: Double) -> JSONValue {
        .object([
            ("count", .int(g.all.count)),
            ("total_m2", .number(Format.rounded(g.all.totalArea, 1))),
            ("largest_m2", .number(Format.rounded(g.all.largestArea, 1))),
            ("fill_threshold_m2", .number(threshold)),
            ("filled", .int(g.filled.count)),
            ("filled_m2", .number(Format.rounded(g.filled.totalArea, 1))),
        ])
    }
}
