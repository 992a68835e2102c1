import Foundation
import GridIO
import GridModel
import Testing

/// Runs the built binary on the committed sample and on broken inputs, as planners and GIS staff would.
@Suite(.serialized)
struct EndToEndTests {
    static let sample = GridplanBinary.packageRoot.appendingPathComponent("Data/sample")

    /// The sample's boundary (all station areas) as one MultiPolygon, lon/lat.
    static func sampleBoundary() throws -> MultiPolygon {
        let doc = try GeoJSONReader.readFeatures(path: sample.appendingPathComponent("boundary.geojson").path)
        return MultiPolygon(polygons: doc.features.flatMap { $0.geometry?.multiPolygon?.polygons ?? [] })
    }

    @Test("the sample plan gives contiguous, balanced grids that tile the county and match the report")
    func samplePartition() throws {
        let out = try GridplanBinary.temporaryFolder("sample")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", out.path, "--force", "--quiet"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let check = try OutputCheck(folder: out)
        try check.checkFormat()
        try check.checkPartition(boundary: try Self.sampleBoundary(), tolerance: 0.05)
        #expect(check.grids.count == 60)
        // Grid codes: prefix + station + sequence.
        let first = try #require(check.grids.first?["properties"] as? [String: Any])
        #expect((first["grid_code"] as? String)?.hasPrefix("330802") == true)
        // Every point is listed in input order; used points carry a grid.
        let rows = try check.pointRows()
        #expect(rows.count == Int(check.input("points_read")))
        for (i, row) in rows.enumerated() where i % 997 == 0 { #expect(row[0] == Substring(String(i))) }
        #expect(rows.filter { !$0[4].isEmpty }.count == Int(check.input("points_used")))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(SelfContainedPage.externalReferences(html).isEmpty, "self-contained page")
    }

    @Test("the same inputs and seed give byte-identical grids, units and points, with 1 or 2 threads")
    func determinism() throws {
        let a = try GridplanBinary.temporaryFolder("det-a"), b = try GridplanBinary.temporaryFolder("det-b")
        for (out, threads) in [(a, "1"), (b, "2")] {
            let r = try GridplanBinary.run([
                "partition", "Data/sample/plan.yml", "--out", out.path, "--force", "--quiet", "--seed", "7", "--threads", threads,
            ])
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        for name in ["grids.geojson", "units.geojson", "points.csv"] {
            let x = try Data(contentsOf: a.appendingPathComponent(name)), y = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(x == y, "\(name) identical")
        }
    }

    @Test("gridplan sample reproduces the committed sample byte for byte")
    func sampleIsReproducible() throws {
        let out = try GridplanBinary.temporaryFolder("gen")
        let r = try GridplanBinary.run(["sample", "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        for name in ["boundary.geojson", "points.csv", "plan.yml"] {
            let made = try Data(contentsOf: out.appendingPathComponent(name))
            let committed = try Data(contentsOf: Self.sample.appendingPathComponent(name))
            #expect(made == committed, "\(name) matches Data/sample")
        }
    }

    @Test("gridplan sample refuses a grid count below its station count instead of writing a plan partition refuses")
    func sampleGridsBelowStations() throws {
        let out = try GridplanBinary.temporaryFolder("gen-few")
        let r = try GridplanBinary.run(["sample", "--points", "100", "--grids", "3", "--out", out.path])
        #expect(r.status == 64, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("--grids 3 is fewer than the sample's 4 station areas"), "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test(
        "bad input stops with the right exit status and a message naming the problem, leaving --out untouched",
        arguments: [
            (["--boundary", "missing.geojson", "--points", "Data/sample/points.csv", "--grids", "5"], Int32(66), "missing.geojson"),
            (["--boundary", "Data/sample/boundary.geojson", "--points", "Data/sample/points.csv", "--grids", "0"], Int32(64), "--grids"),
            (["--boundary", "Data/sample/boundary.geojson", "--points", "Data/sample/points.csv", "--grids", "5", "--tolerance", "1.5"], Int32(64), "--tolerance"),
            (["--boundary", "Data/sample/points.csv", "--points", "Data/sample/points.csv", "--grids", "5"], Int32(65), "points.csv"),
            (["--boundary", "Data/sample/boundary.geojson", "--points", "Data/sample/points.csv", "--grids", "5", "--weight", "nosuchfield"], Int32(65), "nosuchfield"),
            (["--boundary", "Data/sample/boundary.geojson", "--points", "Data/sample/points.csv", "--grids", "5", "--input-crs", "EPSG:999999"], Int32(65), "EPSG:999999"),
        ] as [([String], Int32, String)])
    func badInput(arguments: [String], status: Int32, fragment: String) throws {
        let out = try GridplanBinary.temporaryFolder("bad")
        let marker = out.appendingPathComponent("grids.geojson")
        try Data("earlier run".utf8).write(to: marker)
        let r = try GridplanBinary.run(["partition"] + arguments + ["--out", out.path, "--force", "--quiet"])
        #expect(r.status == status, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("gridplan: error: "))
        #expect(r.stderr.contains(fragment), "message names \(fragment): \(r.stderr)")
        #expect(try String(contentsOf: marker, encoding: .utf8) == "earlier run", "earlier output untouched")
        let contents = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(contents == ["grids.geojson"], "nothing added: \(contents)")
    }

    @Test("earlier outputs are refused without --force")
    func refusesOverwrite() throws {
        let out = try GridplanBinary.temporaryFolder("noforce")
        try Data("earlier".utf8).write(to: out.appendingPathComponent("report.json"))
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", out.path, "--quiet"])
        #expect(r.status == 73, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("--force"))
        #expect(try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8) == "earlier")
    }

    @Test("a misspelt plan key is refused with the key it is nearest to; a key like no other gets no guess")
    func planKeySuggestion() throws {
        let dir = try GridplanBinary.temporaryFolder("plan-typo")
        for (key, hint) in [("weigth", "did you mean weight?"), ("cell_siz", "did you mean cell-size?"), ("colour", nil)] {
            let plan = dir.appendingPathComponent("plan-\(key).yml")
            try Data("boundary: boundary.geojson\n\(key): x\ngrids: 3\n".utf8).write(to: plan)
            let r = try GridplanBinary.run(["partition", plan.path, "--out", dir.appendingPathComponent("out").path])
            #expect(r.status == 64, "stderr: \(r.stderr)")
            #expect(r.stderr.contains("unknown key \(key.replacingOccurrences(of: "_", with: "-"))"), "\(r.stderr)")
            if let hint { #expect(r.stderr.contains(hint), "\(r.stderr)") } else { #expect(!r.stderr.contains("did you mean"), "\(r.stderr)") }
        }
    }
}
