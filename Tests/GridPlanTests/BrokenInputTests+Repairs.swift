import Foundation
import Testing

/// Repairable and valid-but-unusual inputs: partition succeeds and report.json counts every repair.
extension BrokenInputTests {
    struct RepairCase: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        /// Warning code → count expected in report.json `input.warnings` (exactly these codes).
        var warnings: [String: Int]
        var pointsUsed: Int
        var testDescription: String { name }
    }

    /// Sparse fixtures cannot be balanced to ±5 %: these cases are about reading, not balance.
    static let loose = ["--grids", "3", "--cell-size", "500", "--time-limit", "2", "--tolerance", "0.4", "--quiet"]

    static func plan(_ boundary: String, _ points: String, _ more: [String] = []) -> [String] {
        ["--boundary", boundary, "--points", points] + more + loose
    }

    static let repairCases: [RepairCase] = [
        .init(name: "bowtie made valid", arguments: plan("bowtie.geojson", "points.csv"),
              warnings: ["POLYGON_REPAIRED": 1, "POINT_OUTSIDE_BOUNDARY": 72], pointsUsed: 72),
        .init(name: "unclosed ring closed", arguments: plan("unclosed-ring.geojson", "points.csv"), warnings: ["RING_CLOSED": 1], pointsUsed: 144),
        .init(name: "null geometry skipped", arguments: plan("null-geometry.geojson", "points.csv"), warnings: ["GEOMETRY_NULL": 1], pointsUsed: 144),
        .init(name: "same coordinates and id warned and kept (nothing is lost), same coordinates with another id kept silently",
              arguments: plan("boundary.geojson", "points-duplicates.csv", ["--id-field", "id"]), warnings: ["POINT_DUPLICATE": 2], pointsUsed: 19),
        .init(name: "without ids, points at one address are all kept", arguments: plan("boundary.geojson", "points-duplicates.csv"), warnings: [:], pointsUsed: 19),
        .init(name: "points outside excluded, the far one flagged", arguments: plan("boundary.geojson", "points-outside.csv"),
              warnings: ["POINT_OUTSIDE_BOUNDARY": 2, "POINT_FAR_FROM_BOUNDARY": 1], pointsUsed: 16),
        .init(name: "an empty or text coordinate skips its row, counted", arguments: plan("boundary.geojson", "points-coordinate-missing.csv"),
              warnings: ["COORDINATE_MISSING": 2], pointsUsed: 142),
        .init(name: "empty weights skipped", arguments: plan("boundary.geojson", "points-weight-missing.csv", ["--weight", "w"]),
              warnings: ["WEIGHT_MISSING": 2], pointsUsed: 14),
        .init(name: "GCJ-02 points against a WGS84 boundary are suggested, not converted", arguments: plan("boundary.geojson", "points-gcj02.csv"),
              warnings: ["POINT_OUTSIDE_BOUNDARY": 23, "CRS_SUSPECT_GCJ02": 23], pointsUsed: 121),
        .init(name: "a GCJ-02 boundary against WGS84 points is suggested", arguments: plan("boundary-gcj02.geojson", "points.csv"),
              warnings: ["POINT_OUTSIDE_BOUNDARY": 23, "CRS_SUSPECT_GCJ02": 23], pointsUsed: 121),
        .init(name: "GCJ-02 inputs declared with --input-crs gcj02", arguments: plan("boundary-gcj02.geojson", "points-gcj02.csv", ["--input-crs", "gcj02"]),
              warnings: [:], pointsUsed: 144),
        .init(name: "DataV outline with adcodes read as WGS84 is suspected GCJ-02", arguments: plan("datav-counties.geojson", "points-gcj02.csv"),
              warnings: ["CRS_SUSPECT_GCJ02": 1], pointsUsed: 144),
        .init(name: "MultiPolygon with an island, a hole and CJK names", arguments: plan("islands-holes.geojson", "points.csv", ["--boundary-id", "所"]),
              warnings: ["POINT_OUTSIDE_BOUNDARY": 9], pointsUsed: 135),
        .init(name: "points that cover one of two stations: the other's grid is balanced by area and the plan stands",
              arguments: plan("islands-holes.geojson", "points-west.csv", ["--boundary-id", "所"]),
              warnings: ["JURISDICTION_NO_WEIGHT": 1], pointsUsed: 72),
        .init(name: "clockwise shell with a counter-clockwise hole", arguments: plan("clockwise.geojson", "points.csv"),
              warnings: ["POINT_OUTSIDE_BOUNDARY": 9], pointsUsed: 135),
        .init(name: "3D coordinates", arguments: plan("three-d.geojson", "points.csv"), warnings: [:], pointsUsed: 144),
        .init(name: "a single Feature", arguments: plan("single-feature.geojson", "points.csv"), warnings: [:], pointsUsed: 144),
        .init(name: "a bare geometry", arguments: plan("bare-geometry.geojson", "points.csv"), warnings: [:], pointsUsed: 144),
        .init(name: "BOM and CRLF in GeoJSON and CSV", arguments: plan("bom-crlf.geojson", "bom-crlf.csv", ["--weight", "w"]), warnings: [:], pointsUsed: 36),
        .init(name: "CJK CSV header, 经度/纬度 columns and CJK ids", arguments: plan("boundary.geojson", "cjk-points.csv", ["--weight", "人口", "--id-field", "编号"]),
              warnings: [:], pointsUsed: 36),
        .init(name: "semicolons and quoted fields", arguments: plan("boundary.geojson", "semicolon-quoted.csv", ["--weight", "w", "--id-field", "id"]),
              warnings: [:], pointsUsed: 16),
        .init(name: "legacy crs member in EPSG:4549 metres", arguments: plan("legacy-crs-4549.geojson", "legacy-crs-4549-points.geojson", ["--weight", "w"]),
              warnings: ["CRS_FROM_FILE": 2], pointsUsed: 144),
    ]

    /// Warning code → summed count from report.json.
    static func warningCounts(_ folder: URL) throws -> (counts: [String: Int], pointsUsed: Int) {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let input = try #require(report["input"] as? [String: Any])
        let list = try #require(input["warnings"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for w in list {
            let code = try #require(w["code"] as? String)
            #expect(w["file"] is String && w["location"] is String && w["message"] is String, "every warning has file, location, message")
            counts[code, default: 0] += try #require((w["count"] as? NSNumber)?.intValue)
        }
        return (counts, try #require((input["points_used"] as? NSNumber)?.intValue))
    }

    @Test("repairable and unusual inputs plan, and report.json counts each repair under its code", arguments: repairCases)
    func repairs(_ c: RepairCase) throws {
        let out = try GridplanBinary.temporaryFolder("repair")
        let r = try GridplanBinary.run(["partition"] + c.arguments + ["--out", out.path, "--force"], in: Self.inputs)
        #expect(r.status == 0, "\(c.name): stderr: \(r.stderr)")
        let (counts, used) = try Self.warningCounts(out)
        #expect(counts == c.warnings, "\(c.name)")
        #expect(used == c.pointsUsed, "\(c.name)")
        let v = try GridplanBinary.run(["validate"] + c.arguments.filter { $0 != "--quiet" }, in: Self.inputs)
        #expect(v.status == 0, "validate \(c.name): \(v.stderr)")
        for code in c.warnings.keys { #expect(v.stdout.contains("[\(code)]"), "validate lists \(code): \(v.stdout)") }
    }

    @Test("a 1 MB CJK property string is read like any other property")
    func megabyteProperty() throws {
        let dir = try GridplanBinary.temporaryFolder("mb")
        let boundary = dir.appendingPathComponent("big-property.geojson")
        let text = try String(contentsOf: Self.inputs.appendingPathComponent("single-feature.geojson"), encoding: .utf8)
        let note = String(repeating: "城关派出所辖区说明", count: 40_000)  // 27 bytes × 40 000 ≈ 1 MB
        try Data(text.replacingOccurrences(of: "\"name\":\"one\"", with: "\"说明\":\"\(note)\"").utf8).write(to: boundary)
        let out = dir.appendingPathComponent("out")
        let r = try GridplanBinary.run(
            ["partition", "--boundary", boundary.path, "--points", "points.csv", "--out", out.path] + Self.loose, in: Self.inputs)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(try Self.warningCounts(out).pointsUsed == 144)
    }

    @Test("validate and partition give the same warning count for the same inputs")
    func warningCountsAgree() throws {
        let args = ["--boundary", "boundary.geojson", "--points", "points-outside.csv", "--grids", "3", "--cell-size", "500", "--tolerance", "0.4"]
        let v = try GridplanBinary.run(["validate"] + args, in: Self.inputs)
        let out = try GridplanBinary.temporaryFolder("warning-count")
        let p = try GridplanBinary.run(["partition"] + args + ["--out", out.path, "--force"], in: Self.inputs)
        #expect(v.status == 0 && p.status == 0, "\(v.stderr) \(p.stderr)")
        // Two outside (one of them far): three occurrences in two warnings.
        #expect(v.stdout.contains("warnings:      3 (given above)"), "\(v.stdout)")
        #expect(p.stdout.contains("warnings:         3 (details in report.json)"), "\(p.stdout)")
    }

    @Test("validate prints the plan it checked and writes nothing")
    func validateWritesNothing() throws {
        let out = try GridplanBinary.temporaryFolder("validate-out")
        let r = try GridplanBinary.run(
            ["validate", "--boundary", "islands-holes.geojson", "--boundary-id", "所", "--points", "points.csv", "--grids", "4", "--out", out.path],
            in: Self.inputs)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("grids:         4 in 2 jurisdiction(s)"), "\(r.stdout)")
        #expect(r.stdout.contains("城关派出所") && r.stdout.contains("东港派出所"), "\(r.stdout)")
        #expect(r.stdout.contains("[POINT_OUTSIDE_BOUNDARY]"), "\(r.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "validate writes nothing")
    }
}
