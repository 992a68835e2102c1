import GridGeometry
import GridIO
import GridModel

extension EvaluateRun {
    /// Builds report.json and report.html in memory, then writes both at once.
    func write(
        output: OutputFolder, map: GridMap, points: PointTable?, measured: MeasuredGrids, coverage: Coverage, change: MapChange?
    ) throws(PipelineError) -> EvaluateOutcome {
        let html = try stage("write", "writing \(config.outputPath)") { () throws(PipelineError) -> [UInt8] in
            let partial = ReportBuilder.evaluateReport(
                run: self, map: map, points: points, measured: measured, coverage: coverage, change: change)
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
                            ?? "weight = number of points in \(Self.fileName(p))") } ?? "no points: weights are zero")
                    + (change.map { " · compared with \(Self.fileName($0.file))" } ?? ""),
                shapes: map.shapes, borders: borders, earlier: change?.earlierShapes ?? [],
                colors: GridColoring.colors(gridCount: map.ids.count, edges: GridAdjacency.sharedVertices(map.shapes)),
                stats: measured.stats, weightNames: measured.weightNames, toleranceFraction: config.toleranceFraction,
                summary: ReportBuilder.evaluatePairs(partial), extraColumns: extra, unitsHeader: "features")
            return HTMLReport.render(page)
        }
        // report.json last, so that its timings include the write stage.
        let report = ReportBuilder.evaluateReport(
            run: self, map: map, points: points, measured: measured, coverage: coverage, change: change)
        do throws(GridIOError) {
            try output.stage(name: "report.html", bytes: html)
            try output.stage(name: "report.json", bytes: JSONWriter.serialize(report, pretty: true))
            try output.commit()
        } catch {
            output.discard()
            throw PipelineError(error)
        }
        return EvaluateOutcome(
            outputPath: config.outputPath, report: report,
            summary: ReportBuilder.evaluateLines(report, outputPath: config.outputPath))
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
