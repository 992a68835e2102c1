/// The histogram of report.html: grids per deviation band, with the tolerance band shaded.
extension HTMLReport {
    static func histogramSVG(stats: [GridStats], tolerance: Double) -> String {
        let devs = stats.map(\.deviation)
        let lo = min(-tolerance * 2, devs.min() ?? 0), hi = max(tolerance * 2, devs.max() ?? 0)
        let bins = 30
        // Per bar, the grids inside the band and beyond it: a bar that straddles the band's edge is
        // coloured by its grids, not by where its middle falls.
        var counts = Array(repeating: 0, count: bins)
        var beyond = Array(repeating: 0, count: bins)
        for grid in stats {
            let b = min(bins - 1, max(0, Int((grid.deviation - lo) / (hi - lo) * Double(bins))))
            counts[b] += 1
            if outside(grid, tolerance) { beyond[b] += 1 }
        }
        let top = Double(max(1, counts.max() ?? 1))
        let left = 28.0, w = 400.0, hgt = 150.0
        let x = { (d: Double) in left + (d - lo) / (hi - lo) * w }
        let inside = stats.count - beyond.reduce(0, +)
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 \(Format.fixed(left + w + 8, 0)) \(Format.fixed(hgt + 36, 0))\" font-size=\"11\">"
        s += "<rect x=\"\(Format.fixed(x(-tolerance), 1))\" y=\"0\" width=\"\(Format.fixed(x(tolerance) - x(-tolerance), 1))\" height=\"\(Format.fixed(hgt, 0))\" fill=\"#d7ecd4\"/>"
        s += "<text x=\"\(Format.fixed(x(tolerance) + 3, 1))\" y=\"12\" fill=\"#3a7a34\">±\(Format.percent(tolerance)): \(inside) of \(devs.count)</text>"
        for (b, c) in counts.enumerated() where c > 0 {
            // Grids inside the band in blue at the foot of the bar, grids beyond it in red above.
            let bx = Format.fixed(left + Double(b) * w / Double(bins) + 1, 1)
            let bw = Format.fixed(w / Double(bins) - 2, 1)
            let title = beyond[b] > 0 ? "\(c) grid(s), \(beyond[b]) beyond ±\(Format.percent(tolerance))" : "\(c) grid(s)"
            var foot = hgt
            for (n, fill) in [(c - beyond[b], "#4a78a8"), (beyond[b], "#d9534f")] where n > 0 {
                let bh = Double(n) / top * (hgt - 18)
                s += "<rect x=\"\(bx)\" y=\"\(Format.fixed(foot - bh, 1))\" width=\"\(bw)\" height=\"\(Format.fixed(bh, 1))\" fill=\"\(fill)\"><title>\(title)</title></rect>"
                foot -= bh
            }
        }
        s += "<line x1=\"\(Format.fixed(left, 0))\" y1=\"\(Format.fixed(hgt, 0))\" x2=\"\(Format.fixed(left + w, 0))\" y2=\"\(Format.fixed(hgt, 0))\" stroke=\"#333\"/>"
        s += "<line x1=\"\(Format.fixed(x(0), 1))\" y1=\"0\" x2=\"\(Format.fixed(x(0), 1))\" y2=\"\(Format.fixed(hgt, 0))\" stroke=\"#333\" stroke-dasharray=\"3 2\"/>"
        s += "<text x=\"\(Format.fixed(left - 4, 0))\" y=\"\(Format.fixed(hgt - (hgt - 18) + 4, 0))\" text-anchor=\"end\">\(Int(top))</text>"
        s += "<text x=\"\(Format.fixed(left - 4, 0))\" y=\"\(Format.fixed(hgt, 0))\" text-anchor=\"end\">0</text>"
        s += "<text x=\"\(Format.fixed(left, 0))\" y=\"\(Format.fixed(hgt + 14, 0))\">\(Format.percent(lo))</text>"
        s += "<text x=\"\(Format.fixed(x(0), 1))\" y=\"\(Format.fixed(hgt + 14, 0))\" text-anchor=\"middle\">0</text>"
        s += "<text x=\"\(Format.fixed(left + w, 0))\" y=\"\(Format.fixed(hgt + 14, 0))\" text-anchor=\"end\">+\(Format.percent(hi))</text>"
        s += "<text x=\"\(Format.fixed(left + w / 2, 0))\" y=\"\(Format.fixed(hgt + 30, 0))\" text-anchor=\"middle\">偏离均值 deviation from the mean · 网格数 grids per bar</text>"
        return s + "</svg>\n"
    }
}
