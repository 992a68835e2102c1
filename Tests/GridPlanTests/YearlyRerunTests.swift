import Foundation
import GridGeometry
import GridIO
import GridModel
import Testing

/// Issue 10: a yearly rerun with `--previous` keeps the earlier borders; a declared CRS wins over a file's own.
@Suite(.serialized)
struct YearlyRerunTests {
    static func report(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Features of a GeoJSON file by a property: (weight, grid_id, shape).
    static func features(_ url: URL, key: String) throws -> [String: (weight: Double, grid: String, shape: MultiPolygon)] {
        var out: [String: (Double, String, MultiPolygon)] = [:]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        for f in try #require(object["features"] as? [[String: Any]]) {
            let p = try #require(f["properties"] as? [String: Any])
            out[try #require(p[key] as? String)] = (
                (p["weight"] as? NSNumber)?.doubleValue ?? 0, p["grid_id"] as? String ?? "", try OutputCheck.multiPolygon(f)
            )
        }
        return out
    }

    @Test("the same points plus 10% spread evenly keep at least 90% of grids at IoU ≥ 0.99, and the moved weight is what the files say")
    func rerunKeepsBorders() throws {
        let last = try GridplanBinary.temporaryFolder("rerun-last")
        // Last year's cells were 430 m; this year's data alone would choose 460 m.
        let r1 = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--cell-size", "430", "--out", last.path, "--quiet"])
        #expect(r1.status == 0, "stderr: \(r1.stderr)")
        // Next year's points: every tenth household appears a second time 15 m to the east.
        let text = try String(contentsOf: GridplanBinary.packageRoot.appendingPathComponent("Data/sample/points.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        let columns = header.split(separator: ",").map(String.init)
        let lon = try #require(columns.firstIndex(of: "lon")), id = try #require(columns.firstIndex(of: "id"))
        var next = [header] + lines
        for (i, line) in lines.enumerated() where i % 10 == 0 {
            var fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            fields[lon] = String(format: "%.7f", (Double(fields[lon]) ?? 0) + 0.00015)
            fields[id] += "-new"
            next.append(fields.joined(separator: ","))
        }
        let folder = try GridplanBinary.temporaryFolder("rerun-in")
        let points = folder.appendingPathComponent("points.csv")
        try (next.joined(separator: "\n") + "\n").write(to: points, atomically: true, encoding: .utf8)
        let now = try GridplanBinary.temporaryFolder("rerun-now")
        let r2 = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--points", points.path, "--previous", last.appendingPathComponent("units.geojson").path,
            "--out", now.path, "--quiet",
        ])
        #expect(r2.status == 0, "stderr: \(r2.stderr)")
        let engine = try GeometryEngine()
        let before = try Self.features(last.appendingPathComponent("grids.geojson"), key: "grid_id")
        let after = try Self.features(now.appendingPathComponent("grids.geojson"), key: "grid_id")
        var kept = 0
        for (gid, a) in after {
            guard let b = before[gid] else { continue }
            let areaA = try engine.area(a.shape), areaB = try engine.area(b.shape)
            let sym = try engine.symmetricDifferenceArea(a.shape, b.shape)
            let iou = (areaA + areaB - sym) / (areaA + areaB + sym)
            if iou >= 0.99 { kept += 1 }
        }
        #expect(Double(kept) >= 0.9 * Double(after.count), "\(kept) of \(after.count) grids kept their shape")
        // The units are the earlier run's cells (same ids); moved weight recomputed from both files.
        let unitsBefore = try Self.features(last.appendingPathComponent("units.geojson"), key: "unit_id")
        let unitsAfter = try Self.features(now.appendingPathComponent("units.geojson"), key: "unit_id")
        #expect(Set(unitsBefore.keys) == Set(unitsAfter.keys), "the earlier lattice is reused")
        var moved = 0.0, total = 0.0
        for (uid, u) in unitsAfter {
            total += u.weight
            if unitsBefore[uid]?.grid != u.grid { moved += u.weight }
        }
        let summary = try #require(try Self.report(now)["summary"] as? [String: Any])
        let reported = try #require(summary["changed_weight_share"] as? Double)
        #expect(abs(reported - moved / total) < 1e-6, "reported \(reported), files say \(moved / total)")
    }

    @Test("a CRS on the command line wins over the file's legacy crs member, with CRS_OVERRIDDEN naming both")
    func declarationWins() throws {
        let folder = try GridplanBinary.temporaryFolder("crs-override")
        let boundary = folder.appendingPathComponent("boundary.geojson")
        var text = try String(contentsOf: GridplanBinary.packageRoot.appendingPathComponent("Data/sample/boundary.geojson"), encoding: .utf8)
        let head = try #require(text.range(of: "\"type\":\"FeatureCollection\","))
        text.replaceSubrange(head, with: "\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},")
        try text.write(to: boundary, atomically: true, encoding: .utf8)
        let out = try GridplanBinary.temporaryFolder("crs-override-out")
        let r = try GridplanBinary.run([
            "partition", "Data/sample/plan.yml", "--boundary", boundary.path, "--boundary-crs", "EPSG:4490",
            "--grids", "20", "--tolerance", "0.2", "--out", out.path, "--force",
        ])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("CRS_OVERRIDDEN") && r.stderr.contains("EPSG:4490") && r.stderr.contains("CRS84"), "stderr: \(r.stderr)")
    }
}
