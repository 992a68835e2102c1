import GridModel

/// What one `report.html` shows; both `partition` and `evaluate` fill it.
///
/// Shapes are in the work CRS (metres, x east, y north).
struct HTMLPage {
    var title: String
    /// One line under the title (command, inputs).
    var subtitle: String = ""
    var shapes: [MultiPolygon]
    /// Sub-jurisdiction (station) outlines, drawn heavier.
    var borders: [MultiPolygon] = []
    /// Earlier grid outlines (`--previous`), drawn dashed.
    var earlier: [MultiPolygon] = []
    /// Colour index per grid, neighbours differing.
    var colors: [Int]
    var stats: [GridStats]
    var weightNames: [String]
    var toleranceFraction: Double
    var summary: [(String, String)]
    /// Extra per-grid columns after the standard ones: header and one text per grid.
    var extraColumns: [(String, [String])] = []
    /// Header of the `units` column ("units" for partition, "features" for evaluate).
    var unitsHeader = "units"
    /// Police posts (`--centers`), metres, drawn as dots.
    var posts: [(x: Double, y: Double)] = []
    /// Barrier lines (`--barriers`, `--hard-barriers`; metres), drawn thin under the grid outlines.
    var barrierLines: [[Double]] = []
    /// False when there is no workload to balance (`evaluate` without `--points`): no histogram and no
    /// tolerance legend (every deviation is 0, so no grid is drawn red either).
    var measuresBalance = true
}

/// `report.html`: one self-contained page (inline SVG and CSS, no network, no script) with the map of
/// the grids, the summary, a histogram of grid weights against the tolerance band and the per-grid table.
enum HTMLReport {
    /// Fill colours that tell neighbours apart. No red or salmon: red is kept for weights outside the tolerance.
    static let palette = ["#8dd3c7", "#ffffb3", "#bebada", "#c6dbef", "#80b1d3", "#fdb462", "#b3de69", "#e5d8bd", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"]

    /// True when the grid's primary weight lies outside the tolerance band.
    static func outside(_ s: GridStats, _ tolerance: Double) -> Bool { abs(s.deviation) > tolerance + 1e-12 }

    static func render(_ page: HTMLPage) -> [UInt8] {
        let tolerance = page.toleranceFraction
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(escape(page.title))</title>\n"
        h += style
        h += "</head><body>\n<header><h1>\(escape(page.title))</h1>"
        if !page.subtitle.isEmpty { h += "<p class=\"sub\">\(escape(page.subtitle))</p>" }
        h += "</header>\n<div class=\"wrap\"><div class=\"map\">\n"
        h += mapSVG(page)
        h += legend(page)
        h += "</div><div class=\"side\"><h2>概要 Summary</h2><table class=\"sum\">"
        for (k, v) in page.summary { h += "<tr><th>\(escape(k))</th><td>\(escape(v))</td></tr>" }
        h += "</table>\n<h2>各网格工作量 Weight per grid</h2>\n"
        h +=
            page.measuresBalance
            ? histogramSVG(stats: page.stats, tolerance: tolerance)
            : "<p class=\"sub\">没有点数据,未衡量工作量 No points: the workload balance is not measured</p>\n"
        h += "</div></div>\n<h2>网格明细 Grids</h2>\n<table class=\"grid\"><tr><th>grid</th><th>grid_code</th><th>jurisdiction</th><th>\(escape(page.weightNames.first ?? "weight"))</th><th>deviation</th>"
        for name in page.weightNames.dropFirst() { h += "<th>\(escape(name))</th>" }
        h += "<th>points</th><th>\(escape(page.unitsHeader))</th><th>km²</th><th>Polsby-Popper</th><th>exclaves</th>"
        for (name, _) in page.extraColumns { h += "<th>\(escape(name))</th>" }
        h += "</tr>\n"
        for (g, s) in page.stats.enumerated() {
            let bad = outside(s, tolerance)
            h += "<tr><td>\(escape(s.gridID))</td><td>\(escape(s.gridCode))</td><td>\(escape(s.jurisdiction))</td><td>\(Format.fixed(s.weights[0], 1))</td>"
            h += "<td\(bad ? " class=\"bad\"" : "")>\(Format.percent(s.deviation))</td>"
            for k in 1..<max(1, s.weights.count) { h += "<td>\(Format.fixed(s.weights[k], 1))</td>" }
            h += "<td>\(s.points)</td><td>\(s.units)</td><td>\(Format.fixed(s.areaKm2, 3))</td><td>\(Format.fixed(s.polsbyPopper, 3))</td>"
            h += "<td>\(s.exclaves)</td>"
            for (_, values) in page.extraColumns { h += "<td>\(escape(values.indices.contains(g) ? values[g] : ""))</td>" }
            h += "</tr>\n"
        }
        h += "</table>\n<p class=\"foot\">gridplan \(ReportBuilder.toolVersion) · 颜色仅用于区分相邻网格 Colours only tell neighbouring grids apart · "
        h += "红色 = 超出 ±\(Format.percent(tolerance)) Red = outside the tolerance band</p></body></html>\n"
        return Array(h.utf8)
    }

