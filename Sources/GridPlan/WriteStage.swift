import GridGDAL
import GridGeometry
import GridIO
import GridModel

/// A plain record of a finished `partition` run: what every stage produced (the prepared problem of
/// `read` … `graph`, the solution, the dissolved grids). The report is built from it.
struct PartitionRecord {
    var config: PartitionConfig
    var prepared: PreparedProblem
    var solution: Solution
    var grids: DissolvedGrids
    var warnings: [Diagnostic]
}

/// Stage `write`: builds every output in memory, stages it beside the output folder, then renames
/// all into place.
struct WriteStage {
    let context: PartitionContext
    private var config: PartitionConfig { context.config }

    /// - Parameter ahead: the conversions started before (started here when they were not).
    static func run(_ record: PartitionRecord, ahead: WriteAhead, output: OutputFolder, _ context: PartitionContext)
        throws(PipelineError) -> PartitionOutcome
    {
        try WriteStage(context: context).write(record, ahead: ahead, output: output)
    }

    private func write(_ measured: PartitionRecord, ahead: WriteAhead, output: OutputFolder) throws(PipelineError) -> PartitionOutcome {
        let projected = measured.prepared.projected, units = measured.prepared.units, a = measured.prepared.aggregated
        let solution = measured.solution
        let (files, report) = try context.stage("write", "writing \(config.outputPath)") {
            () throws(PipelineError) -> ([(String, [UInt8])], JSONValue) in
            let workCRS = projected.workCRS
            let set = units.set
            let gis = !config.outputFormats.allSatisfy { $0 == .geoJSON }
            // points.csv (a million rows: the largest file) is made on another thread meanwhile.
            let pointsJob = PointsOutput(
                points: projected.points, lonLat: ahead.pointsLonLat ?? ahead.startPoints(projected.points, workCRS: workCRS),
                pointUnit: a.pointUnit, unitGridIDs: solution.gridOfUnit.map { measured.grids.numbering.ids[$0.index] },
                stagingFile: output.stagingPath + "/points.csv", targetFile: output.path + "/points.csv", keepLonLat: gis)
            let pointsWork = BackgroundWork(concurrent: config.workerThreads > 1) { pointsJob.run() }
            // Never leave the stage with the other thread still writing into the staging folder.
            defer { _ = pointsWork.value() }
            let gridShapes = try outputShapes(measured.grids.shapes, from: workCRS, layer: "grids")
            let unitShapes = try outputShapes((ahead.unitShapes ?? ahead.startUnits(set.shapes, workCRS: workCRS)).value(), layer: "units")
            var record = measured
            record.grids = checkedParts(measured.grids, written: gridShapes, solution: solution)
            let grids = record.grids
            var gridFeatures: [OutputFeature] = []
            for (p, s) in grids.stats.enumerated() {
                gridFeatures.append(OutputFeature(id: p + 1, properties: s.properties(weightNames: a.weightNames), geometry: gridShapes[p]))
            }
            let unitFeatures = Self.unitFeatures(record, shapes: unitShapes)
            if config.outputFormats.contains(.geoJSON) {
                try output.stageFile("grids.geojson", GeoJSONWriter.featureCollection(gridFeatures, name: "grids"))
                try output.stageFile("units.geojson", GeoJSONWriter.featureCollection(unitFeatures, name: "units"))
            }
            let lonLat = try pointsWork.value().get()
            try output.adoptFile("points.csv")
            // GeoPackage, Shapefile and workbook first: their time is the write stage's, and their warnings
            // (a Shapefile field renamed) belong in the report.
            do throws(GridIOError) {
                try writeGIS(
                    GISLayers(
                        grids: gridFeatures, units: unitFeatures, pointRows: gis ? pointRows(pointsJob, lonLat) : [], lon: lonLat.lon,
                        lat: lonLat.lat), output: output)
            } catch {
                output.discard()
                throw PipelineError.input(error)
            }
            var soFar = record
            soFar.warnings = context.warnings
            let report = ReportBuilder.partitionReport(soFar)
            let gridEdges = GridAdjacency.neighbouringUnits(set, gridOfUnit: solution.gridOfUnit, numbering: grids.numbering)
            let html = HTMLReport.render(
                HTMLPage(
                    title: "gridplan: \(grids.stats.count) grids", subtitle: "partition \(config.boundaryPath)",
                    shapes: grids.shapes, borders: projected.jurisdictions.count > 1 ? projected.jurisdictions : [],
                    colors: GridColoring.colors(gridCount: grids.stats.count, edges: gridEdges), stats: grids.stats,
                    weightNames: a.weightNames, toleranceFraction: config.toleranceFraction,
                    summary: ReportBuilder.summaryPairs(report) + ReportBuilder.changePairs(report),
                    posts: posts(projected.centers?.table),
                    barrierLines: projected.barriers.map { b in
                        b.soft + b.hardLines + b.hardAreas.flatMap { $0.polygons.flatMap(\.rings) }
                    } ?? []))
            return ([("report.html", html)], report)
        }
        // report.json is serialised last so that its timings include the write stage.
        let finalReport = ReportBuilder.withTimings(report, clock: context.clock)
        try output.write(files.map { (name: $0.0, bytes: $0.1) } + [("report.json", JSONWriter.serialize(finalReport, pretty: true))])
        return PartitionOutcome(
            outputPath: config.outputPath, report: finalReport,
            summary: ReportBuilder.summaryLines(finalReport, outputPath: config.outputPath))
    }

