import GridModel

/// Dissolving units into grids (metres, m²).
struct GridDissolve: EngineAlgorithm {
    let engine: GeometryEngine

    /// Grid g = union of the units with `assignment == g`: coverage union, falling back to unary union
    /// when the coverage is not exact (GEOS error, invalid result, or area not conserved).
    /// Returns each grid's shape, area (m²) and perimeter (m), in grid order; an empty grid is empty.
    /// With `threads` > 1 the grids holding the second half of the units are dissolved at the same
    /// time by a fresh engine on another thread; each grid is dissolved on its own, so the shapes are
    /// the same, and a failure is the one the first failing grid gives.
    func dissolve(units: UnitSet, assignment: [Int32], gridCount: Int, threads: Int) throws(GeometryError) -> [Grid] {
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
        // The first grids holding half of the units here, the others on another thread.
        var split = 0, held = 0
        while split < members.count && 2 * held < units.count {
            held += members[split].count
            split += 1
        }
        guard threads > 1, split < members.count, units.count >= 1000 else {
            return try Self.dissolve(members[...], units: units, engine: engine)
        }
        let rest = members[split...]
        let tail = BackgroundWork(concurrent: true) { () -> Result<(grids: [Grid], fallbacks: Int), GeometryError> in
            do throws(GeometryError) {
                let other = try GeometryEngine()
                return .success((try Self.dissolve(rest, units: units, engine: other), other.coverageUnionFallbacks))
            } catch {
                return .failure(error)
            }
        }
        let head: Result<[Grid], GeometryError> = Result { () throws(GeometryError) in
            try Self.dissolve(members[..<split], units: units, engine: engine)
        }
        let tailResult = tail.value()
        let first = try head.get(), second = try tailResult.get()
        engine.coverageUnionFallbacks += second.fallbacks
        return first + second.grids
    }

    typealias Grid = (shape: MultiPolygon, area: Double, perimeter: Double)

    /// The grids whose units `members` lists, in that order, dissolved by `engine`.
    private static func dissolve(_ members: ArraySlice<[Int]>, units: UnitSet, engine: GeometryEngine) throws(GeometryError) -> [Grid] {
        var out: [Grid] = []
        out.reserveCapacity(members.count)
        for m in members {
            if m.isEmpty {
                out.append((MultiPolygon(polygons: []), 0, 0))
                continue
            }
            var parts: [Geometry] = []
            var expected = 0.0
            for u in m {
                parts.append(try engine.geometry(units.shapes[u]))
                expected += units.area[u]
            }
            let g = try engine.unionOfCoverage(parts, expectedArea: expected)
            out.append((try g.toMultiPolygon(), try g.area(), try g.length()))
        }
        return out
    }
}