    private static let style = """
        <style>body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',system-ui,sans-serif;margin:16px 20px;color:#222;background:#fff}
        h1{font-size:22px;margin:0 0 2px}h2{font-size:15px;margin:14px 0 6px;color:#333}.sub{margin:0 0 10px;color:#666;font-size:12px}
        .wrap{display:flex;flex-wrap:wrap;gap:20px;align-items:flex-start}.map{flex:1 1 620px;max-width:860px}.side{flex:1 1 380px;max-width:460px}
        svg.m{width:100%;height:auto;max-height:78vh;background:#f4f3ee;border:1px solid #bbb}
        table{border-collapse:collapse;font-size:12px}td,th{border:1px solid #ddd;padding:3px 7px;text-align:right}th{background:#f0f0f0;font-weight:600}
        table.sum{width:100%;font-size:13px}table.sum th{text-align:left;width:52%}table.grid td:nth-child(-n+3){text-align:left}
        .bad{color:#c00;font-weight:bold}.lbl{text-anchor:middle;fill:#111;font-weight:600;paint-order:stroke;stroke:#fff;stroke-width:2.5px;stroke-linejoin:round}
        .lbl .bad{fill:#c00}.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;margin:6px 0;color:#333}.legend svg{vertical-align:middle;margin-right:4px}
        .foot{color:#666;font-size:12px}</style>

        """

    private static func legend(_ page: HTMLPage) -> String {
        func swatch(_ inner: String) -> String { "<svg width=\"28\" height=\"14\">\(inner)</svg>" }
        var s = "<div class=\"legend\">"
        s += "<span>\(swatch("<rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"\(palette[0])\" stroke=\"#555\"/><rect x=\"14\" y=\"1\" width=\"12\" height=\"12\" fill=\"\(palette[4])\" stroke=\"#555\"/>"))网格 grid (grid_id / weight)</span>"
        if !page.borders.isEmpty {
            s += "<span>\(swatch("<line x1=\"0\" y1=\"7\" x2=\"28\" y2=\"7\" stroke=\"#111\" stroke-width=\"3\"/>"))派出所辖区界 station border</span>"
        }
        if !page.earlier.isEmpty {
            s += "<span>\(swatch("<line x1=\"0\" y1=\"7\" x2=\"28\" y2=\"7\" stroke=\"#d0006f\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"))原网格界 earlier grid border</span>"
        }
        if !page.posts.isEmpty {
            s += "<span>\(swatch("<circle cx=\"14\" cy=\"7\" r=\"4\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"1.5\"/>"))警务室 police post</span>"
        }
        // Nothing weighed, no claim about the tolerance either way.
        guard page.measuresBalance else { return s + "</div>\n" }
        let outsideCount = page.stats.filter { outside($0, page.toleranceFraction) }.count
        if outsideCount > 0 {
            // The first grid outside the band, as it is labelled on the map.
            let example = page.stats.first { outside($0, page.toleranceFraction) }.map { Format.fixed($0.weights[0], 0) } ?? ""
            s += "<span>\(swatch("<text x=\"14\" y=\"12\" font-size=\"11\" text-anchor=\"middle\" fill=\"#c00\" font-weight=\"bold\">\(escape(example))</text>"))"
            s += "\(outsideCount) 个网格超出容差 grid(s) outside ±\(Format.percent(page.toleranceFraction))</span>"
        } else {
            s += "<span>全部网格在 ±\(Format.percent(page.toleranceFraction)) 内 every grid within ±\(Format.percent(page.toleranceFraction))</span>"
        }
        return s + "</div>\n"
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
