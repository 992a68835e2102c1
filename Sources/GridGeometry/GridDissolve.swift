import GridModel

/// Dissolving units into grids (metres, m²).
struct GridDissolve: EngineAlgorithm {
    let engine: GeometryEngine

    /// Grid g = union of the units with `assignment == g`: coverage union, falling back to unary union
    /// when the coverage is not exact (GEOS error, invalid result, or area not conserved).
    /// Returns each grid's shape, area (m²) and perimeter (m), in grid order; an empty grid is empty.
    func dissolve(units: UnitSet, assignment: [Int32], gridCount: Int) throws(GeometryError) -> [(
        shape: MultiPolygon, area: Double, perimeter: Double
    )] {
        guard assignment.count == units.count else {
            throw GeometryError("dissolve: \(assignment.count) assignments for \(units.count) units")
        }
        var members = [[Int]](repeating: [], count: max(0, gridCount))
        for (u, g) in assignment.enumerated() {
            guard g >= 0, Int(g) < gridCount else {
                throw GeometryError("dissolve: unit \(u) (\(units.names[u])) has grid \(g), outside 0..<\(gridCount)")
            }
            members[Int(g)].append(u)
        }
        var out: [(shape: MultiPolygon, area: Double, perimeter: Double)] = []
        out.reserveCapacity(members.count)
        for m in members {
            if m.isEmpty {
                out.append((MultiPolygon(polygons: []), 0, 0))
                continue
            }
            var parts: [Geometry] = []
            var expected = 0.0
            for u in m {
                parts.append(try geometry(units.shapes[u]))
                expected += units.area[u]
            }
            let g = try engine.unionOfCoverage(parts, expectedArea: expected)
            out.append((try g.toMultiPolygon(), try g.area(), try g.length()))
        }
        return out
    }

}
