import GridModel

/// Gaps between station areas: the holes of their union (projected metres, m²).
///
/// Hand-digitised station maps leave slivers and pinholes between neighbouring polygons; every grid
/// inherits them as holes and its shape score drops. Real enclaves (another city, a lake cut out of the
/// map) are large. So holes below a digitising threshold are filled into the station sharing the most
/// boundary with them (ties: the lower index), and larger holes stay holes.
public struct StationGaps: Sendable, Equatable {
    /// Every hole of the union of the station areas.
    public var all = HoleTally()
    /// The holes filled (below the threshold).
    public var filled = HoleTally()

    public init() {}
}

/// A count of holes with their total and largest area (m²).
public struct HoleTally: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var totalArea = 0.0
    public private(set) var largestArea = 0.0

    public init() {}

    /// Counts one more hole of `area` m².
    mutating func add(area: Double) {
        count += 1
        totalArea += area
        largestArea = max(largestArea, area)
    }
}

struct StationGapFiller: EngineAlgorithm {
    let engine: GeometryEngine

    /// The station areas with every hole of their union smaller than `maxFillArea` (m²) added to the
    /// station that shares the longest boundary with it, and the account of all holes. Stations must not
    /// overlap (a hole of the union overlaps none). Order and count of stations are kept.
    /// - Complexity: one union of all stations, then per small hole a boundary intersection with the
    ///   stations whose bounding boxes touch it.
    func fillGaps(_ stations: [MultiPolygon], maxFillArea: Double) throws(GeometryError)
        -> (stations: [MultiPolygon], gaps: StationGaps)
    {
        var gaps = StationGaps()
        guard !stations.isEmpty else { return (stations, gaps) }
        let union = try engine.union(stations)
        var holes: [Polygon] = []
        for p in union.polygons {
            for hole in p.holes {
                let area = abs(Ring.signedArea(hole))
                gaps.all.add(area: area)
                if area < maxFillArea { holes.append(Polygon(rings: [hole])) }
            }
        }
        guard !holes.isEmpty else { return (stations, gaps) }
        let tree = try STRtree(in: geos)
        var stationGeometry: [Geometry] = []
        var stationBoundary: [Geometry] = []
        for (k, s) in stations.enumerated() {
            let g = try geometry(s)
            stationGeometry.append(g)
            stationBoundary.append(try g.boundary())
            tree.insert(g, id: k)
        }
        var additions = [[Geometry]](repeating: [], count: stations.count)
        for hole in holes {
            let h = try geometry(MultiPolygon(hole))
            let hb = try h.boundary()
            var best = -1, bestLength = 0.0
            for k in tree.query(h) {
                let shared = try hb.intersection(stationBoundary[k]).length()
                if shared > bestLength {
                    best = k
                    bestLength = shared
                }
            }
            guard best >= 0 else { continue }  // touches no station along a line: left as it is
            let area = try h.area()
            gaps.filled.add(area: area)
            additions[best].append(h)
        }
        var out = stations
        for k in stations.indices where !additions[k].isEmpty {
            out[k] = try Geometry.collection([stationGeometry[k]] + additions[k], in: geos).unaryUnion().toMultiPolygon()
        }
        return (out, gaps)
    }
}
