import Foundation
import Testing

/// Issue 11: further weights with a band of their own (`--weight-tolerance`) and locked grids (`--lock`).
@Suite(.serialized)
struct BandAndLockTests {
    static func report(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Unit ids per grid id, from a units.geojson.
    static func unitsByGrid(_ folder: URL) throws -> [String: Set<String>] {
        let data = try Data(contentsOf: folder.appendingPathComponent("units.geojson"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var out: [String: Set<String>] = [:]
        for f in try #require(object["features"] as? [[String: Any]]) {
            let p = try #require(f["properties"] as? [String: Any])
            out[try #require(p["grid_id"] as? String), default: []].insert(try #require(p["unit_id"] as? String))
        }
        return out
    }

    @Test("--weight-tolerance: a band the plan meets is reported; one it misses fails naming the weight and a tolerance that passes; bad uses are usage errors")
    func weightBands() throws {
        let met = try GridplanBinary.temporaryFolder("band-met")
        let r = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--weight-tolerance", "incidents=0.9", "--out", met.path, "--quiet",
        ])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let parameters = try #require(try Self.report(met)["parameters"] as? [String: Any])
        let bands = try #require(parameters["weight_tolerances"] as? [String: Any])
        #expect((bands["incidents"] as? NSNumber)?.doubleValue == 0.9)
        // The reported deviation of a further weight is the one its band is checked against: each grid
        // against its own station's mean, recomputed here from grids.geojson.
        let summary = try #require(try Self.report(met)["summary"] as? [String: Any])
        let further = try #require((summary["further_weights"] as? [[String: Any]])?.first)
        let grids = try OutputCheck(folder: met).grids.compactMap { $0["properties"] as? [String: Any] }
        var stationTotals: [String: (Double, Int)] = [:]  // lookups only
        for g in grids {
            let station = g["jurisdiction"] as? String ?? "", value = (g["incidents"] as? NSNumber)?.doubleValue ?? 0
            stationTotals[station, default: (0, 0)].0 += value
            stationTotals[station, default: (0, 0)].1 += 1
        }
        let worst = grids.map { g -> Double in
            let (total, count) = stationTotals[g["jurisdiction"] as? String ?? ""] ?? (0, 1)
            let mean = total / Double(count)
            return abs(((g["incidents"] as? NSNumber)?.doubleValue ?? 0) - mean) / mean
        }.max() ?? 0
        #expect(abs(((further["max_abs_deviation"] as? NSNumber)?.doubleValue ?? -1) - worst) < 1e-5)
        #expect(further["county_max_abs_deviation"] is NSNumber)
        // The page's summary shows the banded weight beside its band.
        let html = try String(contentsOf: met.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("(band ±90.0%)"), "the band line is missing from report.html")

        let missed = try GridplanBinary.temporaryFolder("band-missed")
        let m = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--weight-tolerance", "incidents=0.02", "--out", missed.path, "--quiet",
        ])
        #expect(m.status == 65)
        #expect(m.stderr.contains("incidents is off its ±2.0% band"), "stderr: \(m.stderr)")
        #expect(m.stderr.contains("for incidents accepts this plan"), "stderr: \(m.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missed.appendingPathComponent("grids.geojson").path))

        for (arguments, words) in [
            (["--weight-tolerance", "population=0.05"], "is the first --weight"),
            (["--weight-tolerance", "crimes=0.05"], "not a further --weight (further weights: incidents)"),
            (["--weight-tolerance", "incidents"], "takes NAME=T"),
            (["--weight-tolerance", "incidents=1.5"], "between 0 and 1"),
        ] {
            let u = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", missed.path, "--quiet"] + arguments)
            #expect(u.status == 64, "\(arguments)")
            #expect(u.stderr.contains(words), "\(arguments): \(u.stderr)")
        }
    }

    @Test("--lock with --previous keeps the locked grids' units exactly and re-balances the rest; without --previous or with an unknown id it fails")
    func lockedGrids() throws {
        let first = try GridplanBinary.temporaryFolder("lock-0")
        let r0 = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", first.path, "--quiet"])
        #expect(r0.status == 0, "stderr: \(r0.stderr)")
        let before = try Self.unitsByGrid(first)
        let locked = ["01002", "02001"]
        let next = try GridplanBinary.temporaryFolder("lock-1")
        let r1 = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--grids", "62", "--previous",
            first.appendingPathComponent("units.geojson").path, "--lock", locked.joined(separator: ","), "--out", next.path,
            "--quiet",
        ])
        #expect(r1.status == 0, "stderr: \(r1.stderr)")
        let after = try Self.unitsByGrid(next)
        #expect(after.count == 62)
        for id in locked {
            let kept = try #require(before[id])
            #expect(after[id] == kept, "grid \(id) keeps exactly its \(kept.count) units")
        }
        // The rest moved: two more grids cannot leave every other grid as it was.
        #expect(after.filter { !locked.contains($0.key) && before[$0.key] != $0.value }.count > 0)
        let parameters = try #require(try Self.report(next)["parameters"] as? [String: Any])
        #expect(parameters["locked_grids"] as? [String] == locked)

        let bad = try GridplanBinary.temporaryFolder("lock-bad")
        let noPrevious = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--lock", "01002", "--out", bad.path, "--quiet"])
        #expect(noPrevious.status == 64)
        #expect(noPrevious.stderr.contains("--lock needs --previous"), "stderr: \(noPrevious.stderr)")
        let unknown = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--previous", first.appendingPathComponent("units.geojson").path, "--lock",
            "99999", "--out", bad.path, "--quiet",
        ])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--lock 99999 is not a grid of the earlier map"), "stderr: \(unknown.stderr)")
    }
}
