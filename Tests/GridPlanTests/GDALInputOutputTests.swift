import Foundation
import Testing

/// The bureau's own files end to end (issue 12): a GBK Shapefile in EPSG:4549 and a GBK CSV with POINT_X,POINT_Y give
/// the grids of the same data as GeoJSON and CSV in WGS84; GeoPackage and Shapefile outputs; a map drawn elsewhere as
/// --previous; a command-line CRS over the .prj. Fixtures are made with ogr2ogr from the test inputs.
@Suite(.serialized, .enabled(if: GDALTools.find("ogr2ogr") != nil, "gdal-bin (ogr2ogr) makes these fixtures"))
struct GDALInputOutputTests {
    static let inputs = GridplanBinary.packageRoot.appendingPathComponent("Tests/GridPlanTests/Fixtures/inputs")
    static let loose = ["--grids", "3", "--cell-size", "500", "--time-limit", "2", "--tolerance", "0.4", "--quiet", "--force"]

    static func ogr(_ arguments: [String]) throws {
        let tool = try #require(GDALTools.find("ogr2ogr"))
        let r = try GISImportTests.run(tool, arguments)
        #expect(r.status == 0, "ogr2ogr \(arguments): \(r.output)")
    }

    static func grids(_ folder: URL) throws -> [[String: Any]] {
        try OutputCheck.features(Data(contentsOf: folder.appendingPathComponent("grids.geojson")))
    }

