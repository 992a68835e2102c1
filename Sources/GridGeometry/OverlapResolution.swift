import GridModel

/// Jurisdictions (station areas) that overlap by digitising slivers (projected metres, m²).
struct OverlapResolution: EngineAlgorithm {
    let engine: GeometryEngine

    /// Makes jurisdictions disjoint by giving every overlap to the lower-index jurisdiction (deterministic).
    ///
    /// Every pair whose shapes intersect with positive area is measured first. When an overlap is more than
    /// `maxShare` (a fraction, e.g. 0.01) of the smaller of the two, nothing is changed and the call throws
    /// naming both, with the overlap in m² and as a share: that is a real conflict, not digitising noise.
    /// Otherwise jurisdiction k becomes k minus the union of the lower-index jurisdictions it overlaps
    /// (original shapes), so a point in several goes to the first. Shapes that overlap nothing are returned
    /// unchanged (bit for bit).
    ///
    /// Gaps between jurisdictions stay gaps: they are outside the boundary and belong to no grid.
    /// The trimmed edge follows the lower-index neighbour's edge up to rounding (not bit for bit), which
    /// the overlap check of `hexagonUnits`/`givenUnits` (1e-9 of the smaller area) accepts.
    /// - Returns: the disjoint shapes, in input order, and every overlap found as (lower index, higher
    ///   index, area in m²), ascending by pair.
    /// - Complexity: one intersection per pair with intersecting envelopes, one difference per overlapped shape.
    func resolve(_ jurisdictions: [MultiPolygon], names: [String], maxShare: Double)
        throws(GeometryError) -> (shapes: [MultiPolygon], overlapArea: [(Int, Int, Double)])
    {
        guard names.count == jurisdictions.count else {
            throw GeometryError("resolveOverlaps: \(jurisdictions.count) jurisdictions but \(names.count) names")
        }
        guard maxShare.isFinite, maxShare >= 0 else {
            throw GeometryError("the largest overlap share must be a fraction ≥ 0, got \(maxShare)")
        }
        var geoms: [Geometry] = [], areas: [Double] = []
        for (k, j) in jurisdictions.enumerated() {
            let g = try geometry(j)
            if !(try g.isValid()) { throw GeometryError("\(names[k]) is not a valid polygon: \(try g.validReason())") }
            geoms.append(g)
            areas.append(try g.area())
        }
        var overlaps: [(Int, Int, Double)] = []
        var lower = [[Int]](repeating: [], count: geoms.count)
        for (a, b, area) in try engine.overlappingPairs(geoms) {
            let share = area / max(min(areas[a], areas[b]), .leastNormalMagnitude)
            if share > maxShare {
                throw GeometryError(
                    "\(names[a]) and \(names[b]) overlap by \(Self.format(area)) m², \(Self.format(share * 100))% of the "
                        + "smaller; more than the \(Self.format(maxShare * 100))% taken as digitising noise: fix the boundaries")
            }
            overlaps.append((a, b, area))
            lower[b].append(a)
        }
        var shapes = jurisdictions
        for b in geoms.indices where !lower[b].isEmpty {
            let cut = lower[b].count == 1 ? geoms[lower[b][0]] : try Geometry.collection(lower[b].map { geoms[$0] }, in: geos).unaryUnion()
            shapes[b] = try geoms[b].difference(cut).toMultiPolygon()
        }
        return (shapes, overlaps)
    }

    /// Up to 4 significant digits, plain notation.
    private static func format(_ v: Double) -> String {
        if v == 0 { return "0" }
        let digits = max(0, 3 - Int((abs(v)).log10Floor))
        var s = String(Int((v * pow10(digits)).rounded()))
        guard digits > 0 else { return s }
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        while s.count <= digits { s = "0" + s }
        s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return negative ? "-" + s : s
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}

extension Double {
    /// ⌊log10 |self|⌋ for a positive finite value.
    fileprivate var log10Floor: Int {
        var v = self, e = 0
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
