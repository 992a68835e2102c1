import GridModel

/// Reprojection through PROJ, with gcj02/bd09 handled in Swift.
struct Reprojection: EngineAlgorithm {
    let engine: GeometryEngine

    /// Transforms in place from `source` to `target` (x = lon/easting, y = lat/northing on both sides,
    /// whatever the EPSG axis order). gcj02/bd09 sources are converted to WGS84 first by our own code,
    /// gcj02/bd09 targets last. Throws naming the CRS when PROJ does not know it, and when any point fails.
    /// - Complexity: O(n), one `proj_trans_generic` call.
    func transform(x: inout [Double], y: inout [Double], from source: String, to target: String)
        throws(GeometryError)
    {
        guard x.count == y.count else {
            throw GeometryError("transform: \(x.count) x values but \(y.count) y values")
        }
        let srcPseudo = CRS.pseudo(source), dstPseudo = CRS.pseudo(target)
        if let srcPseudo {
            if srcPseudo == .gcj02 { GCJ02.toWGS84(lon: &x, lat: &y) } else { BD09.toWGS84(lon: &x, lat: &y) }
        }
        let projSource = srcPseudo == nil ? source : CRS.lonLat
        let projTarget = dstPseudo == nil ? target : CRS.lonLat
        if projSource != projTarget {
            try engine.transformer(from: projSource, to: projTarget).transform(x: &x, y: &y)
        }
        if let dstPseudo {
            if dstPseudo == .gcj02 { GCJ02.fromWGS84(lon: &x, lat: &y) } else { BD09.fromWGS84(lon: &x, lat: &y) }
        }
    }

    /// Transforms many shapes in one PROJ call (e.g. every unit of a plan for output).
    /// - Complexity: O(total positions).
    func transform(_ shapes: [MultiPolygon], from source: String, to target: String) throws(GeometryError)
        -> [MultiPolygon]
    {
        var xs: [Double] = [], ys: [Double] = []
        let total = shapes.reduce(0) { sum, m in m.polygons.reduce(sum) { $0 + $1.positionCount } }
        xs.reserveCapacity(total)
        ys.reserveCapacity(total)
        for m in shapes {
            for p in m.polygons {
                for r in p.rings {
                    var i = 0
                    while i + 1 < r.count {
                        xs.append(r[i])
                        ys.append(r[i + 1])
                        i += 2
                    }
                }
            }
        }
        try transform(x: &xs, y: &ys, from: source, to: target)
        var k = 0
        var out = shapes
        for si in out.indices {
            for pi in out[si].polygons.indices {
                for ri in out[si].polygons[pi].rings.indices {
                    let n = out[si].polygons[pi].rings[ri].count / 2
                    for j in 0..<n {
                        out[si].polygons[pi].rings[ri][2 * j] = xs[k]
                        out[si].polygons[pi].rings[ri][2 * j + 1] = ys[k]
                        k += 1
                    }
                }
            }
        }
        return out
    }

}