    static func report(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func warningCodes(_ folder: URL) throws -> [String] {
        let input = try #require(try report(folder)["input"] as? [String: Any])
        return (input["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    /// Largest distance (degrees) from a vertex of one grid to the nearest vertex of the same grid in the other
    /// file, both ways: rings may start elsewhere or run the other way (a Shapefile stores shells clockwise).
    static func largestDifference(_ a: [[String: Any]], _ b: [[String: Any]]) throws -> Double {
        var worst = 0.0
        for (fa, fb) in zip(a, b) {
            let va = try vertices(fa), vb = try vertices(fb)
            for (from, to) in [(va, vb), (vb, va)] {
                for p in from {
                    var best = Double.infinity
                    for q in to { best = min(best, max(abs(p.0 - q.0), abs(p.1 - q.1))) }
                    worst = max(worst, best)
                }
            }
        }
        return worst
    }

    static func vertices(_ feature: [String: Any]) throws -> [(Double, Double)] {
        var out: [(Double, Double)] = []
        for polygon in try OutputCheck.multiPolygon(feature).polygons {
            for ring in polygon.rings { for k in stride(from: 0, to: ring.count - 1, by: 2) { out.append((ring[k], ring[k + 1])) } }
        }
        return out
    }

    @Test("a GBK Shapefile in EPSG:4549 (no .cpg) and a GBK CSV with POINT_X,POINT_Y give the WGS84 GeoJSON+CSV grids within 1e-6°")
    func gbkShapefileAndCSV() throws {
        let dir = try GridplanBinary.temporaryFolder("gbk")
        let shp = dir.appendingPathComponent("镇街.shp").path
        try Self.ogr(["-f", "ESRI Shapefile", "-t_srs", "EPSG:4549", "-lco", "ENCODING=GBK", shp, Self.inputs.appendingPathComponent("boundary.geojson").path])
        try? FileManager.default.removeItem(atPath: dir.appendingPathComponent("镇街.cpg").path)
        // Points: 编号,人口 and POINT_X,POINT_Y in EPSG:4549, saved as GBK.
        let utf8CSV = dir.appendingPathComponent("p-utf8.csv").path
        try Self.ogr([
            "-f", "CSV", utf8CSV, Self.inputs.appendingPathComponent("cjk-points.csv").path, "-oo", "X_POSSIBLE_NAMES=经度",
            "-oo", "Y_POSSIBLE_NAMES=纬度", "-s_srs", "EPSG:4326", "-t_srs", "EPSG:4549", "-lco", "GEOMETRY=AS_XY", "-select", "编号,人口",
        ])
        var text = try String(contentsOfFile: utf8CSV, encoding: .utf8)
        text = "POINT_X,POINT_Y" + text.dropFirst(3)
        let gbk = try gbkBytes(text)
        #expect(gbk.count < text.utf8.count, "GBK is shorter than UTF-8 for Chinese text")
        let csv = dir.appendingPathComponent("点位.csv")
        try gbk.write(to: csv)

        let reference = dir.appendingPathComponent("ref"), shpOut = dir.appendingPathComponent("shp")
        let common = ["--weight", "人口", "--id-field", "编号"] + Self.loose
        let r1 = try GridplanBinary.run(
            ["partition", "--boundary", Self.inputs.appendingPathComponent("boundary.geojson").path, "--points",
             Self.inputs.appendingPathComponent("cjk-points.csv").path, "--out", reference.path] + common)
        #expect(r1.status == 0, "\(r1.stderr)")
        let r2 = try GridplanBinary.run(
            ["partition", "--boundary", shp, "--points", csv.path, "--encoding", "gbk", "--x-field", "POINT_X", "--y-field", "POINT_Y",
             "--points-crs", "EPSG:4549", "--out", shpOut.path] + common)
        #expect(r2.status == 0, "\(r2.stderr)")
        let a = try Self.grids(reference), b = try Self.grids(shpOut)
        #expect(a.count == 3 && b.count == 3)
        let difference = try Self.largestDifference(a, b)
        #expect(difference <= 1e-6, "\(difference)")
        #expect(try Self.warningCodes(shpOut).contains("CRS_FROM_FILE"))
        let ids = try String(contentsOf: shpOut.appendingPathComponent("points.csv"), encoding: .utf8)
        #expect(ids.contains("户0"), "GBK ids decoded")
    }

    /// GBK bytes through iconv when Foundation on Linux has no GB18030 converter.
    func gbkBytes(_ text: String) throws -> Data {
        let dir = try GridplanBinary.temporaryFolder("iconv")
        let src = dir.appendingPathComponent("in.txt")
        try Data(text.utf8).write(to: src)
        let iconv = try #require(GDALTools.find("iconv"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: iconv)
        process.arguments = ["-f", "UTF-8", "-t", "GBK", src.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test("--format geojson,gpkg,shp: ogrinfo is silent, and the GeoPackage and Shapefiles keep every feature and field")
    func gisOutputs() throws {
        let out = try GridplanBinary.temporaryFolder("formats")
        let r = try GridplanBinary.run(
            ["partition", "--boundary", Self.inputs.appendingPathComponent("boundary.geojson").path, "--points",
             Self.inputs.appendingPathComponent("points.csv").path, "--id-field", "id", "--weight", "w", "--format", "geojson,gpkg,shp",
             "--out", out.path] + Self.loose)
        #expect(r.status == 0, "\(r.stderr)")
        let ogrinfo = try #require(GDALTools.ogrinfo)
        let grids = try Self.grids(out)
        let gridFields = (grids.first?["properties"] as? [String: Any])?.count ?? 0
        for (file, layer, count, fields) in [
            ("plan.gpkg", "grids", grids.count, gridFields), ("plan.gpkg", "points", 144, 3), ("grids.shp", "grids", grids.count, gridFields),
            ("points.shp", "points", 144, 3),
        ] {
            let info = try GISImportTests.run(ogrinfo, ["-ro", "-so", out.appendingPathComponent(file).path, layer])
            #expect(info.status == 0 && GISImportTests.complaints(info.output).isEmpty, "\(file): \(info.output)")
            #expect(GISImportTests.featureCount(info.output) == count, "\(file) \(layer)")
            #expect(GISImportTests.fieldCount(info.output) == fields, "\(file) \(layer): \(info.output)")
        }
        #expect(try String(contentsOf: out.appendingPathComponent("grids.cpg"), encoding: .utf8).hasPrefix("UTF-8"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("units.prj").path))
        let bad = try GridplanBinary.run(["partition", "--boundary", "b.geojson", "--grids", "2", "--out", out.path, "--format", "dxf"])
        #expect(bad.status == 64 && bad.stderr.contains("unknown output format"), "\(bad.stderr)")
    }

    @Test(
        "Kecheng's townships as a GBK Shapefile in EPSG:4549 with GBK POINT_X,POINT_Y points give the WGS84 GeoJSON+CSV grids (Scripts/check-gdal-kecheng)",
        .enabled(if: GridplanBinary.sharedData != nil, "../shared/data is not beside the checkout"))
    func kechengBureauFiles() throws {
        let work = try GridplanBinary.temporaryFolder("kecheng")
        let shared = try #require(GridplanBinary.sharedData)
        let r = try GISImportTests.run(
            "/usr/bin/env",
            ["GRIDPLAN_BIN=\(GridplanBinary.executable.path)", "SHARED_DATA=\(shared.path)", "bash",
             GridplanBinary.packageRoot.appendingPathComponent("Scripts/check-gdal-kecheng").path, work.path])
        #expect(r.status == 0 && r.output.contains("check-gdal-kecheng: PASS"), "\(r.output.suffix(1500))")
    }

    @Test("--format xlsx: plan.xlsx holds the grids and every points.csv row, Chinese ids and leading zeros kept as text")
    func workbookOutput() throws {
        let dir = try GridplanBinary.temporaryFolder("xlsx")
        let source = try String(contentsOf: Self.inputs.appendingPathComponent("points.csv"), encoding: .utf8)
        var lines = source.split(separator: "\n").map(String.init)
        // Ids a CSV opened in Excel would mangle: Chinese text and a number with a leading zero.
        for k in 1..<lines.count {
            let id = k % 3 == 0 ? "东港派出所-\(k)" : k % 3 == 1 ? "0\(500 + k)" : "p\(k)"
            lines[k] = id + lines[k].drop { $0 != "," }
        }
        let points = dir.appendingPathComponent("点位.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: points, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let r = try GridplanBinary.run(
            ["partition", "--boundary", Self.inputs.appendingPathComponent("boundary.geojson").path, "--points", points.path,
             "--id-field", "id", "--weight", "w", "--format", "geojson,xlsx", "--out", out.path] + Self.loose)
        #expect(r.status == 0, "\(r.stderr)")
        let sheet = dir.appendingPathComponent("points-sheet.csv")
        try Self.ogr([
            "-f", "CSV", sheet.path, out.appendingPathComponent("plan.xlsx").path, "points", "--config", "OGR_XLSX_HEADERS", "FORCE",
            "--config", "OGR_XLSX_FIELD_TYPES", "STRING",
        ])
        let written = try String(contentsOf: out.appendingPathComponent("points.csv"), encoding: .utf8).split(separator: "\n")
        // ogr2ogr quotes text cells; no value here holds a comma or a quote of its own.
        let read = try String(contentsOf: sheet, encoding: .utf8).replacingOccurrences(of: "\"", with: "").split(separator: "\n")
        #expect(read.count == written.count && written.count == lines.count, "\(read.count) sheet rows, \(written.count) csv rows")
        for (a, b) in zip(written, read) {
            let x = a.split(separator: ",", omittingEmptySubsequences: false), y = b.split(separator: ",", omittingEmptySubsequences: false)
            #expect(x.count == 5 && y.count == 5 && x[1] == y[1] && x[4] == y[4], "\(a) | \(b)")
            #expect(x.count == 5 && y.count == 5 && Double(x[2]) == Double(y[2]) && Double(x[3]) == Double(y[3]), "\(a) | \(b)")
        }
        #expect(read.contains { $0.contains("东港派出所-3,") } && read.contains { $0.hasPrefix("0,0501,") }, "\(read.prefix(4))")
        let ogrinfo = try #require(GDALTools.ogrinfo)
        let info = try GISImportTests.run(ogrinfo, ["-ro", "-so", out.appendingPathComponent("plan.xlsx").path, "grids"])
        #expect(GISImportTests.featureCount(info.output) == (try Self.grids(out)).count, "\(info.output)")
    }

    @Test("a map drawn elsewhere as --previous (Shapefile, its own id field): the same inputs keep every grid's id and nothing moves")
    func previousShapefile() throws {
        let dir = try GridplanBinary.temporaryFolder("previous")
        let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
        let args = ["--boundary", Self.inputs.appendingPathComponent("boundary.geojson").path, "--points",
                    Self.inputs.appendingPathComponent("points.csv").path, "--weight", "w"] + Self.loose
        let r1 = try GridplanBinary.run(["partition"] + args + ["--out", first.path])
        #expect(r1.status == 0, "\(r1.stderr)")
        let shp = dir.appendingPathComponent("现状网格.shp").path
        try Self.ogr([
            "-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", "-t_srs", "EPSG:4549", shp, first.appendingPathComponent("grids.geojson").path,
            "-dialect", "sqlite", "-sql", "SELECT geometry, 'B' || grid_id AS BEAT FROM grids",
        ])
        let r2 = try GridplanBinary.run(["partition"] + args + ["--previous", shp, "--previous-id", "BEAT", "--out", second.path])
        #expect(r2.status == 0, "\(r2.stderr)")
        let before = try Self.grids(first).compactMap { ($0["properties"] as? [String: Any])?["grid_id"] as? String }
        let after = try Self.grids(second).compactMap { ($0["properties"] as? [String: Any])?["grid_id"] as? String }
        #expect(after.sorted() == before.map { "B" + $0 }.sorted(), "\(after)")
        let summary = try #require(try Self.report(second)["summary"] as? [String: Any])
        #expect((summary["changed_weight_share"] as? Double) == 0 && (summary["changed_area_share"] as? Double) == 0, "\(summary)")
        let changes = try #require(try Self.report(second)["changes"] as? [[String: Any]])
        #expect(changes.count == after.count)
        #expect(changes.allSatisfy { ($0["earlier_id"] as? String) == ($0["grid_id"] as? String) && ($0["changed_weight"] as? Double) == 0 })
        let missing = try GridplanBinary.run(["partition"] + args + ["--previous", shp, "--out", dir.appendingPathComponent("x").path])
        #expect(missing.status == 65 && missing.stderr.contains("--previous-id"), "\(missing.stderr)")
    }

    @Test("a CRS declared on the command line wins over the .prj with CRS_OVERRIDDEN; an unknown extension names the formats read")
    func crsOverriddenAndUnsupported() throws {
        let dir = try GridplanBinary.temporaryFolder("override")
        let shp = dir.appendingPathComponent("b.shp").path
        try Self.ogr(["-f", "ESRI Shapefile", shp, Self.inputs.appendingPathComponent("boundary.geojson").path])
        let out = dir.appendingPathComponent("out")
        let r = try GridplanBinary.run(
            ["partition", "--boundary", shp, "--boundary-crs", "EPSG:4490", "--points", Self.inputs.appendingPathComponent("points.csv").path,
             "--out", out.path] + Self.loose)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.warningCodes(out).contains("CRS_OVERRIDDEN"))
        let dxf = try GridplanBinary.run(
            ["partition", "--boundary", dir.appendingPathComponent("plan.dxf").path, "--points", Self.inputs.appendingPathComponent("points.csv").path,
             "--grids", "2", "--out", dir.appendingPathComponent("out2").path])
        #expect(dxf.status == 65 && dxf.stderr.contains("unsupported format") && dxf.stderr.contains("GeoPackage"), "\(dxf.stderr)")
    }
}
