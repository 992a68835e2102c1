import GridModel

/// `report.html`: one self-contained page (inline SVG and CSS, no network) with the map of the grids,
/// the summary, a histogram of grid weights against the tolerance band and the per-grid table.
///
/// Shapes are in the work CRS (metres, x east, y north); the SVG flips y.
enum HTMLReport {
    static let palette = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"]

    static func render(
        title: String, shapes: [MultiPolygon], borders: [MultiPolygon], colors: [Int], stats: [GridStats],
        weightNames: [String], tolerance: Double, summary: [(String, String)]
    ) -> [UInt8] {
        var h = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(escape(title))</title>\n"
        h += "<style>body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:16px;color:#222}"
        h += ".wrap{display:flex;flex-wrap:wrap;gap:24px}.map{flex:1 1 640px;max-width:900px}.side{flex:0 1 380px}"
        h += "svg{width:100%;height:auto;background:#f7f7f4;border:1px solid #ccc}table{border-collapse:collapse;font-size:12px}"
        h += "td,th{border:1px solid #ddd;padding:2px 6px;text-align:right}th{background:#eee}td:first-child,td:nth-child(2){text-align:left}"
        h += ".bad{color:#b00;font-weight:bold}.lbl{font-size:9px;text-anchor:middle;fill:#111;paint-order:stroke;stroke:#fff;stroke-width:2px}</style></head><body>\n"
        h += "<h1>\(escape(title))</h1>\n<div class=\"wrap\"><div class=\"map\">\n"
        h += mapSVG(shapes: shapes, borders: borders, colors: colors, stats: stats)
        h += "</div><div class=\"side\"><h2>Summary</h2><table>"
        for (k, v) in summary { h += "<tr><th>\(escape(k))</th><td>\(escape(v))</td></tr>" }
        h += "</table>\n<h2>Weight per grid</h2>\n"
        h += histogramSVG(stats: stats, tolerance: tolerance)
        h += "</div></div>\n<h2>Grids</h2>\n<table><tr><th>grid</th><th>jurisdiction</th><th>\(escape(weightNames.first ?? "weight"))</th><th>deviation</th>"
        for name in weightNames.dropFirst() { h += "<th>\(escape(name))</th>" }
        h += "<th>points</th><th>units</th><th>km²</th><th>Polsby-Popper</th><th>exclaves</th></tr>\n"
        for s in stats {
            let bad = abs(s.deviation) > tolerance + 1e-12
            h += "<tr><td>\(escape(s.gridCode))</td><td>\(escape(s.jurisdiction))</td><td>\(Format.fixed(s.weights[0], 1))</td>"
            h += "<td\(bad ? " class=\"bad\"" : "")>\(Format.percent(s.deviation))</td>"
            for k in 1..<max(1, s.weights.count) { h += "<td>\(Format.fixed(s.weights[k], 1))</td>" }
            h += "<td>\(s.points)</td><td>\(s.units)</td><td>\(Format.fixed(s.areaKm2, 3))</td><td>\(Format.fixed(s.polsbyPopper, 3))</td><td>\(s.exclaves)</td></tr>\n"
        }
        h += "</table>\n<p>Made by gridplan \(ReportBuilder.toolVersion). Colours only tell neighbouring grids apart.</p></body></html>\n"
        return Array(h.utf8)
    }

    private static func mapSVG(shapes: [MultiPolygon], borders: [MultiPolygon], colors: [Int], stats: [GridStats]) -> String {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for m in shapes {
            for p in m.polygons {
                let r = p.exterior
                for i in stride(from: 0, to: r.count, by: 2) {
                    minX = min(minX, r[i]); maxX = max(maxX, r[i])
                    minY = min(minY, r[i + 1]); maxY = max(maxY, r[i + 1])
                }
            }
        }
        guard minX.isFinite else { return "<svg viewBox=\"0 0 10 10\"></svg>" }
        let width = 1000.0
        let scale = width / max(maxX - minX, 1e-9)
        let height = max(1, (maxY - minY) * scale)
        func path(_ m: MultiPolygon) -> String {
            var d = ""
            for p in m.polygons {
                for ring in p.rings {
                    for i in stride(from: 0, to: ring.count, by: 2) {
                        d += (i == 0 ? "M" : "L") + Format.fixed((ring[i] - minX) * scale, 1) + " " + Format.fixed((maxY - ring[i + 1]) * scale, 1)
                    }
                    d += "Z"
                }
            }
            return d
        }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-5 -5 \(Format.fixed(width + 10, 0)) \(Format.fixed(height + 10, 0))\">\n"
        for (g, m) in shapes.enumerated() {
            let color = palette[(colors.indices.contains(g) ? colors[g] : g) % palette.count]
            s += "<path d=\"\(path(m))\" fill=\"\(color)\" fill-rule=\"evenodd\" stroke=\"#555\" stroke-width=\"0.6\"><title>\(escape(stats[g].gridCode)): \(Format.fixed(stats[g].weights[0], 1))</title></path>\n"
        }
        for m in borders {
            s += "<path d=\"\(path(m))\" fill=\"none\" stroke=\"#111\" stroke-width=\"2.2\"/>\n"
        }
        let fontSize = max(6, min(14, width / Double(max(1, shapes.count)).squareRoot() / 6))
        for (g, m) in shapes.enumerated() {
            guard let c = labelPoint(m) else { continue }
            s += "<text class=\"lbl\" style=\"font-size:\(Format.fixed(fontSize, 1))px\" x=\"\(Format.fixed((c.0 - minX) * scale, 1))\" y=\"\(Format.fixed((maxY - c.1) * scale, 1))\">\(escape(stats[g].gridID))<tspan x=\"\(Format.fixed((c.0 - minX) * scale, 1))\" dy=\"1.1em\">\(Format.fixed(stats[g].weights[0], 0))</tspan></text>\n"
        }
        return s + "</svg>\n"
    }

    /// Area centroid of the largest part (good enough for a label on compact grids).
    private static func labelPoint(_ m: MultiPolygon) -> (Double, Double)? {
        var best: (Double, Double)?
        var bestArea = 0.0
        for p in m.polygons {
            let r = p.exterior
            let a = Ring.signedArea(r)
            guard abs(a) > bestArea else { continue }
            var cx = 0.0, cy = 0.0
            let n = r.count / 2
            let x0 = r[0], y0 = r[1]
            for i in 0..<(n - 1) {
                let xa = r[2 * i] - x0, ya = r[2 * i + 1] - y0, xb = r[2 * i + 2] - x0, yb = r[2 * i + 3] - y0
                let cross = xa * yb - xb * ya
                cx += (xa + xb) * cross
                cy += (ya + yb) * cross
            }
            bestArea = abs(a)
            best = (x0 + cx / (6 * a), y0 + cy / (6 * a))
        }
        return best
    }

    private static func histogramSVG(stats: [GridStats], tolerance: Double) -> String {
        let devs = stats.map(\.deviation)
        let lo = min(-tolerance * 1.5, devs.min() ?? 0), hi = max(tolerance * 1.5, devs.max() ?? 0)
        let bins = 30
        var counts = Array(repeating: 0, count: bins)
        for d in devs {
            let b = min(bins - 1, max(0, Int((d - lo) / (hi - lo) * Double(bins))))
            counts[b] += 1
        }
        let top = Double(max(1, counts.max() ?? 1))
        let w = 360.0, hgt = 140.0
        let x = { (d: Double) in (d - lo) / (hi - lo) * w }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Format.fixed(w, 0)) \(Format.fixed(hgt + 20, 0))\">"
        s += "<rect x=\"\(Format.fixed(x(-tolerance), 1))\" y=\"0\" width=\"\(Format.fixed(x(tolerance) - x(-tolerance), 1))\" height=\"\(Format.fixed(hgt, 0))\" fill=\"#dfefdf\"/>"
        for (b, c) in counts.enumerated() where c > 0 {
            let bh = Double(c) / top * (hgt - 4)
            s += "<rect x=\"\(Format.fixed(Double(b) * w / Double(bins) + 1, 1))\" y=\"\(Format.fixed(hgt - bh, 1))\" width=\"\(Format.fixed(w / Double(bins) - 2, 1))\" height=\"\(Format.fixed(bh, 1))\" fill=\"#4a78a8\"/>"
        }
        s += "<line x1=\"\(Format.fixed(x(0), 1))\" y1=\"0\" x2=\"\(Format.fixed(x(0), 1))\" y2=\"\(Format.fixed(hgt, 0))\" stroke=\"#333\" stroke-dasharray=\"3 2\"/>"
        s += "<text x=\"0\" y=\"\(Format.fixed(hgt + 15, 0))\" font-size=\"11\">\(Format.percent(lo))</text>"
        s += "<text x=\"\(Format.fixed(w, 0))\" y=\"\(Format.fixed(hgt + 15, 0))\" font-size=\"11\" text-anchor=\"end\">\(Format.percent(hi))</text>"
        s += "<text x=\"\(Format.fixed(w / 2, 0))\" y=\"\(Format.fixed(hgt + 15, 0))\" font-size=\"11\" text-anchor=\"middle\">deviation from mean (band = ±\(Format.percent(tolerance)))</text>"
        return s + "</svg>\n"
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
