import Foundation
import Testing

@testable import GridPlan

/// Issue 10: report.html keeps red for grids outside the tolerance, shows the same ids as the table,
/// and has a scale bar.
@Suite(.serialized)
struct ReportPageTests {
    @Test("a plan with every grid in tolerance shows no red, its labels are the table's grid ids, and a scale bar")
    func noFalseRed() throws {
        let out = try GridplanBinary.temporaryFolder("page")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", out.path, "--quiet"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        // No red or salmon fill, no red label, no "outside" legend entry when nothing is outside.
        for red in ["#fb8072", "#c00\" font-weight", "class=\"bad\">"] { #expect(!html.contains(red), "\(red) on a page where every grid is in tolerance") }
        #expect(html.contains("every grid within ±5.0%"))
        // Every map label is a grid_id listed in the table's first column.
        let labels = Self.matches(#"<text class="lbl"[^>]*>([^<]+)<tspan"#, html)
        let table = Self.matches(#"<tr><td>([^<]+)</td><td>[0-9]+</td>"#, html)
        #expect(labels.count == 60 && Set(labels) == Set(table), "labels \(labels.prefix(3)) vs table \(table.prefix(3))")
        #expect(html.contains("class=\"scale\"") && html.contains(" km</text>"))
    }

    @Test("a grid outside the tolerance is red on the map and in the table, and the legend counts it")
    func redWhenOutside() throws {
        let out = try GridplanBinary.temporaryFolder("page-bad")
        // A tolerance far looser than --tolerance shown: evaluate the plan's grids against ±0.5%.
        let plan = try GridplanBinary.temporaryFolder("page-plan")
        let p = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", plan.path, "--quiet"])
        #expect(p.status == 0, "stderr: \(p.stderr)")
        let r = try GridplanBinary.run([
            "evaluate", "--grids", plan.appendingPathComponent("grids.geojson").path, "--grid-id", "grid_id", "--boundary-id", "jurisdiction",
            "--points", "Data/sample/points.csv", "--weight", "population", "--tolerance", "0.005", "--out", out.path, "--quiet",
        ])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("class=\"bad\">"))
        #expect(html.contains("grid(s) outside ±0.5%"))
    }

    @Test("a histogram bar that straddles the band's edge is red only for the grids beyond the band")
    func histogramEdgeBar() {
        func grid(_ deviation: Double) -> GridStats {
            GridStats(
                gridID: "g", gridCode: "g", jurisdiction: "", weights: [1], points: 0, units: 1, areaKm2: 1,
                perimeterKm: 4, polsbyPopper: 0.78, deviation: deviation, exclaves: 0)
        }
        // ±15 % over 30 bars of 2 % from −30 % to +30 %: 14.99 % and 15.01 % share the bar 14–16 %, whose
        // middle lies a hair beyond 15 %.
        let inside = HTMLReport.histogramSVG(stats: [grid(-0.02), grid(0.1499)], tolerance: 0.15)
        #expect(!inside.contains("#d9534f"), "a grid inside the band drawn red")
        #expect(inside.contains("2 of 2"))
        let mixed = HTMLReport.histogramSVG(stats: [grid(0.1499), grid(0.1501)], tolerance: 0.15)
        #expect(mixed.contains("#d9534f") && mixed.contains("#4a78a8"), "one bar, one grid each side of the edge")
        #expect(mixed.contains("2 grid(s), 1 beyond ±15.0%") && mixed.contains("1 of 2"))
    }

    static func matches(_ pattern: String, _ text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
