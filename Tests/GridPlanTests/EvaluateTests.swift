import Foundation
import Testing

/// `gridplan evaluate` run as a planner would: on our own grids, against the boundary and an earlier map.
@Suite(.serialized)
struct EvaluateTests {
    static func report(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("evaluating partition's own grids gives back its balance, tiles the boundary and, against itself, nothing changed")
    func evaluateOwnGrids() throws {
        let plan = try GridplanBinary.temporaryFolder("ev-plan")
        let p = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", plan.path, "--quiet", "--tolerance", "0.2"])
        #expect(p.status == 0, "stderr: \(p.stderr)")
        let out = try GridplanBinary.temporaryFolder("ev")
        let grids = plan.appendingPathComponent("grids.geojson").path
        let r = try GridplanBinary.run([
            "evaluate", "--grids", grids, "--grid-id", "grid_id", "--boundary-id", "jurisdiction",
            "--points", "Data/sample/points.csv", "--weight", "population", "--weight", "incidents", "--boundary", "Data/sample/boundary.geojson",
            "--previous", grids, "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let ours = try Self.report(plan), theirs = try Self.report(out)
        let s = try #require(theirs["summary"] as? [String: Any]), o = try #require(ours["summary"] as? [String: Any])
        #expect(s["grids"] as? Int == o["grids"] as? Int)
        let dev = try #require(s["max_abs_deviation"] as? Double), ourDev = try #require(o["max_abs_deviation"] as? Double)
        #expect(abs(dev - ourDev) < 0.01, "same points, same grids: same deviation (\(dev) vs \(ourDev))")
        #expect(try #require(s["gaps_km2"] as? Double) < 0.01)
        #expect(try #require(s["overlaps_km2"] as? Double) < 0.01)
        #expect(s["changed_weight_share"] as? Double == 0)
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(SelfContainedPage.externalReferences(html).isEmpty, "self-contained page")
    }

    @Test("a missing --grid-id property is bad data naming the file, and the output folder stays empty")
    func missingGridID() throws {
        let out = try GridplanBinary.temporaryFolder("ev-bad")
        let r = try GridplanBinary.run([
            "evaluate", "--grids", "Data/sample/boundary.geojson", "--grid-id", "NO_SUCH", "--out", out.path,
        ])
        #expect(r.status == 65)
        #expect(r.stderr.contains("boundary.geojson: no feature has the property NO_SUCH (--grid-id); feature 0 has: station"), "stderr: \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test("evaluate without --points makes no balance claim: no 'within ±5%', no histogram, 'not measured' instead")
    func noPointsNoBalanceClaim() throws {
        let out = try GridplanBinary.temporaryFolder("eval-no-points")
        let r = try GridplanBinary.run(["evaluate", "--grids", "Data/sample/boundary.geojson", "--grid-id", "station", "--out", out.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("balance:          not measured (no --points)") && !r.stdout.contains("within ±"), "\(r.stdout)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("No points: the workload balance is not measured") && html.contains("not measured (no --points)"))
        #expect(!html.contains("every grid within") && !html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 436"))
    }

    @Test("evaluate: a --grid-id or --boundary-id that no grid has names the properties the grids do have")
    func missingGridFields() throws {
        for (extra, expected) in [
            (["--grid-id", "BEAT"], "no feature has the property BEAT (--grid-id); feature 0 has: station"),
            (["--grid-id", "station", "--boundary-id", "DISTRICT"], "no feature has the property DISTRICT (--boundary-id); feature 0 has: station"),
        ] {
            let out = try GridplanBinary.temporaryFolder("bad-grid-field")
            let r = try GridplanBinary.run(["evaluate", "--grids", "Data/sample/boundary.geojson"] + extra + ["--out", out.path])
            #expect(r.status == 65)
            #expect(r.stderr.contains("boundary.geojson: " + expected), "stderr: \(r.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        }
    }

    @Test("a missing --boundary-id property names the properties the boundary's features do have")
    func missingBoundaryID() throws {
        let out = try GridplanBinary.temporaryFolder("bad-boundary-id")
        let r = try GridplanBinary.run([
            "partition", "--boundary", "Data/sample/boundary.geojson", "--boundary-id", "District",
            "--points", "Data/sample/points.csv", "--grids", "8", "--out", out.path,
        ])
        #expect(r.status == 65)
        #expect(
            r.stderr.contains("boundary.geojson: no feature has the property District (--boundary-id); feature 0 has: station"),
            "stderr: \(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }
}
