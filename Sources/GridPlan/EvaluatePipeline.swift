import GridGeometry
import GridIO
import GridModel

/// The result of a successful `evaluate`: what was written and the lines for the summary.
public struct EvaluateOutcome: Sendable {
    public var outputPath: String
    public var report: JSONValue
    /// About ten lines for a planner (stdout).
    public var summary: [String]
}

/// A plain record of an `evaluate` run: what every stage produced. The report is built from it.
struct EvaluateRecord {
    var config: EvaluateConfig
    var map: GridMap
    var points: PointFile?
    var measured: MeasuredGrids
    var coverage: Coverage
    var change: MapChange?
    var warnings: [Diagnostic]
    /// With `--barriers`: share of the interior boundary within the barrier distance.
    var barrierShare: Double?
    /// With `--barriers`: the lines (work CRS, metres), drawn on the map.
    var barrierLines: [[Double]] = []
}

/// The `evaluate` pipeline: read → project → points → measure → coverage → compare → write. Scores an
/// existing grid map with the same metrics, clock and input layer as `partition`.
public enum EvaluatePipeline {
    /// Reads the grid map (and points, boundary, earlier map), measures it and writes `report.json`
    /// and `report.html` into `config.outputPath`.
    /// - Throws: `PipelineError` naming the file and the problem; the output folder is then untouched.
    public static func run(_ config: EvaluateConfig, sink: @escaping PipelineSink) throws(PipelineError) -> EvaluateOutcome {
        try validate(config)
        let output = try OutputFolder.open(config.outputPath, force: config.force)
        do {
            let context = try EvaluateContext(config: config, sink: sink, listedStages: [])
            let map = try GridMapStage.run(context)
            let points = try EvaluatePointsStage.run(workCRS: map.workCRS, context)
            var measured = try MeasureStage.run(map, points: points, context)
            let barriers = try EvaluateBarrierStage.run(map, measured: &measured, context)
            let coverage = try CoverageStage.run(map, context)
            let change = try CompareStage.run(map, points: points, measured: measured, context)
            let record = EvaluateRecord(
                config: config, map: map, points: points, measured: measured, coverage: coverage, change: change,
                warnings: context.warnings, barrierShare: barriers?.share, barrierLines: barriers?.lines ?? [])
            return try EvaluateWriteStage.run(record, output: output, context)
        } catch {
            output.discard()
            throw error
        }
    }

    static func validate(_ c: EvaluateConfig) throws(PipelineError) {
        if c.gridIdField.isEmpty { throw .usage("--grid-id must name a property of the grid features") }
        if !(c.toleranceFraction > 0 && c.toleranceFraction < 1) {
            throw .usage("--tolerance must be between 0 and 1 exclusive (got \(c.toleranceFraction))")
        }
        if !c.weightFields.isEmpty && c.pointsPath == nil {
            throw .usage("--weight needs --points (the weights are point properties)")
        }
        if c.weightFields.count != Set(c.weightFields).count {
            throw .usage("--weight names a field twice")
        }
        if !(c.barrierDistanceMetres >= 0 && c.barrierDistanceMetres.isFinite) {
            throw .usage("--barrier-distance must be a number of metres ≥ 0 (got \(c.barrierDistanceMetres))")
        }
    }
}

/// Stage `write` of `evaluate`: builds report.json and report.html in memory, then writes both at once.
struct EvaluateWriteStage: ContextStage {
    let context: EvaluateContext

    static func run(_ record: EvaluateRecord, output: OutputFolder, _ context: EvaluateContext) throws(PipelineError) -> EvaluateOutcome {
        try EvaluateWriteStage(context: context).write(record, output: output)
    }

    private func write(_ record: EvaluateRecord, output: OutputFolder) throws(PipelineError) -> EvaluateOutcome {
        let map = record.map, measured = record.measured, coverage = record.coverage, change = record.change
        let html = try stage("write", "writing \(config.outputPath)") { () throws(PipelineError) -> [UInt8] in
            var soFar = record
            soFar.warnings = context.warnings
            let partial = ReportBuilder.evaluateReport(soFar, clock: context.clock)
            var borders: [MultiPolygon] = []
            if map.jurisdictionNames.count > 1 {
                for name in map.jurisdictionNames {
                    let members = map.ids.indices.filter { map.jurisdiction[$0] == name }.map { map.shapes[$0] }
                    borders.append(try geometry(config.gridsPath) { () throws(GeometryError) in try engine.union(members) })
                }
            } else if let boundary = coverage.boundary {
                borders = [boundary]
            }
            var extra: [(String, [String])] = [("parts", measured.parts.map { String($0) })]
            if let change { extra.append(("earlier grid", change.earlierID)) }
            let page = HTMLPage(
                title: "gridplan evaluate: \(map.ids.count) grids in \(Self.fileName(config.gridsPath))",
                subtitle: "grid id \(config.gridIdField) · "
                    + (config.pointsPath.map { p in
                        (config.weightFields.first.map { "weight \($0) of the points in \(Self.fileName(p))" }
                            ?? "weight = number of points in \(Self.fileName(p))")
                    } ?? "no points: weights are zero")
                    + (change.map { " · compared with \(Self.fileName($0.file))" } ?? ""),
                shapes: map.shapes, borders: borders, earlier: change?.earlierShapes ?? [],
                colors: GridColoring.colors(gridCount: map.ids.count, edges: GridAdjacency.sharedVertices(map.shapes)),
                stats: measured.stats, weightNames: measured.weightNames, toleranceFraction: config.toleranceFraction,
                summary: ReportBuilder.evaluatePairs(partial), extraColumns: extra, unitsHeader: "features",
                barrierLines: record.barrierLines, measuresBalance: ReportBuilder.measuresBalance(partial))
            return HTMLReport.render(page)
        }
        // report.json last, so that its timings include the write stage.
        var final = record
        final.warnings = context.warnings
        let report = ReportBuilder.evaluateReport(final, clock: context.clock)
        try output.write([("report.html", html), ("report.json", JSONWriter.serialize(report, pretty: true))])
        return EvaluateOutcome(
            outputPath: config.outputPath, report: report,
            summary: ReportBuilder.evaluateLines(report, outputPath: config.outputPath))
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
