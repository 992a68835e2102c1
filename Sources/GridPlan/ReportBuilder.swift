import GridIO
import GridModel

/// Builds `report.json` (SPEC.md: tool, parameters, input, summary, grids, timings_s) and the
/// human summary printed at the end of a run.
enum ReportBuilder {
    static let toolName = "gridplan"
    static let toolVersion = "0.1.0"

    static func partitionReport(_ record: PartitionRecord) -> JSONValue {
        let c = record.config, inputs = record.inputs, projected = record.projected, units = record.units
        let a = record.aggregated, solution = record.solution, grids = record.grids
        let names = projected.names.names
        let stats = grids.stats
        var parameters: [(String, JSONValue)] = [
            ("boundary", .string(c.boundaryPath)),
            ("boundary_id", c.boundaryIdField.map { .string($0) } ?? .null),
            ("points", c.pointsPath.map { .string($0) } ?? .null),
            ("units", c.unitsPath.map { .string($0) } ?? .null),
            ("weights", .array(a.weightNames.map { .string($0) })),
            ("input_crs", .object([
                ("boundary", .string(inputs.boundaryCRS)),
                ("points", .string(inputs.pointsCRS)),
            ])),
            ("work_crs", .string(projected.workCRS)),
            ("cell_size_m", units.cellSizeMetres.map { .number($0) } ?? .null),
            ("grids", .int(solution.gridsPerJurisdiction.reduce(0, +))),
            ("grids_per_jurisdiction", .array(zip(names, solution.gridsPerJurisdiction).map {
                .object([("jurisdiction", .string($0.0)), ("grids", .int($0.1))])
            })),
            ("target", c.targetWeight.map { .number($0) } ?? .null),
            ("tolerance", .number(c.toleranceFraction)),
            ("seed", .int(Int(truncatingIfNeeded: c.seed))),
            ("code_prefix", c.codePrefix.map { .string($0) } ?? .null),
            ("time_limit_s", c.timeLimitSeconds.map { .number($0) } ?? .null),
        ]
        parameters.append(("units_count", .int(units.set.area.count)))
        if !c.barrierPaths.isEmpty {
            parameters.append(("barriers", .array(c.barrierPaths.map { .string($0) })))
            parameters.append(("hard_barriers", .array(c.hardBarrierPaths.map { .string($0) })))
            if let r = units.blocks?.report {
                parameters.append(("blocks", .object([
                    ("raw_faces", .int(r.rawFaces)), ("slivers_merged", .int(r.sliversMerged)), ("blocks", .int(r.blocks)),
                    ("heavy_blocks_split", .int(r.heavyBlocks)), ("water_units", .int(r.waterUnits)),
                    ("snapped_ends", .int(r.snappedEnds)), ("bridge_links", .int(r.bridgeLinks)),
                ])))
            }
        }
        let totalWeight = a.unitWeights[0].reduce(0, +)
        let input: JSONValue = .object([
            ("boundary_features", .int(inputs.boundaryFeatureCount)),
            ("jurisdictions", .int(names.count)),
            ("points_read", .int(inputs.points.table.count)),
            ("points_used", .int(a.pointsUsed)),
            ("points_excluded", .int(a.pointsExcluded)),
            ("total_weight", .number(Format.rounded(totalWeight, 6))),
            ("warnings", .array(record.warnings.map(warningJSON))),
        ])
        let pps = stats.map(\.polsbyPopper)
        let contiguous = zip(grids.numbering.order, stats).filter { g, s in
            s.exclaves <= (solution.result.exclaveParts.indices.contains(g) ? solution.result.exclaveParts[g] : 0)
        }.count
        var summary: [(String, JSONValue)] = [
            ("grids", .int(stats.count)),
            ("units", .int(units.set.area.count)),
            ("mean_weight", .number(Format.rounded(totalWeight / Double(max(1, stats.count)), 6))),
            ("min_weight", .number(Format.rounded(stats.map { $0.weights[0] }.min() ?? 0, 6))),
            ("max_weight", .number(Format.rounded(stats.map { $0.weights[0] }.max() ?? 0, 6))),
            ("max_abs_deviation", .number(Format.rounded(stats.map { abs($0.deviation) }.max() ?? 0, 6))),
            ("within_tolerance", .bool(solution.result.withinTolerance)),
            ("contiguous_grids", .int(contiguous)),
            ("exclaves", .int(stats.reduce(0) { $0 + $1.exclaves })),
            ("mean_polsby_popper", .number(Format.rounded(pps.reduce(0, +) / Double(max(1, pps.count)), 6))),
            ("min_polsby_popper", .number(Format.rounded(pps.min() ?? 0, 6))),
            ("cut_edges", .int(solution.result.cutEdges)),
        ]
        if a.weightNames.count > 1 {
            summary.append(("further_weights", .array((1..<a.weightNames.count).map { k in
                let values = stats.map { $0.weights[k] }
                let mean = values.reduce(0, +) / Double(max(1, values.count))
                let dev = mean > 0 ? (values.map { abs($0 - mean) }.max() ?? 0) / mean : 0
                return .object([
                    ("name", .string(a.weightNames[k])),
                    ("total", .number(Format.rounded(values.reduce(0, +), 6))),
                    ("max_abs_deviation", .number(Format.rounded(dev, 6))),
                    ("coefficient_of_variation", .number(Format.rounded(cv(values), 6))),
                ])
            })))
        }
        summary.append(("weight_cv", .number(Format.rounded(cv(stats.map { $0.weights[0] }), 6))))
        if let share = grids.barrierShare { summary.append(("barrier_share", .number(Format.rounded(share, 6)))) }
        if let changes = grids.changes {
            summary.append(("previous", .object([
                ("matched_by", .string(changes.method)),
                ("earlier_grids", .int(changes.earlierGrids)),
                ("kept_grid_ids", .int(changes.keptGrids)),
            ])))
            summary.append(("changed_units", .int(changes.changedUnits)))
            summary.append(("changed_weight_share", .number(Format.rounded(changes.changedWeightShare, 6))))
        }
        let gridRows: [JSONValue] = stats.map { .object($0.properties(weightNames: a.weightNames)) }
        return .object([
            ("tool", .object([("name", .string(toolName)), ("version", .string(toolVersion))])),
            ("parameters", .object(parameters)),
            ("input", input),
            ("summary", .object(summary)),
            ("grids", .array(gridRows)),
            ("timings_s", .null),
        ])
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
            ("Contiguous grids", "\(Format.fixed(s("contiguous_grids"), 0)) of \(Format.fixed(s("grids"), 0))"),
            ("Polsby-Popper mean / min", "\(Format.fixed(s("mean_polsby_popper"), 3)) / \(Format.fixed(s("min_polsby_popper"), 3))"),
            ("Points used / excluded", "\(Format.fixed(i("points_used"), 0)) / \(Format.fixed(i("points_excluded"), 0))"),
        ]
    }

    /// The ten-line summary for stdout.
    static func summaryLines(_ report: JSONValue, outputPath: String) -> [String] {
        let s = { (key: String) in number(value(report, "summary", key)) }
        let i = { (key: String) in number(value(report, "input", key)) }
        var warnings = 0.0
        if case .array(let list)? = value(report, "input", "warnings") {
            for w in list { warnings += number(value(w, "count")) }
        }
        return [
            "grids:            \(Format.fixed(s("grids"), 0)) from \(Format.fixed(s("units"), 0)) units",
            "weight per grid:  \(Format.fixed(s("min_weight"), 1)) – \(Format.fixed(s("max_weight"), 1)) (mean \(Format.fixed(s("mean_weight"), 1)))",
            "max |deviation|:  \(Format.percent(s("max_abs_deviation"))) (tolerance \(Format.percent(number(value(report, "parameters", "tolerance")))))",
            "contiguous:       \(Format.fixed(s("contiguous_grids"), 0)) of \(Format.fixed(s("grids"), 0)) grids (\(Format.fixed(s("exclaves"), 0)) island part(s) attached)",
            "compactness:      Polsby-Popper mean \(Format.fixed(s("mean_polsby_popper"), 3)), min \(Format.fixed(s("min_polsby_popper"), 3))",
            "points:           \(Format.fixed(i("points_used"), 0)) used, \(Format.fixed(i("points_excluded"), 0)) excluded",
            "warnings:         \(Format.fixed(warnings, 0)) (details in report.json)",
            "time:             \(Format.fixed(number(value(report, "timings_s", "total")), 2)) s",
            "written to:       \(outputPath)/",
        ]
    }
}
