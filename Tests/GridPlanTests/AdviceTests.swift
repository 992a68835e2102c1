import Foundation
import Testing

/// Issue 10: advice that applies to the units in use, stations by name, and a tolerance that works.
@Suite(.serialized)
struct AdviceTests {
    @Test("given units too coarse for the grids: no cell-size advice, the station by name, and the tolerance advised works")
    func givenUnitsAdvice() throws {
        let first = try GridplanBinary.temporaryFolder("advice-units")
        let r0 = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", first.path, "--quiet"])
        #expect(r0.status == 0, "stderr: \(r0.stderr)")
        let args = [
            "partition", "--boundary", "Data/sample/boundary.geojson", "--boundary-id", "station", "--units",
            first.appendingPathComponent("units.geojson").path, "--unit-id", "unit_id", "--weight", "weight", "--grids", "400",
        ]
        let out = try GridplanBinary.temporaryFolder("advice-out")
        let r = try GridplanBinary.run(args + ["--out", out.path])
        #expect(r.status == 65)
        #expect(!r.stderr.contains("cell"), "no cell size with given units: \(r.stderr)")
        #expect(r.stderr.contains("派出所"), "stations by name: \(r.stderr)")
        #expect(!r.stderr.contains("jurisdiction 0") && !r.stderr.contains("jurisdiction 1 "), "\(r.stderr)")
        let match = try #require(r.stderr.range(of: #"--tolerance ([0-9.]+) \(tried"#, options: .regularExpression), "\(r.stderr)")
        let advised = String(r.stderr[match].dropFirst("--tolerance ".count).prefix { $0 != " " })
        // Followed, the advice works.
        let again = try GridplanBinary.temporaryFolder("advice-again")
        let f = try GridplanBinary.run(args + ["--tolerance", advised, "--out", again.path, "--quiet"])
        #expect(f.status == 0, "--tolerance \(advised) as advised: \(f.stderr)")
    }

    @Test("validate names the heavy unit and its station, and never advises a cell size for given units")
    func validateAdvice() throws {
        let first = try GridplanBinary.temporaryFolder("advice-validate")
        let r0 = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", first.path, "--quiet"])
        #expect(r0.status == 0, "stderr: \(r0.stderr)")
        let v = try GridplanBinary.run([
            "validate", "--boundary", "Data/sample/boundary.geojson", "--boundary-id", "station", "--units",
            first.appendingPathComponent("units.geojson").path, "--unit-id", "unit_id", "--weight", "weight", "--grids", "600",
        ])
        #expect(v.status == 65)
        #expect(v.stderr.contains("派出所: unit H") && v.stderr.contains("Split unit"), "\(v.stderr)")
        #expect(!v.stderr.contains("cell"), "\(v.stderr)")
    }

    @Test("when one address carries a unit past the band, the message names that point's line")
    func pileNamed() throws {
        let text = try String(contentsOf: GridplanBinary.packageRoot.appendingPathComponent("Data/sample/points.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        // 3,000 households geocoded to one address (the first point's): more than a grid's mean.
        let first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for k in 0..<3000 { lines.append((["PILE\(k)"] + first.dropFirst()).joined(separator: ",")) }
        let folder = try GridplanBinary.temporaryFolder("advice-pile")
        let points = folder.appendingPathComponent("points.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: points, atomically: true, encoding: .utf8)
        let out = try GridplanBinary.temporaryFolder("advice-pile-out")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--points", points.path, "--out", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("lies at one location (\(points.path): line 2)"), "\(r.stderr)")
        #expect(r.stderr.contains("Use fewer --grids"), "finer cells cannot split one address: \(r.stderr)")
    }
}
