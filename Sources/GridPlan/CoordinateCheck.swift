import GridModel

/// Sanity checks on raw coordinates that refuse impossible values and suggest (never apply) a fix.
enum CoordinateCheck {
    /// Every coordinate of a geographic CRS must be a longitude in [−180, 180] and a latitude in [−90, 90].
    /// A shape whose exterior rings all enclose no area (collinear or repeated positions) is an error:
    /// repair cannot make a jurisdiction out of a line, and a projected sliver would hide it.
    static func checkShape(_ m: MultiPolygon, crs: String, file: String, feature: Int) throws(PipelineError) {
        if !m.polygons.isEmpty && m.polygons.allSatisfy({ isDegenerate($0.exterior) }) {
            throw PipelineError.data("\(file): feature \(feature) has zero area (its rings are lines or points)")
        }
        guard CRSName.isGeographic(crs) else { return }
        for polygon in m.polygons {
            for ring in polygon.rings {
                for i in stride(from: 0, to: ring.count, by: 2) {
                    try check(x: ring[i], y: ring[i + 1], crs: crs, file: file, location: "feature \(feature)")
                }
            }
        }
    }

    static func checkPoints(_ file: PointFile, crs: String) throws(PipelineError) {
        guard CRSName.isGeographic(crs) else { return }
        let p = file.table
        for i in 0..<p.count {
            try check(x: p.x[i], y: p.y[i], crs: crs, file: file.path, location: file.location(of: i))
        }
    }

    private static func check(x: Double, y: Double, crs: String, file: String, location: String) throws(PipelineError) {
        if abs(x) <= 180 && abs(y) <= 90 { return }
        var hint = ""
        if abs(x) <= 90 && abs(y) <= 180 {
            hint = "; longitude and latitude look swapped (the file must hold longitude first)"
        } else if abs(x) > 1000 || abs(y) > 1000 {
            hint = "; the values look like projected metres: declare the CRS, e.g. --input-crs EPSG:4549 (CGCS2000 Gauss-Kruger CM 120E)"
            if abs(x) > 10_000_000 {
                let zone = Int(abs(x) / 1_000_000)
                if (25...45).contains(zone) { hint = "; the values look like Gauss-Kruger 3° zone \(zone) metres: declare --input-crs EPSG:\(4488 + zone)" }
                if (13...23).contains(zone) { hint = "; the values look like Gauss-Kruger 6° zone \(zone) metres: declare --input-crs EPSG:\(4478 + zone)" }
            }
        }
        throw PipelineError.data("\(file): coordinate (\(x), \(y)) is not a longitude/latitude in \(crs) (\(location))\(hint)")
    }

    /// Whether a flat [x0, y0, x1, y1, …] ring encloses no area: all its positions lie on one line
    /// (up to rounding). A signed-area test would also flag a symmetric bowtie, which repair can save.
    private static func isDegenerate(_ ring: [Double]) -> Bool {
        guard ring.count >= 8 else { return true }
        // Relative to the first position, so large projected coordinates keep their precision.
        var farX = 0.0, farY = 0.0, far = 0.0
        for i in stride(from: 2, to: ring.count - 1, by: 2) {
            let dx = ring[i] - ring[0], dy = ring[i + 1] - ring[1]
            if dx * dx + dy * dy > far { (farX, farY, far) = (dx, dy, dx * dx + dy * dy) }
        }
        guard far > 0 else { return true }
        for i in stride(from: 2, to: ring.count - 1, by: 2) {
            let dx = ring[i] - ring[0], dy = ring[i + 1] - ring[1]
            if abs(farX * dy - farY * dx) > 1e-12 * far { return false }
        }
        return true
    }
}