    /// units.geojson's features: each unit with its grid, station, primary weight and area, in unit order.
    private static func unitFeatures(_ record: PartitionRecord, shapes: [MultiPolygon]) -> [OutputFeature] {
        let set = record.prepared.units.set, grids = record.grids, a = record.prepared.aggregated
        var features: [OutputFeature] = []
        for u in set.area.indices {
            let g = record.solution.gridOfUnit[u].index
            let j = Int(set.jurisdiction[u])
            features.append(
                OutputFeature(
                    id: u + 1,
                    properties: [
                        ("unit_id", .string(set.names[u])),
                        ("grid_id", .string(grids.numbering.ids[g])),
                        ("jurisdiction", .string(record.prepared.projected.names.name(j))),
                        ("weight", .number(Format.rounded(a.unitWeights[0][u], 6))),
                        ("area_km2", .number(Format.rounded(set.area[u] / 1e6, 6))),
                    ],
                    geometry: shapes[u]))
        }
        return features
    }

    /// `--format gpkg`: one plan.gpkg with the layers grids, units and points; `--format shp`: grids.shp,
    /// units.shp and points.shp with their sidecars; `--format xlsx`: plan.xlsx with the sheets grids and
    /// points. Written by GDAL into the staging folder, renamed with the rest.
    private func writeGIS(_ gis: GISLayers, output: OutputFolder) throws(GridIOError) {
        // Built only for the formats that use them (70 k unit features are not copied for nothing).
        let formats = config.outputFormats
        let layers = formats.contains(.geoPackage) || formats.contains(.shapefile) ? gis.mapLayers : []
        if config.outputFormats.contains(.geoPackage) {
            try GDALWriter.writeGeoPackage(path: output.stagingPath + "/plan.gpkg", layers: layers)
            try output.adopt(name: "plan.gpkg")
        }
        if config.outputFormats.contains(.workbook) {
            try GDALWriter.writeWorkbook(path: output.stagingPath + "/plan.xlsx", layers: gis.sheets)
            try output.adopt(name: "plan.xlsx")
        }
        if config.outputFormats.contains(.shapefile) {
            for layer in layers {
                for d in try GDALWriter.writeShapefile(folder: output.stagingPath, layer: layer) { context.warn(d) }
                for name in GDALWriter.shapefileNames(layer.name) { try output.adopt(name: name) }
            }
        }
    }

    /// The rows of points.csv as values (point_index, id, lon, lat, grid_id) for the GIS layers and
    /// the workbook.
    private func pointRows(_ job: PointsOutput, _ lonLat: WriteAhead.LonLat) -> [[JSONValue]] {
        let points = job.points
        var rows: [[JSONValue]] = []
        rows.reserveCapacity(points.count)
        for i in 0..<points.count {
            rows.append([
                .int(i), .string(points.ids.isEmpty ? "" : points.ids[i]), .number(Format.rounded(lonLat.lon[i], 7)),
                .number(Format.rounded(lonLat.lat[i], 7)), job.gridID(of: i).map { .string($0) } ?? .null,
            ])
        }
        return rows
    }
}

/// What `--format gpkg`, `shp` and `xlsx` write: the grid and unit features and the point rows.
struct GISLayers {
    static let pointFields = ["point_index", "id", "lon", "lat", "grid_id"]
    /// An Excel sheet holds 1,048,576 rows; one is the header.
    static let sheetRows = 1_048_575

    var grids: [OutputFeature]
    var units: [OutputFeature]
    /// Per point: the values of `pointFields`.
    var pointRows: [[JSONValue]]
    var lon: [Double]
    var lat: [Double]

    /// The map layers (GeoPackage, Shapefile): grids, units and points (point_index, id, grid_id at the point).
    var mapLayers: [VectorLayer] {
        [
            VectorLayer(name: "grids", features: grids), VectorLayer(name: "units", features: units),
            VectorLayer(
                name: "points", fieldNames: ["point_index", "id", "grid_id"], rows: pointRows.map { [$0[0], $0[1], $0[4]] },
                shapes: .points(x: lon, y: lat)),
        ]
    }

