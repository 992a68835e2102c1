import GridModel

/// Polygons as they will be written: longitude/latitude rounded to a fixed number of decimals, valid
/// after that rounding, exterior rings counter-clockwise and holes clockwise (RFC 7946).
///
/// Rounding a valid polygon can make it invalid: a spike or a hole thinner than the rounding step
/// collapses onto itself. Such polygons are snap-rounded on the output grid by GEOS (the thin part goes,
/// everything else keeps its rounded vertices), so what a GIS reads is exactly what was checked.
public struct OutputShapes: Sendable {
    /// The shapes, one per input, rounded and valid.
    public var shapes: [MultiPolygon]
    /// Indices of the inputs that were invalid after plain rounding and were snap-rounded.
    public var snapped: [Int]
}

struct OutputShapeWriter: EngineAlgorithm {
    let engine: GeometryEngine

    /// `shapes` (in `source`) transformed to EPSG:4326 lon/lat, rounded to `decimals`, made valid, oriented.
    /// - Complexity: one bulk PROJ call, then O(vertices) plus one GEOS validity test per shape.
    func outputShapes(_ shapes: [MultiPolygon], from source: String, decimals: Int = 7)
        throws(GeometryError) -> OutputShapes
    {
        let lonLat = try engine.transform(shapes, from: source, to: "EPSG:4326")
        let scale = Double.pow10(decimals)
        var out: [MultiPolygon] = []
        out.reserveCapacity(lonLat.count)
        var snapped: [Int] = []
        for (i, shape) in lonLat.enumerated() {
            let rounded = OutputShapes.rounded(shape, scale: scale)
            let g = try geometry(rounded)
            if try g.isValid() {
                out.append(OutputShapes.oriented(rounded))
                continue
            }
            // Snap-round the unrounded shape: GEOS puts every vertex on the same grid as plain rounding.
            let fixed = try geometry(shape).snapRounded(gridSize: 1 / scale).toMultiPolygon()
            let result = OutputShapes.oriented(OutputShapes.rounded(fixed, scale: scale))
            guard try geometry(result).isValid() else {
                throw GeometryError("shape \(i) is still invalid after snap-rounding to \(decimals) decimals")
            }
            out.append(result)
            snapped.append(i)
        }
        return OutputShapes(shapes: out, snapped: snapped)
    }
}

extension OutputShapes {
    /// Every coordinate rounded to a multiple of 1/scale (as the writer prints it), repeated vertices dropped,
    /// rings left with fewer than four positions dropped (a hole), or the polygon dropped (a shell).
    static func rounded(_ m: MultiPolygon, scale: Double) -> MultiPolygon {
        var polygons: [Polygon] = []
        for p in m.polygons {
            var rings: [[Double]] = []
            for (r, ring) in p.rings.enumerated() {
                var xy: [Double] = []
                xy.reserveCapacity(ring.count)
                var i = 0
                while i + 1 < ring.count {
                    let x = (ring[i] * scale).rounded(.toNearestOrEven) / scale
                    let y = (ring[i + 1] * scale).rounded(.toNearestOrEven) / scale
                    if xy.count < 2 || xy[xy.count - 2] != x || xy[xy.count - 1] != y {
                        xy.append(x)
                        xy.append(y)
                    }
                    i += 2
                }
                if xy.count >= 2, xy[0] != xy[xy.count - 2] || xy[1] != xy[xy.count - 1] {
                    xy.append(xy[0])
                    xy.append(xy[1])
                }
                if xy.count < 8 {
                    if r == 0 { break }
                    continue
                }
                rings.append(xy)
            }
            if !rings.isEmpty { polygons.append(Polygon(rings: rings)) }
        }
        return MultiPolygon(polygons: polygons)
    }

    /// Exterior rings counter-clockwise, holes clockwise.
    static func oriented(_ m: MultiPolygon) -> MultiPolygon {
        MultiPolygon(
            polygons: m.polygons.map { p in
                Polygon(
                    rings: p.rings.enumerated().map { r, ring in
                        let ccw = Ring.signedArea(ring) > 0
                        return (r == 0) == ccw ? ring : Ring.reversed(ring)
                    })
            })
    }
}

extension Double {
    /// 10^n for a small non-negative n, exactly.
    static func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<max(0, n) { v *= 10 }
        return v
    }
}
