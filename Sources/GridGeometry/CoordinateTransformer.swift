internal import CPROJ

/// A normalised PROJ transformation: x = longitude/easting, y = latitude/northing on both sides.
final class CoordinateTransformer {
    /// Strong reference: the context outlives the PJ.
    let context: ProjContext
    let pj: OpaquePointer
    let source: String
    let target: String

    init(from source: String, to target: String, in context: ProjContext) throws(GeometryError) {
        context.sink.lines.removeAll()
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            let both = context.error("cannot transform from '\(source)' to '\(target)'")
            // Name the CRS PROJ does not know, if it is just one of them.
            for name in [source, target] {
                if let pj = proj_create(context.handle, name) {
                    proj_destroy(pj)  // only a probe
                } else {
                    throw context.error("unknown CRS '\(name)'")
                }
            }
            throw both
        }
        // normalize returns a NEW PJ: the raw one is ours to destroy either way.
        defer { proj_destroy(raw) }
        guard let norm = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.error("normalize_for_visualization('\(source)' -> '\(target)')")
        }
        self.context = context
        self.pj = norm
        self.source = source
        self.target = target
    }

    deinit { proj_destroy(pj) }

    /// Transforms in place in one `proj_trans_generic` call. Throws when a point fails (PROJ returns inf).
    func transform(x: inout [Double], y: inout [Double]) throws(GeometryError) {
        precondition(x.count == y.count, "x and y must have the same length")
        let n = x.count
        guard n > 0 else { return }
        let stride = MemoryLayout<Double>.stride
        proj_errno_reset(pj)
        context.sink.lines.removeAll()
        let pj = self.pj
        let inputX = x, inputY = y  // kept to name a failing point (copied on first write)
        _ = x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                proj_trans_generic(pj, PJ_FWD, xs.baseAddress, stride, n, ys.baseAddress, stride, n, nil, 0, 0, nil, 0, 0)
            }
        }
        for i in 0..<n where !x[i].isFinite || !y[i].isFinite {
            let why = context.error("trans").message
            throw GeometryError(
                "transform from '\(source)' to '\(target)' failed at point \(i) (\(inputX[i]), \(inputY[i])) of \(n): \(why)")
        }
    }
}
