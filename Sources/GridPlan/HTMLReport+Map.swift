import GridModel

/// The map of report.html: grids filled so neighbours differ, labels with code and weight, station
/// borders heavier, earlier grid borders dashed. Shapes in metres; the SVG flips y.
extension HTMLReport {
    static func mapSVG(_ page: HTMLPage) -> String {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for m in page.shapes + page.borders {
            for p in m.polygons {
                let r = p.exterior
                for i in stride(from: 0, to: r.count, by: 2) {
                    minX = min(minX, r[i]); maxX = max(maxX, r[i])
                    minY = min(minY, r[i + 1]); maxY = max(maxY, r[i + 1])
                }
            }
        }
        guard minX.isFinite else { return "<svg class=\"m\" viewBox=\"0 0 10 10\"></svg>" }
        let width = 1000.0
        // The longer side spans `width` units.
        let scale = width / max(maxX - minX, maxY - minY, 1e-9)
        let height = max(1, (maxY - minY) * scale)
        let w = max(1, (maxX - minX) * scale)
        func path(_ m: MultiPolygon) -> String {
            var d = ""
            for p in m.polygons {
                for ring in p.rings {
                    var last = ""
                    for i in stride(from: 0, to: ring.count, by: 2) {
                        // Points closer than 0.1 px to the previous one add nothing on screen.
                        let xy = Format.fixed((ring[i] - minX) * scale, 1) + " " + Format.fixed((maxY - ring[i + 1]) * scale, 1)
                        if xy == last { continue }
                        d += (last.isEmpty ? "M" : "L") + xy
                        last = xy
                    }
                    d += "Z"
                }
            }
            return d
        }
        var s = "<svg class=\"m\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-6 -6 \(Format.fixed(w + 12, 0)) \(Format.fixed(height + 12, 0))\">\n"
        for (g, m) in page.shapes.enumerated() {
            let color = palette[(page.colors.indices.contains(g) ? page.colors[g] : g) % palette.count]
            let st = page.stats[g]
            s += "<path d=\"\(path(m))\" fill=\"\(color)\" fill-rule=\"evenodd\" stroke=\"#666\" stroke-width=\"0.7\" stroke-linejoin=\"round\">"
            s += "<title>\(escape(st.gridCode)) \(escape(st.jurisdiction)): \(Format.fixed(st.weights[0], 1)) (\(Format.percent(st.deviation)))</title></path>\n"
        }
        s += barrierPaths(page.barrierLines, minX: minX, maxX: maxX, minY: minY, maxY: maxY, scale: scale)
        for m in page.earlier {
            s += "<path d=\"\(path(m))\" fill=\"none\" stroke=\"#d0006f\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\" stroke-linejoin=\"round\"/>\n"
        }
        for m in page.borders {
            s += "<path d=\"\(path(m))\" fill=\"none\" stroke=\"#111\" stroke-width=\"2.8\" stroke-linejoin=\"round\"/>\n"
        }
        for (g, m) in page.shapes.enumerated() {
            guard let c = labelPoint(m) else { continue }
            let st = page.stats[g]
            // The short grid_id on the map (the full grid_code is in the tooltip and the table).
            // Size from the grid's own extent on screen, so small grids get small labels and big ones readable ones.
            let side = (st.areaKm2 * 1e6).squareRoot() * scale
            let size = max(6, min(15, side / 4.2))
            let x = Format.fixed((c.0 - minX) * scale, 1), y = Format.fixed((maxY - c.1) * scale - size * 0.1, 1)
            let bad = outside(st, page.toleranceFraction)
            s += "<text class=\"lbl\" style=\"font-size:\(Format.fixed(size, 1))px\" x=\"\(x)\" y=\"\(y)\">\(escape(st.gridID))"
            s += "<tspan x=\"\(x)\" dy=\"1.1em\"\(bad ? " class=\"bad\"" : "")>\(Format.fixed(st.weights[0], 0))</tspan></text>\n"
        }
        for post in page.posts {
            let x = Format.fixed((post.x - minX) * scale, 1), y = Format.fixed((maxY - post.y) * scale, 1)
            s += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"3.5\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"1.2\"/>\n"
        }
        s += scaleBar(metresPerUnit: 1 / scale, mapHeight: height)
        return s + "</svg>\n"
    }

    /// A scale bar in the lower left corner: a round length (1, 2 or 5 × 10ⁿ m) about a fifth of the map wide.
    static func scaleBar(metresPerUnit: Double, mapHeight: Double) -> String {
        let target = 200 * metresPerUnit
        var length = 1.0
        while length * 10 <= target { length *= 10 }
        if length * 5 <= target { length *= 5 } else if length * 2 <= target { length *= 2 }
        let px = length / metresPerUnit
        let label = length >= 1000 ? "\(Format.fixed(length / 1000, 0)) km" : "\(Format.fixed(length, 0)) m"
        let y = Format.fixed(mapHeight - 8, 1)
        var s = "<g class=\"scale\"><rect x=\"4\" y=\"\(Format.fixed(mapHeight - 30, 1))\" width=\"\(Format.fixed(px + 16, 1))\" height=\"28\" fill=\"#fff\" fill-opacity=\"0.8\"/>"
        s += "<path d=\"M12 \(y)v-6M12 \(y)h\(Format.fixed(px, 1))v-6\" fill=\"none\" stroke=\"#111\" stroke-width=\"2\"/>"
        s += "<text x=\"\(Format.fixed(12 + px / 2, 1))\" y=\"\(Format.fixed(mapHeight - 16, 1))\" font-size=\"12\" text-anchor=\"middle\">\(label)</text></g>\n"
        return s
    }

    /// The barrier lines within the map as one thin translucent path (on top of the fills, below the
    /// outlines and labels); points closer than 0.5 px to the previous one are dropped.
    static func barrierPaths(_ lines: [[Double]], minX: Double, maxX: Double, minY: Double, maxY: Double, scale: Double) -> String {
        guard !lines.isEmpty else { return "" }
        var d = ""
        for l in lines {
            // Drawn when its envelope meets the map's (a street may cross the map with both ends outside).
            var lo = (Double.infinity, Double.infinity), hi = (-Double.infinity, -Double.infinity)
            for i in stride(from: 0, to: l.count - 1, by: 2) {
                lo = (min(lo.0, l[i]), min(lo.1, l[i + 1]))
                hi = (max(hi.0, l[i]), max(hi.1, l[i + 1]))
            }
            guard hi.0 >= minX, lo.0 <= maxX, hi.1 >= minY, lo.1 <= maxY else { continue }
            var last: (Double, Double)?
            var part = ""
            for i in stride(from: 0, to: l.count, by: 2) {
                let x = ((l[i] - minX) * scale * 2).rounded() / 2, y = ((maxY - l[i + 1]) * scale * 2).rounded() / 2
                if let p = last, p.0 == x, p.1 == y { continue }
                part += (last == nil ? "M" : "L") + Format.fixed(x, 1) + " " + Format.fixed(y, 1)
                last = (x, y)
            }
            d += part
        }
        guard !d.isEmpty else { return "" }
        return "<path d=\"\(d)\" fill=\"none\" stroke=\"#1f3a68\" stroke-opacity=\"0.55\" stroke-width=\"0.6\"/>\n"
    }

    /// Area centroid of the largest part (good enough for a label on compact grids).
    static func labelPoint(_ m: MultiPolygon) -> (Double, Double)? {
        var best: (Double, Double)?
        var bestArea = 0.0
        for p in m.polygons {
            let r = p.exterior
            guard r.count >= 8 else { continue }
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
}
