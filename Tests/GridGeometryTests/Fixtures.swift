import GridModel

/// Shapes in a UTM-like frame (metres, large coordinates like real projected data).
enum Fixtures {
    static let x0 = 440_000.0
    static let y0 = 4_410_000.0

    /// A closed counter-clockwise rectangle ring.
    static func rect(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> [Double] {
        [minX, minY, maxX, minY, maxX, maxY, minX, maxY, minX, minY].enumerated().map {
            $0.offset % 2 == 0 ? $0.element + x0 : $0.element + y0
        }
    }

    /// Jurisdiction 0: a 10 km × 8 km block with a round-ish hole, a slanted edge and an island.
    /// Jurisdiction 1: its neighbour to the east, sharing the x = 10 km border.
    static var twoJurisdictions: [MultiPolygon] {
        var hole: [Double] = []
        for k in 0..<40 {
            let a = -Double(k) / 40 * 2 * Double.pi  // clockwise
            hole += [x0 + 4_000 + 1_300 * cosine(a), y0 + 4_000 + 1_100 * sine(a)]
        }
        hole += [hole[0], hole[1]]
        let outer = [0.0, 0, 10_000, 0, 10_000, 8_000, 2_000, 8_000, 0, 6_500, 0, 0].enumerated().map {
            $0.offset % 2 == 0 ? $0.element + x0 : $0.element + y0
        }
        let island = rect(-3_000, 1_000, -1_700, 2_350)
        let a = MultiPolygon(polygons: [Polygon(rings: [outer, hole]), Polygon(rings: [island])])
        let b = MultiPolygon(Polygon(rings: [rect(10_000, 0, 16_000, 8_000)]))
        return [a, b]
    }

    /// A thin C shape: a hexagon of the lattice that covers its narrow gap falls apart into two units.
    static var cShape: MultiPolygon {
        let ring = [0.0, 0, 3_000, 0, 3_000, 1_000, 1_000, 1_000, 1_000, 1_030, 3_000, 1_030, 3_000, 2_000, 0, 2_000, 0, 0]
            .enumerated().map { $0.offset % 2 == 0 ? $0.element + x0 : $0.element + y0 }
        return MultiPolygon(Polygon(rings: [ring]))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
func cosine(_ a: Double) -> Double { cos(a) }
func sine(_ a: Double) -> Double { sin(a) }

/// A small seeded generator (SplitMix64) so random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
