import Foundation
import GridModel
import Testing

@testable import GridPlan

/// The input layer shared by partition, validate and evaluate: file kinds, --out checks, the stage clock.
@Suite("Input layer")
struct InputLayerTests {
    static let inputs = GridplanBinary.packageRoot.appendingPathComponent("Tests/GridPlanTests/Fixtures/inputs")

    @Test(
        "a points file's kind and place names come from its extension, whatever the command",
        arguments: [
            ("p.csv", PointFileKind.delimitedText, "line 7"), ("P.TSV", .delimitedText, "line 7"), ("a.txt", .delimitedText, "line 7"),
            ("p.geojson", .geoJSON, "feature 7"), ("p.json", .geoJSON, "feature 7"), ("p.gpkg", .gdal, "feature 7"),
            ("p.SHP", .gdal, "feature 7"), ("p.xlsx", .gdal, "feature 7"), ("bureau.gdb/", .gdal, "feature 7"),
        ])
    func fileKinds(_ path: String, _ kind: PointFileKind, _ place: String) throws {
        #expect(try PointFileKind(path: path) == kind)
        #expect(kind.location(7) == place)
    }

    @Test("validate refuses an --out that partition refuses, with the same status and message, and leaves nothing behind")
    func validateChecksOutLikePartition() throws {
        let folder = try GridplanBinary.temporaryFolder("out-check")
        let file = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let earlier = folder.appendingPathComponent("earlier")
        try FileManager.default.createDirectory(at: earlier, withIntermediateDirectories: true)
        try Data("earlier run".utf8).write(to: earlier.appendingPathComponent("report.json"))
        for out in [file.path, file.path + "/sub", earlier.path] {
            let args = ["--boundary", "boundary.geojson", "--points", "points.csv", "--grids", "3", "--out", out, "--quiet"]
            let p = try GridplanBinary.run(["partition"] + args, in: Self.inputs)
            let v = try GridplanBinary.run(["validate"] + args, in: Self.inputs)
            #expect(p.status == 73 && v.status == 73, "\(out): partition \(p.status), validate \(v.status): \(v.stderr)")
            #expect(p.stderr == v.stderr, "\(out): same message")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: earlier.path) == ["report.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["earlier", "not-a-folder"])
    }

    @Test("every stage is timed: timings_s adds up to total, for partition and evaluate")
    func timingsAddUp() throws {
        // The built-in sample: its points take tens of milliseconds to read, so a read outside the
        // stages' clock would show above the margin below.
        let out = try GridplanBinary.temporaryFolder("timings")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let evaluated = try GridplanBinary.temporaryFolder("timings-ev")
        let e = try GridplanBinary.run([
            "evaluate", "--grids", out.appendingPathComponent("grids.geojson").path, "--grid-id", "grid_id", "--points",
            "Data/sample/points.csv", "--boundary", "Data/sample/boundary.geojson", "--out", evaluated.path, "--quiet",
        ])
        #expect(e.status == 0, "\(e.stderr)")
        for folder in [out, evaluated] {
            let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
            let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let timings = try #require(report["timings_s"] as? [String: Double])
            let total = try #require(timings["total"])
            let stages = timings.filter { $0.key != "total" }.values.reduce(0, +)
            // Each value is rounded to 0.1 ms and the gaps between stages are microseconds on a quiet
            // machine; with two cores shared by several builds a gap of 8 ms was seen, so the margin is
            // 25 ms or 5%. Reading the sample's points takes 50-200 ms: untimed, it would fail this.
            #expect(abs(total - stages) <= max(0.025, 0.05 * total), "\(folder.lastPathComponent): \(timings)")
        }
    }
}
