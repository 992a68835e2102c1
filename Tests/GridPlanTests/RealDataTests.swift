import Foundation
import GridIO
import GridModel
import Testing

/// The tool on real public data from `../shared/data` (present beside the checkout and in CI).
@Suite(.serialized, .enabled(if: GridplanBinary.sharedData != nil, "../shared/data is not beside the checkout"))
struct RealDataTests {
    static var data: URL { GridplanBinary.sharedData ?? URL(fileURLWithPath: "/nonexistent") }

    /// Chicago's 25 districts and the 2012 crimes at K 277, ±5%, with `extra` options: the run succeeds,
    /// and its files pass the format check and the independent partition check against the districts.
    static func chicago277(_ name: String, extra: [String]) throws -> OutputCheck {
        let out = try GridplanBinary.temporaryFolder(name)
        let boundary = data.appendingPathComponent("chicago-police-beats/districts.geojson")
        let r = try GridplanBinary.run(
            [
                "partition", "--boundary", boundary.path, "--boundary-id", "DIST_NUM",
                "--points", data.appendingPathComponent("chicago-crimes-2012-sample/crimes.geojson").path,
                "--grids", "277", "--tolerance", "0.05", "--out", out.path, "--quiet",
                // The default cap (30 s here) is a safety net for release builds; a debug build at load 8 hit
                // it and the cut-short plan missed ±5% (exit 65). The test judges the plan, not the time.
                "--time-limit", "600",
            ] + extra)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let check = try OutputCheck(folder: out)
        #expect(check.grids.count == 277)
        try check.checkFormat()
        let doc = try GeoJSONReader.readFeatures(path: boundary.path)
        let city = MultiPolygon(polygons: doc.features.flatMap { $0.geometry?.multiPolygon?.polygons ?? [] })
        try check.checkPartition(boundary: city, tolerance: 0.05)
        return check
    }

