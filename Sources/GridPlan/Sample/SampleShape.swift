import GridModel

/// The geometry of the sample county in local metres: a star-shaped main land mass r(θ) around the
/// origin, split into station wedges at fixed angles, a lake inside one wedge and an island.
struct SampleShape {
    static let stationNames = ["城关派出所", "东港派出所", "南山派出所", "西林派出所"]
    /// Wedge borders (radians); the last station wraps around to the first angle.
    static let stationAngles = [0.35, 1.9, 3.3, 4.75]
    /// Vertices along the outline of each wedge's arc.
    static let arcSteps = 90

    let radius: Double
    private let harmonics: [(amplitude: Double, frequency: Double, phase: Double)]
    let lake: (x: Double, y: Double, r: Double)
    let island: (x: Double, y: Double, r: Double)

    init(radius: Double, rng: inout SampleRandom) {
        self.radius = radius
        var h: [(Double, Double, Double)] = []
        for k in 2...9 {
            h.append((0.16 / Double(k) * (0.6 + 0.8 * rng.unit()), Double(k), rng.unit() * 2 * Double.pi))
        }
        harmonics = h
        // The lake sits in the second wedge, away from its radial borders.
        let a = (Self.stationAngles[1] + Self.stationAngles[2]) / 2
        lake = (radius * 0.38 * _cos(a), radius * 0.38 * _sin(a), radius * 0.11)
        island = (radius * 1.6 * _cos(0.1), radius * 1.6 * _sin(0.1), radius * 0.09)
    }

    /// Radius of the main land mass in direction θ.
    func boundaryRadius(_ theta: Double) -> Double {
        var f = 1.0
        for h in harmonics { f += h.amplitude * _sin(h.frequency * theta + h.phase) }
        return radius * f
    }

    private func lakeRadius(_ theta: Double) -> Double {
        lake.r * (1 + 0.18 * _sin(3 * theta + 0.7) + 0.08 * _sin(5 * theta + 2.1))
    }

    private func islandRadius(_ theta: Double) -> Double {
        island.r * (1 + 0.2 * _sin(2 * theta + 1.3) + 0.1 * _sin(4 * theta))
    }

    func contains(x: Double, y: Double) -> Bool {
        let r = (x * x + y * y).squareRoot()
        let inMain = r < boundaryRadius(_atan2(y, x))
        if inMain {
            let lx = x - lake.x, ly = y - lake.y
            return (lx * lx + ly * ly).squareRoot() >= lakeRadius(_atan2(ly, lx))
        }
        let ix = x - island.x, iy = y - island.y
        return (ix * ix + iy * iy).squareRoot() < islandRadius(_atan2(iy, ix))
    }

    /// The polygons of each station, counter-clockwise shells, in metres. Neighbouring wedges share
    /// their radial edge vertex for vertex (the same formula computes both).
    func stationPolygons() -> [[Polygon]] {
        let angles = Self.stationAngles
        var result: [[Polygon]] = []
        for i in angles.indices {
            let start = angles[i]
            let end = i + 1 < angles.count ? angles[i + 1] : angles[0] + 2 * Double.pi
            var ring: [Double] = [0, 0]
            for s in 0...Self.arcSteps {
                let t = start + (end - start) * Double(s) / Double(Self.arcSteps)
                let r = boundaryRadius(t)
                ring.append(r * _cos(t))
                ring.append(r * _sin(t))
            }
            ring.append(0)
            ring.append(0)
            var rings = [ring]
            if i == 1 { rings.append(circle(center: (lake.x, lake.y), radius: lakeRadius, clockwise: true)) }
            var polygons = [Polygon(rings: rings)]
            if i == angles.count - 1 { polygons.append(Polygon(rings: [circle(center: (island.x, island.y), radius: islandRadius, clockwise: false)])) }
            result.append(polygons)
        }
        return result
    }

    private func circle(center: (Double, Double), radius: (Double) -> Double, clockwise: Bool) -> [Double] {
        let steps = 72
        var ring: [Double] = []
        for s in 0...steps {
            let k = s == steps ? 0 : s
            let t = (clockwise ? -1.0 : 1.0) * 2 * Double.pi * Double(k) / Double(steps)
            let r = radius(t)
            ring.append(center.0 + r * _cos(t))
            ring.append(center.1 + r * _sin(t))
        }
        return ring
    }
}
