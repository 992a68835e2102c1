import GridGeometry
import GridModel

/// Which grids touch, for colouring the map.
enum GridAdjacency {
    /// Pairs (a, b), a < b, of grids (output positions) holding neighbouring units, once per unit edge, in
    /// unit order: the grids of a plan gridplan made.
    static func neighbouringUnits(_ set: UnitSet, gridOfUnit: [GridID], numbering: GridNumbering) -> [(Int, Int)] {
        var edges: [(Int, Int)] = []
        for u in set.area.indices {
            let gu = numbering.position[gridOfUnit[u].index]
            for e in Int(set.offsets[u])..<Int(set.offsets[u + 1]) {
                let gv = numbering.position[gridOfUnit[Int(set.neighbors[e])].index]
                if gu < gv { edges.append((gu, gv)) }
            }
        }
        return edges
    }

    /// Pairs of grids of an existing map that share a vertex (coordinates rounded to `snapMetres`), sorted.
    ///
    /// Maps drawn as a coverage (real beat maps, gridplan's own output) share vertices along common
    /// borders; grids touching only at a corner also count, which only costs a colour.
    /// - Complexity: O(V log V) for V vertices.
    static func sharedVertices(_ shapes: [MultiPolygon], snapMetres: Double = 0.5) -> [(Int, Int)] {
        var keyed: [(Int64, Int64, Int32)] = []
        for (g, m) in shapes.enumerated() {
            for p in m.polygons {
                for ring in p.rings {
                    for i in stride(from: 0, to: ring.count, by: 2) {
                        keyed.append((Int64((ring[i] / snapMetres).rounded()), Int64((ring[i + 1] / snapMetres).rounded()), Int32(g)))
                    }
                }
            }
        }
        keyed.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var pairs: [Int64] = []
        var start = 0
        let k = Int64(max(1, shapes.count))
        while start < keyed.count {
            var end = start + 1
            while end < keyed.count && keyed[end].0 == keyed[start].0 && keyed[end].1 == keyed[start].1 { end += 1 }
            if end - start > 1 {
                for a in start..<end {
                    for b in (a + 1)..<end where keyed[a].2 != keyed[b].2 {
                        pairs.append(Int64(keyed[a].2) * k + Int64(keyed[b].2))
                    }
                }
            }
            start = end
        }
        pairs.sort()
        var edges: [(Int, Int)] = []
        var last: Int64 = -1
        for p in pairs where p != last {
            edges.append((Int(p / k), Int(p % k)))
            last = p
        }
        return edges
    }
}