    @Test("Chicago: 277 grids nested in the 25 police districts from the 2012 crimes are contiguous, within 5% and tile the city")
    func chicagoDistricts() throws {
        let check = try Self.chicago277("chicago", extra: [])
        // Grids never cross a district: every grid's units share its jurisdiction.
        var jurisdictionOfGrid: [String: String] = [:]
        for g in check.grids {
            let p = try #require(g["properties"] as? [String: Any])
            jurisdictionOfGrid[try #require(p["grid_id"] as? String)] = p["jurisdiction"] as? String
        }
        for u in check.units {
            let p = try #require(u["properties"] as? [String: Any])
            let grid = try #require(p["grid_id"] as? String)
            #expect(jurisdictionOfGrid[grid] == p["jurisdiction"] as? String, "unit \(p["unit_id"] ?? "") nested in its grid's district")
        }
        // The 23 crimes outside the districts are reported, not lost.
        #expect(Int(check.input("points_excluded")) == 23)
        #expect(Int(check.input("points_used")) + 23 == Int(check.input("points_read")))
    }

    @Test("Chicago street blocks: grids follow the major streets, railways and rivers, contiguous and within 5%; the real beats score 70% ± 3")
    func chicagoBarriers() throws {
        let lines = Self.data.appendingPathComponent("chicago-streets-rail-water")
        let barriers = ["major_streets.geojson", "railroads.geojson"].map { lines.appendingPathComponent($0).path }
        let water = lines.appendingPathComponent("water.geojson").path
        let check = try Self.chicago277(
            "chicago-barriers", extra: ["--barriers", barriers[0], "--barriers", barriers[1], "--hard-barriers", water])
        // On the lines exactly; hexagon grids score 0.16 within 25 m.
        #expect(check.summary("barrier_share") >= 0.65, "barrier_share \(check.summary("barrier_share"))")
        #expect(check.summary("mean_polsby_popper") >= 0.45)
        // The real beats, scored the same way within 25 m (an independent shapely computation gives 70.2%).
        let ev = try GridplanBinary.temporaryFolder("chicago-beats-barriers")
        let e = try GridplanBinary.run([
            "evaluate", "--grids", Self.data.appendingPathComponent("chicago-police-beats/beats.geojson").path,
            "--grid-id", "BEAT_NUM", "--boundary-id", "DISTRICT", "--barriers", barriers[0], "--barriers", barriers[1],
            "--barriers", water, "--out", ev.path, "--quiet",
        ])
        #expect(e.status == 0, "stderr: \(e.stderr)")
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: ev.appendingPathComponent("report.json"))) as? [String: Any])
        let share = try #require(((report["summary"] as? [String: Any])?["barrier_share"] as? NSNumber)?.doubleValue)
        #expect(abs(share - 0.70) <= 0.03, "real beats: \(share)")
    }
    @Test("San Francisco street blocks at K 50: contiguous, within 5%, valid polygons, mean Polsby-Popper at least 0.42, and at least 80% of the interior boundary within 25 m of the arteries and freeways")
    func sanFranciscoBarriers() throws {
        let sf = Self.data.appendingPathComponent("sf-police-districts-incidents")
        let lines = ["arteries.geojson", "freeways.geojson"].map {
            Self.data.appendingPathComponent("sf-arteries-freeways").appendingPathComponent($0).path
        }
        let boundary = sf.appendingPathComponent("sfpd_districts.geojson")
        let out = try GridplanBinary.temporaryFolder("sf-barriers")
        let r = try GridplanBinary.run([
            "partition", "--boundary", boundary.path, "--boundary-id", "DISTRICT",
            "--points", sf.appendingPathComponent("incidents_2013_12.geojson").path, "--grids", "50", "--tolerance", "0.05",
            "--barriers", lines[0], "--barriers", lines[1], "--out", out.path, "--quiet", "--time-limit", "600",
        ])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let check = try OutputCheck(folder: out)
        #expect(check.grids.count == 50)
        try check.checkFormat()
        let pieces = try check.checkValidity()
        // Every grid one piece or with declared island parts (Treasure Island, pier fragments), all within 5%.
        // (Not `checkPartition`: SF's district polygons are invalid and overlap by 7,200 m², so the grids tile
        // the repaired districts, which differ from a union of the raw ones by 1,100 m², 1e-5 of the city.)
        #expect(pieces.onePiece + pieces.withIslands == 50)
        #expect(Int(check.summary("split_grids")) == 0)
        #expect(check.summary("max_abs_deviation") <= 0.05)
        for g in check.grids {
            let p = try #require(g["properties"] as? [String: Any])
            let deviation = try #require((p["deviation"] as? NSNumber)?.doubleValue)
            #expect(abs(deviation) <= 0.05, "grid \(p["grid_id"] ?? "") within 5%")
        }
        // Seeds 1–5: 0.432–0.456 since strips between carriageways (under 20 m wide) are merged into a
        // block (0.404–0.435 before; 0.378–0.407 with cut costs folded into the perimeter; hexagons of 80 m,
        // ignoring the streets: 0.479).
        #expect(check.summary("mean_polsby_popper") >= 0.42)
        // Scored as any map is, within 25 m: 73.9% before blocks started whole and heavy blocks were cut into
        // parts of one grid, 81.0% after; seeds 1–5 now 83.6–85.4%.
        let ev = try GridplanBinary.temporaryFolder("sf-barriers-eval")
        let e = try GridplanBinary.run([
            "evaluate", "--grids", out.appendingPathComponent("grids.geojson").path, "--grid-id", "grid_id",
            "--boundary-id", "jurisdiction", "--barriers", lines[0], "--barriers", lines[1], "--out", ev.path, "--quiet",
        ])
        #expect(e.status == 0, "stderr: \(e.stderr)")
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: ev.appendingPathComponent("report.json"))) as? [String: Any])
        let share = try #require(((report["summary"] as? [String: Any])?["barrier_share"] as? NSNumber)?.doubleValue)
        #expect(share >= 0.80, "within 25 m: \(share)")
    }
}
