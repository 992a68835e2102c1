import GridModel

/// Which of a set of shapes (an earlier grid map) holds the most of each piece (a unit), in projected metres.
struct LargestOverlap: EngineAlgorithm {
    let engine: GeometryEngine

    /// For each piece, the index of the shape it shares the largest area with and that area (m²);
    /// (−1, 0) where it overlaps none. Ties go to the lower index (deterministic).
    ///
    /// Shapes that are not valid are made valid first (a hand-drawn map often has self-touching rings);
    /// pieces are used as they are.
    /// - Complexity: one STRtree over the shapes, one intersection per piece and shape with touching envelopes.
    func largestOverlap(_ pieces: [MultiPolygon], in shapes: [MultiPolygon]) throws(GeometryError) -> [(index: Int32, area: Double)] {
        let tree = try STRtree(in: geos)
        var geoms: [Geometry] = []
        geoms.reserveCapacity(shapes.count)
        for (k, s) in shapes.enumerated() {
            var g = try geometry(s)
            if !(try g.isValid()) { g = try g.makeValidStructure() }
            geoms.append(g)
            if !(try g.isEmpty()) { tree.insert(g, id: k) }
        }
        var result: [(index: Int32, area: Double)] = []
        result.reserveCapacity(pieces.count)
        for p in pieces {
            let g = try geometry(p)
            var best: (index: Int32, area: Double) = (-1, 0)
            for k in tree.query(g) {
                let a = try g.intersection(geoms[k]).area()
                if a > best.area { best = (Int32(k), a) }
            }
            result.append(best)
        }
        return result
    }
}
