import GridModel

/// How much of a grid map's interior boundary follows barrier lines (projected metres).
struct BarrierShareMeasure: EngineAlgorithm {
    let engine: GeometryEngine

    /// For each pair of grids of one jurisdiction, the boundary they share (the intersection of their
    /// boundaries), and the part of it within `distanceMetres` of a barrier line; per grid and in total.
    ///
    /// The shared lines are walked in steps of at most 1 m; a step counts as near when its midpoint is within
    /// the distance of a barrier segment (so the result is exact to about a metre per crossing).
    /// - Complexity: one boundary intersection per pair of grids whose envelopes meet, then O(length / step)
    ///   lookups in a uniform grid over the barrier segments.
    func barrierShare(grids: [MultiPolygon], jurisdiction: [Int32], lines: [[Double]], distanceMetres: Double)
        throws(GeometryError) -> BarrierTally
    {
        guard grids.count == jurisdiction.count else {
            throw GeometryError("barrierShare: \(grids.count) grids but \(jurisdiction.count) jurisdictions")
        }
        guard distanceMetres.isFinite, distanceMetres >= 0 else {
            throw GeometryError("the barrier distance must be ≥ 0 metres, got \(distanceMetres)")
        }
        var index = SegmentIndex(cellMetres: max(25, 2 * distanceMetres))
        for (k, l) in lines.enumerated() where l.count >= 4 { index.add(line: l, kind: SegmentIndex.soft, id: Int32(k)) }
        let tree = try STRtree(in: geos)
        var boundaries: [Geometry?] = []
        for (g, shape) in grids.enumerated() {
            guard !shape.isEmpty else {
                boundaries.append(nil)
                continue
            }
            let geom = try geometry(shape)
            boundaries.append(try geom.boundary())
            tree.insert(geom, id: g)
        }
        var tally = BarrierTally(gridCount: grids.count)
        for i in grids.indices {
            guard let bi = boundaries[i] else { continue }
            for j in tree.query(bi) where j > i && jurisdiction[j] == jurisdiction[i] {
                guard let bj = boundaries[j] else { continue }
                let shared = try bi.intersection(bj).lineCoordinates()
                var l = 0.0, n = 0.0
                for line in shared {
                    var p = 0
                    while p + 3 < line.count {
                        let (ax, ay, bx, by) = (line[p], line[p + 1], line[p + 2], line[p + 3])
                        p += 2
                        let len = ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)).squareRoot()
                        guard len > 0 else { continue }
                        l += len
                        let steps = max(1, Int((len / 1.0).rounded(.up)))
                        for s in 0..<steps {
                            let t = (Double(s) + 0.5) / Double(steps)
                            if index.isWithin(ax + t * (bx - ax), ay + t * (by - ay), distanceMetres) { n += len / Double(steps) }
                        }
                    }
                }
                tally.add(i, j, length: l, onBarrier: n)
            }
        }
        return tally
    }
}

/// Interior boundary (between grids of one jurisdiction) per grid and in total, and its part on or near a
/// barrier line (metres).
public struct BarrierTally: Sendable {
    public private(set) var interior: [Double]
    public private(set) var onBarrier: [Double]
    public private(set) var totalInterior = 0.0
    public private(set) var totalOnBarrier = 0.0

    init(gridCount: Int) {
        interior = Array(repeating: 0, count: gridCount)
        onBarrier = interior
    }

    /// Counts `length` metres of boundary between grids g and h, `onBarrier` of them on a barrier line.
    mutating func add(_ g: Int, _ h: Int, length: Double, onBarrier b: Double) {
        interior[g] += length
        interior[h] += length
        onBarrier[g] += b
        onBarrier[h] += b
        totalInterior += length
        totalOnBarrier += b
    }

    /// Share of grid g's interior boundary on a barrier line (0 without interior boundary).
    public func share(_ g: Int) -> Double { interior[g] > 0 ? onBarrier[g] / interior[g] : 0 }
    /// Share of all interior boundary on a barrier line (0 without interior boundary).
    public var share: Double { totalInterior > 0 ? totalOnBarrier / totalInterior : 0 }
}

extension SegmentIndex {
    /// True when some segment lies within `d` of (x, y).
    func isWithin(_ x: Double, _ y: Double, _ d: Double) -> Bool {
        for s in candidates(x, y, radius: d) where distance(Int(s), x, y).d <= d { return true }
        return false
    }
}