    /// The workbook's sheets: grids (their properties) and points (every column of points.csv), the
    /// points spread over sheets points, points_2, … when there are more than a sheet holds.
    var sheets: [VectorLayer] {
        var gridTable = VectorLayer(name: "grids", features: grids)
        gridTable.shapes = .none(rows: grids.count)
        var out = [gridTable]
        var start = 0
        repeat {
            let end = min(pointRows.count, start + Self.sheetRows)
            let name = start == 0 ? "points" : "points_\(start / Self.sheetRows + 1)"
            out.append(
                VectorLayer(name: name, fieldNames: Self.pointFields, rows: Array(pointRows[start..<end]), shapes: .none(rows: end - start)))
            start = end
        } while start < pointRows.count
        return out
    }
}

extension GridStats {
    /// The grid's properties in grids.geojson and report.json `grids`, in contract order.
    func properties(weightNames: [String]) -> [(String, JSONValue)] {
        var props: [(String, JSONValue)] = [
            ("grid_id", .string(gridID)),
            ("grid_code", .string(gridCode)),
            ("jurisdiction", .string(jurisdiction)),
            ("weight", .number(Format.rounded(weights[0], 6))),
            ("points", .int(points)),
            ("units", .int(units)),
            ("area_km2", .number(Format.rounded(areaKm2, 6))),
            ("perimeter_km", .number(Format.rounded(perimeterKm, 6))),
            ("polsby_popper", .number(Format.rounded(polsbyPopper, 6))),
            ("deviation", .number(Format.rounded(deviation, 6))),
        ]
        for k in 1..<max(1, weightNames.count) where k < weights.count {
            props.append((weightNames[k], .number(Format.rounded(weights[k], 6))))
        }
        // With --barriers only, so that outputs without barriers keep their schema; exclaves stays last.
        if let barrierShare { props.append(("barrier_share", .number(Format.rounded(barrierShare, 6)))) }
        props.append(("exclaves", .int(exclaves)))
        return props
    }
}

extension WriteStage {
    /// Independent check on the shapes as written (7 decimals): each grid's `exclaves` is its number of
    /// parts in the file less one, and a grid with more parts than the optimizer declared islands is
    /// reported (`GRID_NOT_CONTIGUOUS`, and `split_grids` in the summary). Counted in metres, a grid
    /// joined by a sub-centimetre neck passed as one piece and was written as two.
    func checkedParts(_ grids: DissolvedGrids, written: [MultiPolygon], solution: Solution) -> DissolvedGrids {
        var out = grids
        let declared = solution.result.exclaveParts
        for (p, g) in grids.numbering.order.enumerated() {
            out.stats[p].exclaves = max(0, written[p].polygons.count - 1)
            let islands = declared.indices.contains(g) ? declared[g] : 0
            guard out.stats[p].exclaves > islands else { continue }
            out.splitGrids += 1
            let id = out.stats[p].gridID
            context.warn(
                Diagnostic(
                    code: .gridNotContiguous, file: "grids.geojson", location: "grid \(id)",
                    message: "grid \(id) is written in \(out.stats[p].exclaves + 1) parts but only \(islands) declared island(s)"))
        }
        return out
    }

    /// Shapes as written: lon/lat with 7 decimals, valid after that rounding (a spike or hole thinner
    /// than the rounding step is snap-rounded away, with a warning counting them), CCW shells.
    func outputShapes(_ shapes: [MultiPolygon], from workCRS: String, layer: String) throws(PipelineError) -> [MultiPolygon] {
        try outputShapes(Result { () throws(GeometryError) in try context.engine.outputShapes(shapes, from: workCRS) }, layer: layer)
    }

    /// The shapes as written, made elsewhere (`WriteAhead`): a failure names `layer`, snapped parts
    /// are warned about.
    func outputShapes(_ made: Result<OutputShapes, GeometryError>, layer: String) throws(PipelineError) -> [MultiPolygon] {
        let out = try context.geometry(layer) { () throws(GeometryError) in try made.get() }
        if let first = out.snapped.first {
            context.warn(
                Diagnostic(
                    code: .outputSnapped, file: "\(layer).geojson", location: "feature \(first + 1)",
                    message: "\(out.snapped.count) \(out.snapped.count == 1 ? String(layer.dropLast()) : layer) had a part thinner than 1e-7° that rounding to 7 decimals would make invalid; it was snap-rounded away",
                    count: out.snapped.count))
        }
        return out.shapes
    }
}

extension WriteStage {
    /// Police posts (metres) for the map.
    func posts(_ table: PointTable?) -> [(x: Double, y: Double)] {
        guard let t = table else { return [] }
        return (0..<t.count).map { (t.x[$0], t.y[$0]) }
    }
}
