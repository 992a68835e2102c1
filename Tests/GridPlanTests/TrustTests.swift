import Foundation
import GridIO
import GridModel
import Testing

/// Issue 10: every polygon valid, one contiguity count for partition and evaluate, on the sample and on
/// real data (`../shared/data`), including units fed back and hand-digitised boundaries.
@Suite(.serialized, .enabled(if: GridplanBinary.sharedData != nil, "../shared/data is not beside the checkout"))
struct TrustTests {
    static var data: URL { GridplanBinary.sharedData ?? URL(fileURLWithPath: "/nonexistent") }
    static func path(_ p: String) -> String { data.appendingPathComponent(p).path }

    static func report(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("report.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func warningCount(_ report: [String: Any], _ code: String) -> Int {
        let warnings = (report["input"] as? [String: Any])?["warnings"] as? [[String: Any]] ?? []
        return warnings.filter { $0["code"] as? String == code }.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
    }

    /// Runs partition, checks every polygon and the contiguity figures, then evaluates the same grids
    /// and checks that evaluate counts the same way.
    @discardableResult
    static func partitionAndEvaluate(_ name: String, _ args: [String], boundaryID: String?) throws -> (URL, [String: Any]) {
        let out = try GridplanBinary.temporaryFolder(name)
        let r = try GridplanBinary.run(["partition"] + args + ["--out", out.path, "--force", "--quiet"])
        #expect(r.status == 0, "\(name): stderr: \(r.stderr)")
        guard r.status == 0 else { return (out, [:]) }
        let check = try OutputCheck(folder: out)
        let counts = try check.checkValidity()
        check.checkContiguityReport(onePiece: counts.onePiece, withIslands: counts.withIslands)
        let ev = try GridplanBinary.temporaryFolder(name + "-ev")
        var evArgs = ["evaluate", "--grids", out.appendingPathComponent("grids.geojson").path, "--grid-id", "grid_id", "--out", ev.path, "--quiet"]
        if boundaryID != nil { evArgs += ["--boundary-id", "jurisdiction"] }
        let e = try GridplanBinary.run(evArgs)
        #expect(e.status == 0, "\(name) evaluate: stderr: \(e.stderr)")
        let ours = try #require(try report(out)["summary"] as? [String: Any])
        let theirs = try #require(try report(ev)["summary"] as? [String: Any])
        #expect(theirs["contiguous_grids"] as? Int == ours["contiguous_grids"] as? Int, "\(name): partition and evaluate count contiguity alike")
        #expect(theirs["grids_with_exclaves"] as? Int == ours["grids_with_exclaves"] as? Int, "\(name): same island count")
        return (out, try report(out))
    }

    @Test("the sample, and the sample's own units fed back as given units, give valid polygons and one contiguity count")
    func sampleAndItsUnits() throws {
        let (first, _) = try Self.partitionAndEvaluate("trust-sample", ["Data/sample/plan.yml"], boundaryID: "station")
        let (_, again) = try Self.partitionAndEvaluate(
            "trust-units",
            [
                "--boundary", "Data/sample/boundary.geojson", "--boundary-id", "station", "--units",
                first.appendingPathComponent("units.geojson").path, "--unit-id", "unit_id", "--weight", "weight", "--grids", "60",
            ], boundaryID: "station")
        // Units fed back are a clean coverage: no gap, overlap or sliver repairs.
        for code in ["UNIT_GAP_FILLED", "UNIT_OVERLAP", "UNIT_BORDER_SLIVER", "UNIT_PART_DETACHED"] {
            #expect(Self.warningCount(again, code) == 0, "\(code) for units written by gridplan itself")
        }
    }

    @Test("Chicago districts + crimes (K 277) and Chicago precincts as units (K 50): valid, one contiguity count")
    func chicago() throws {
        try Self.partitionAndEvaluate(
            "trust-chicago",
            [
                "--boundary", Self.path("chicago-police-beats/districts.geojson"), "--boundary-id", "DIST_NUM",
                "--points", Self.path("chicago-crimes-2012-sample/crimes.geojson"), "--grids", "277", "--tolerance", "0.05",
            ], boundaryID: "DIST_NUM")
        try Self.partitionAndEvaluate(
            "trust-precincts",
            [
                "--boundary", Self.path("chicago-police-beats/districts.geojson"), "--boundary-id", "DIST_NUM",
                "--units", Self.path("chicago-precincts-population/precincts.geojson"), "--unit-id", "full_text",
                "--weight", "TOTPOP", "--grids", "50",
            ], boundaryID: "DIST_NUM")
    }

    @Test("Houston's hand-digitised beats as the boundary (K 100): digitising gaps filled and reported, within ±5%, valid")
    func houston() throws {
        let (_, report) = try Self.partitionAndEvaluate(
            "trust-houston",
            [
                "--boundary", Self.path("houston-police-beats/beats.geojson"),
                "--points", Self.path("houston-crime-2010/crimes.geojson"), "--grids", "100", "--tolerance", "0.05",
            ], boundaryID: nil)
        #expect(Self.warningCount(report, "BOUNDARY_GAP_FILLED") > 100, "the small holes between beats are filled and counted")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(try #require(summary["max_abs_deviation"] as? Double) <= 0.05)
        let input = try #require(report["input"] as? [String: Any])
        let gaps = try #require(input["boundary_gaps"] as? [String: Any])
        let all = try #require(gaps["count"] as? Int), filled = try #require(gaps["filled"] as? Int)
        #expect(all > filled, "large holes (enclaves) stay holes")
    }

    @Test("10,000 hexagons clipped to a county, given as units in UTM metres: valid units and grids, no undeclared parts")
    func hexagonsAsUnits() throws {
        // The sample at a finer cell size, its units written in UTM by ogr2ogr as a bureau's GIS would.
        let first = try GridplanBinary.temporaryFolder("trust-hex")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--cell-size", "430", "--out", first.path, "--quiet", "--tolerance", "0.2"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let units = try OutputCheck(folder: first).units.count
        #expect(units > 9_500 && units < 11_000, "about 10,000 units (\(units))")
        let utm = first.appendingPathComponent("units-utm.geojson")
        let ogr = Process()
        ogr.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        ogr.arguments = ["ogr2ogr", "-f", "GeoJSON", "-t_srs", "EPSG:32650", "-lco", "RFC7946=NO", "-lco", "COORDINATE_PRECISION=3", utm.path, first.appendingPathComponent("units.geojson").path]
        try ogr.run()
        ogr.waitUntilExit()
        try #require(ogr.terminationStatus == 0, "ogr2ogr (gdal-bin) converts the units to UTM")
        try Self.partitionAndEvaluate(
            "trust-hex-units",
            [
                "--boundary", "Data/sample/boundary.geojson", "--boundary-id", "station", "--units", utm.path,
                "--unit-id", "unit_id", "--weight", "weight", "--grids", "60",
            ], boundaryID: "station")
    }
}

/// Issue 10, item 8: digitising noise is one line, and validate says each warning once.
@Suite(.serialized, .enabled(if: GridplanBinary.sharedData != nil, "../shared/data is not beside the checkout"))
struct NoiseTests {
    @Test("Kecheng's sub-square-metre station overlaps and pinholes are one warning each, and validate does not repeat them")
    func kechengNoise() throws {
        let townships = TrustTests.path("quzhou-kecheng-admin/kecheng_townships.geojson")
        let v = try GridplanBinary.run([
            "validate", "--boundary", townships, "--boundary-id", "FNAME", "--units", townships, "--unit-id", "FNAME",
            "--weight", "count", "--grids", "18", "--tolerance", "0.99",
        ])
        let overlapLines = v.stderr.split(separator: "\n").filter { $0.contains("JURISDICTION_OVERLAP") }
        #expect(overlapLines.count == 1, "one line for the small overlaps: \(overlapLines)")
        #expect(overlapLines.first?.contains("m²") == true && !(overlapLines.first?.contains("0.0000 km²") ?? true))
        #expect(v.stderr.split(separator: "\n").filter { $0.contains("BOUNDARY_GAP_FILLED") }.count == 1)
        // Each warning is printed once (standard error); the account only tallies the codes.
        for line in v.stderr.split(separator: "\n") where line.hasPrefix("gridplan: warning: ") {
            // The message after "FILE: ", which the account would repeat if it listed the warnings again.
            guard let colon = line.range(of: ".geojson: ") else { continue }
            let text = line[colon.upperBound...].prefix(50)
            #expect(!v.stdout.contains(text), "warning repeated in the account: \(text)")
        }
        #expect(v.stdout.contains("[JURISDICTION_OVERLAP] ×4"), "\(v.stdout)")
    }
}
