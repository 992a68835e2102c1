import Foundation
import GridIO
import GridModel
import Testing

/// `--barriers` / `--hard-barriers` end to end on the sample county with a synthetic street grid and river.
@Suite(.serialized) struct BarrierTests {
    /// Streets every 0.02° × 0.015° over the sample county (≈ 2 km), slightly tilted so that they are not the
    /// hexagon lattice, and a 150 m river band running west–east, crossed by every north–south street.
    static func writeBarriers(in folder: URL) throws -> (streets: String, river: String) {
        var lines: [String] = []
        var x = 118.63
        while x < 119.27 {
            lines.append("[[\(x),28.73],[\(x + 0.004),29.18]]")
            x += 0.02
        }
        var y = 28.735
        while y < 29.18 {
            lines.append("[[118.63,\(y)],[119.26,\(y + 0.003)]]")
            y += 0.015
        }
        let streets = "{\"type\":\"FeatureCollection\",\"features\":["
            + lines.map { "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":\($0)}}" }
            .joined(separator: ",") + "]}"
        let river =
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"NAME\":\"river\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[118.6,28.9513],[119.3,28.9553],[119.3,28.9567],[118.6,28.9527],[118.6,28.9513]]]}}]}"
        let s = folder.appendingPathComponent("streets.geojson"), r = folder.appendingPathComponent("river.geojson")
        try Data(streets.utf8).write(to: s)
        try Data(river.utf8).write(to: r)
        return (s.path, r.path)
    }

    @Test("street blocks: contiguous, balanced grids that tile the county, with barrier_share that evaluate confirms")
    func sampleWithBarriers() throws {
        let inputs = try GridplanBinary.temporaryFolder("barrier-inputs")
        let files = try Self.writeBarriers(in: inputs)
        let out = try GridplanBinary.temporaryFolder("barriers")
        let r = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--barriers", files.streets, "--hard-barriers", files.river, "--grids", "30",
            "--out", out.path, "--force", "--quiet",
        ])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let check = try OutputCheck(folder: out)
        try check.checkFormat()
        try check.checkPartition(boundary: try EndToEndTests.sampleBoundary(), tolerance: 0.05)
        let share = check.summary("barrier_share")
        #expect(share > 0.3 && share <= 1, "barrier_share \(share)")
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("Grid edges on streets") && page.contains("of the interior grid boundary on the barrier lines"))
        for g in check.grids {
            let p = try #require(g["properties"] as? [String: Any])
            let s = try #require((p["barrier_share"] as? NSNumber)?.doubleValue)
            #expect(s >= 0 && s <= 1)
        }
        // evaluate measures the same share (within 1 m of the lines) from the written grids alone.
        let ev = try GridplanBinary.temporaryFolder("barriers-ev")
        let e = try GridplanBinary.run([
            "evaluate", "--grids", out.appendingPathComponent("grids.geojson").path, "--grid-id", "grid_id",
            "--boundary-id", "jurisdiction", "--barriers", files.streets, "--barriers", files.river, "--barrier-distance", "1",
            "--out", ev.path, "--quiet",
        ])
        #expect(e.status == 0, "stderr: \(e.stderr)")
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: ev.appendingPathComponent("report.json"))) as? [String: Any])
        let measured = try #require(((report["summary"] as? [String: Any])?["barrier_share"] as? NSNumber)?.doubleValue)
        #expect(abs(measured - share) < 0.02, "evaluate \(measured) vs partition \(share)")
        // Both pages draw the barrier lines under the grids (one thin path, the colour of the lines).
        for folder in [out, ev] {
            let page = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(page.contains("stroke=\"#1f3a68\" stroke-opacity=\"0.55\""), "barrier lines in \(folder.lastPathComponent)/report.html")
        }
    }

    @Test("street blocks are deterministic: the same inputs give byte-identical outputs")
    func deterministic() throws {
        let inputs = try GridplanBinary.temporaryFolder("barrier-det-inputs")
        let files = try Self.writeBarriers(in: inputs)
        var outs: [URL] = []
        for name in ["barrier-det-a", "barrier-det-b"] {
            let out = try GridplanBinary.temporaryFolder(name)
            let r = try GridplanBinary.run([
                "partition", "Data/sample/plan.yml", "--barriers", files.streets, "--hard-barriers", files.river, "--grids", "30",
                "--out", out.path, "--force", "--quiet",
            ])
            #expect(r.status == 0, "stderr: \(r.stderr)")
            outs.append(out)
        }
        for name in ["grids.geojson", "units.geojson", "points.csv"] {
            let x = try Data(contentsOf: outs[0].appendingPathComponent(name))
            let y = try Data(contentsOf: outs[1].appendingPathComponent(name))
            #expect(x == y, "\(name) identical")
        }
    }

    @Test("the plan-file keys barriers and hard-barriers, relative to the plan, give the same grids as the options")
    func planFileKeys() throws {
        let inputs = try GridplanBinary.temporaryFolder("barrier-plan-inputs")
        let files = try Self.writeBarriers(in: inputs)
        let sample = GridplanBinary.packageRoot.appendingPathComponent("Data/sample")
        let plan = """
            boundary: \(sample.appendingPathComponent("boundary.geojson").path)
            boundary-id: station
            points: \(sample.appendingPathComponent("points.csv").path)
            id-field: id
            weight: [population, incidents]
            grids: 30
            tolerance: 0.05
            code-prefix: "330802"
            seed: 1
            barriers: [streets.geojson]
            hard-barriers: [river.geojson]
            """
        let planURL = inputs.appendingPathComponent("plan.yml")
        try Data(plan.utf8).write(to: planURL)
        let byPlan = try GridplanBinary.temporaryFolder("barrier-plan")
        let p = try GridplanBinary.run(["partition", planURL.path, "--out", byPlan.path, "--force", "--quiet"])
        #expect(p.status == 0, "stderr: \(p.stderr)")
        let byOptions = try GridplanBinary.temporaryFolder("barrier-plan-options")
        let o = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--barriers", files.streets, "--hard-barriers", files.river, "--grids", "30",
            "--out", byOptions.path, "--force", "--quiet",
        ])
        #expect(o.status == 0, "stderr: \(o.stderr)")
        for name in ["grids.geojson", "units.geojson"] {
            let x = try Data(contentsOf: byPlan.appendingPathComponent(name))
            let y = try Data(contentsOf: byOptions.appendingPathComponent(name))
            #expect(x == y, "\(name) identical")
        }
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: byPlan.appendingPathComponent("report.json"))) as? [String: Any])
        let parameters = try #require(report["parameters"] as? [String: Any])
        #expect((parameters["barriers"] as? [String])?.count == 1)
        #expect((parameters["hard_barriers"] as? [String])?.count == 1)
    }

    @Test("--units with --barriers is refused with a message saying what barriers do")
    func unitsAndBarriers() throws {
        let out = try GridplanBinary.temporaryFolder("barrier-units")
        let r = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--units", "Data/sample/boundary.geojson", "--barriers", "Data/sample/boundary.geojson",
            "--out", out.path, "--force",
        ])
        #expect(r.status == 64)
        #expect(r.stderr.contains("cut the station areas into street blocks"), "stderr: \(r.stderr)")
    }

    @Test("a barrier file with a point feature is bad data naming the file and feature")
    func pointInBarrierFile() throws {
        let inputs = try GridplanBinary.temporaryFolder("barrier-bad")
        let bad = inputs.appendingPathComponent("bad.geojson")
        try Data(
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.9,29.0]}}]}"
                .utf8
        ).write(to: bad)
        let out = try GridplanBinary.temporaryFolder("barrier-bad-out")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--barriers", bad.path, "--out", out.path, "--force"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("bad.geojson: feature 0 is a point"), "stderr: \(r.stderr)")
    }
}
