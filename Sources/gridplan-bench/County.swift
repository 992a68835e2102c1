import GridModel
import GridOptimizer

/// A seeded synthetic county on a pointy-top hexagon lattice: an irregular outline, a lake (hole),
/// an offshore island, a dense core and a few towns. Units have edge `edge` metres.
struct County {
    let graph: UnitGraph
    let name: String

    /// The shared seeded generator (SplitMix64).
    typealias Random = SeededRandom

    /// About `units` hexagons (the outline decides the exact count).
    init(units: Int, seed: UInt64, edge: Double = 100) throws {
        var rng = Random(seed: seed)
        let phases = (0..<4).map { _ in 6.283_185_307 * rng.unit() }
        // Radius in cells so that the area of the outline holds about `units` cells.
        let radius = (Double(units) / 3.2).squareRoot()
        func outline(_ angle: Double) -> Double {
            radius * (1 + 0.14 * sine(3 * angle + phases[0]) + 0.07 * sine(5 * angle + phases[1]))
        }
        let s3 = 3.0.squareRoot()
        let lake = (x: 0.35 * radius, y: -0.25 * radius, r: 0.1 * radius)
        let island = (x: 1.3 * radius, y: 0.2 * radius, r: max(1.5, 0.07 * radius))
        var cells: [(q: Int, r: Int)] = []
        let span = Int(1.5 * radius) + 4
        for r in -span...span {
            for q in (-span - r / 2 - 2)...(span - r / 2 + 2) {
                let x = Double(q) + Double(r) / 2
                let y = Double(r) * s3 / 2
                let d = (x * x + y * y).squareRoot()
                let angle = atan2Approx(y, x)
                let inside = d <= outline(angle)
                let inLake = (x - lake.x) * (x - lake.x) + (y - lake.y) * (y - lake.y) <= lake.r * lake.r
                let onIsland = (x - island.x) * (x - island.x) + (y - island.y) * (y - island.y) <= island.r * island.r
                if (inside && !inLake) || onIsland { cells.append((q, r)) }
            }
        }
        var index: [Int64: Int32] = [:]
        func key(_ q: Int, _ r: Int) -> Int64 { Int64(q) << 32 | Int64(UInt32(bitPattern: Int32(r))) }
        for (i, c) in cells.enumerated() { index[key(c.q, c.r)] = Int32(i) }
        let n = cells.count
        let cx = cells.map { edge * s3 * (Double($0.q) + Double($0.r) / 2) }
        let cy = cells.map { edge * 1.5 * Double($0.r) }
        var offsets: [Int32] = [0]
        var neighbours: [Int32] = []
        let directions = [(1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1)]
        for c in cells {
            var row: [Int32] = []
            for (dq, dr) in directions {
                if let j = index[key(c.q + dq, c.r + dr)] { row.append(j) }
            }
            row.sort()
            neighbours += row
            offsets.append(Int32(neighbours.count))
        }
        // Workload: a dense core, four towns, a rural floor; noise per unit.
        let scale = edge * s3 * radius
        let towns = (0..<4).map { i -> (Double, Double) in
            let a = phases[2] + Double(i) * 1.6
            return (0.55 * scale * cosine(a), 0.55 * scale * sine(a))
        }
        var primary = [Double](repeating: 0, count: n)
        var incidents = [Double](repeating: 0, count: n)
        for u in 0..<n {
            let (x, y) = (cx[u], cy[u])
            let core = 8 * gauss(x * x + y * y, 0.12 * scale)
            var town = 0.0
            for t in towns { town += 3 * gauss((x - t.0) * (x - t.0) + (y - t.1) * (y - t.1), 0.05 * scale) }
            let onIsland = (x / (edge * s3) - island.x) * (x / (edge * s3) - island.x) + (y / (edge * s3) - island.y) * (y / (edge * s3) - island.y) <= island.r * island.r * 1.2
            let base = onIsland ? 0.02 : 0.3
            primary[u] = (base + core + town) * (0.5 + rng.unit())
            incidents[u] = primary[u] * (0.3 + 1.4 * rng.unit()) * (1 + 0.5 * gauss(x * x + y * y, 0.2 * scale))
        }
        let area = 1.5 * s3 * edge * edge
        graph = try UnitGraph(
            offsets: offsets, neighbors: neighbours, sharedLength: neighbours.map { _ in edge },
            weights: [primary, incidents], area: [Double](repeating: area, count: n),
            perimeter: [Double](repeating: 6 * edge, count: n), centroidX: cx, centroidY: cy,
            jurisdiction: [Int32](repeating: 0, count: n), jurisdictionCount: 1)
        name = "county-\(units / 1000)k"
    }
}

func gauss(_ d2: Double, _ sigma: Double) -> Double { Math.expNegative(-d2 / (2 * sigma * sigma)) }

func sine(_ x: Double) -> Double {
    let twoPi = 6.283_185_307_179_586
    var a = x - twoPi * (x / twoPi).rounded(.down)
    if a > Double.pi { a -= twoPi }
    var term = a
    var sum = a
    for i in 1...12 {
        term *= -a * a / Double((2 * i) * (2 * i + 1))
        sum += term
    }
    return sum
}

func cosine(_ x: Double) -> Double { sine(x + Double.pi / 2) }

/// atan2 by bisection-free series on the reduced argument (accuracy ~1e-9, enough for an outline).
func atan2Approx(_ y: Double, _ x: Double) -> Double {
    if x == 0 && y == 0 { return 0 }
    let ax = abs(x)
    let ay = abs(y)
    let t = min(ax, ay) / max(ax, ay)
    // atan(t) for t in [0, 1] via atan(t) = 2·atan(t / (1 + sqrt(1 + t²))), then the series.
    let h = t / (1 + (1 + t * t).squareRoot())
    var term = h
    var sum = h
    for i in 1...20 {
        term *= -h * h
        sum += term / Double(2 * i + 1)
    }
    var a = 2 * sum
    if ay > ax { a = Double.pi / 2 - a }
    if x < 0 { a = Double.pi - a }
    return y < 0 ? -a : a
}
