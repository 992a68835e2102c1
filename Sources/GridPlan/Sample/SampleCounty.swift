import GridModel

/// The built-in synthetic county: an irregular star-shaped boundary cut into station areas, a lake
/// (a hole), an offshore island, an urban core, towns, villages and scattered farms.
///
/// Everything is generated in local metres around an origin and converted to WGS84 longitude and
/// latitude with a local equirectangular approximation (the county is ~50 km across, so the
/// distortion is irrelevant for a synthetic sample). Deterministic for a seed on every platform:
/// only +, −, ×, ÷ and √ are used (see `SampleRandom.swift`).
public struct SampleCounty: Sendable {
    /// A station area: its name and its shape in WGS84 longitude/latitude.
    public struct Station: Sendable {
        public var name: String
        public var shape: MultiPolygon
    }

    /// One generated household point, WGS84.
    public struct Point: Sendable {
        public var id: String
        public var lon: Double
        public var lat: Double
        public var population: Int
        public var incidents: Int
    }

    public var stations: [Station]
    public var points: [Point]

    /// Origin of the local metric frame (a hill county in western Zhejiang).
    public static let originLon = 118.87
    public static let originLat = 28.97

    /// Builds the county.
    /// - Parameters:
    ///   - pointCount: number of household points (about 50,000 for the committed sample).
    ///   - radiusMetres: mean radius of the main land mass.
    ///   - seed: generator seed.
    public init(pointCount: Int = 50_000, radiusMetres: Double = 22_000, seed: UInt64 = 20_261_129) {
        var rng = SampleRandom(seed: seed)
        let shape = SampleShape(radius: radiusMetres, rng: &rng)
        stations = shape.stationPolygons().enumerated().map { i, polygons in
            Station(
                name: SampleShape.stationNames[i],
                shape: MultiPolygon(polygons: polygons.map { Self.toLonLat($0) }))
        }
        points = Self.makePoints(count: pointCount, shape: shape, rng: &rng)
    }

    static func toLonLat(_ p: Polygon) -> Polygon {
        Polygon(rings: p.rings.map { ring in
            var out = ring
            for i in stride(from: 0, to: ring.count, by: 2) {
                let (lon, lat) = lonLat(x: ring[i], y: ring[i + 1])
                out[i] = lon
                out[i + 1] = lat
            }
            return out
        })
    }

    static func lonLat(x: Double, y: Double) -> (Double, Double) {
        let metresPerDegreeLat = 110_540.0
        let metresPerDegreeLon = 111_320.0 * 0.874_6  // cos(28.97°)
        return (originLon + x / metresPerDegreeLon, originLat + y / metresPerDegreeLat)
    }

    private static func makePoints(count: Int, shape: SampleShape, rng: inout SampleRandom) -> [Point] {
        // Settlements: (x, y, spread in metres, share of households).
        var settlements: [(Double, Double, Double, Double)] = [(shape.radius * 0.12, shape.radius * -0.08, 2_300, 0.38)]
        for k in 0..<6 {  // towns
            let a = Double(k) * 1.047 + 0.4 + rng.unit() * 0.3
            let r = shape.radius * (0.45 + 0.25 * rng.unit())
            settlements.append((r * _cos(a), r * _sin(a), 900 + 500 * rng.unit(), 0.05))
        }
        for _ in 0..<70 {  // villages
            let a = rng.unit() * 2 * Double.pi
            let r = shape.radius * (0.15 + 0.8 * rng.unit())
            settlements.append((r * _cos(a), r * _sin(a), 250 + 250 * rng.unit(), 0.0025))
        }
        settlements.append((shape.island.x, shape.island.y, 500, 0.004))
        let settled = settlements.reduce(0) { $0 + $1.3 }  // the rest is scattered farms
        var points: [Point] = []
        points.reserveCapacity(count)
        var attempts = 0
        while points.count < count && attempts < count * 50 {
            attempts += 1
            var x: Double, y: Double
            var pick = rng.unit()
            if pick < settled {
                var chosen = settlements[0]
                for s in settlements {
                    if pick < s.3 {
                        chosen = s
                        break
                    }
                    pick -= s.3
                }
                x = chosen.0 + rng.normal() * chosen.2
                y = chosen.1 + rng.normal() * chosen.2
            } else {
                x = (rng.unit() * 2 - 1) * shape.radius * 1.75
                y = (rng.unit() * 2 - 1) * shape.radius * 1.75
            }
            guard shape.contains(x: x, y: y) else { continue }
            let (lon, lat) = lonLat(x: x, y: y)
            let population = 1 + Int(rng.unit() * 5)
            let incidents = rng.unit() < 0.04 ? 1 + Int(rng.unit() * 3) : 0
            points.append(Point(id: "P\(points.count + 1)", lon: lon, lat: lat, population: population, incidents: incidents))
        }
        return points
    }
}
