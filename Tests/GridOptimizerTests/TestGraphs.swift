@testable import GridOptimizer

/// Seeded test generator (SplitMix64), independent of the module's own.
struct TestRandom {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    mutating func index(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Builders of unit graphs for tests: hexagon lattices (pointy-top, axial coordinates) and
/// square grids, with holes, separate pieces and seeded random weights.
enum TestGraphs {
    /// A cell of a lattice being built.
    struct Cell: Hashable {
        var q: Int
        var r: Int
    }

    /// Weights of the generated units.
    enum Weights {
        case equal(Double)
        case random(seed: UInt64, low: Double, high: Double)
        case explicit([Double])
    }

    /// A hexagon lattice of `rows` × `columns` cells (offset rows), minus `holes`
    /// (centre cell and radius in cells), plus `islands` (blocks of rows × columns placed at an
    /// offset so that they touch nothing). Edge length `edge` metres; shared length = edge,
    /// perimeter = 6 edges. `jurisdictions` > 1 splits the lattice into vertical bands.
    static func hexagons(
        rows: Int, columns: Int, edge: Double = 100, holes: [(row: Int, column: Int, radius: Int)] = [],
        islands: [(row: Int, column: Int, rows: Int, columns: Int)] = [],
        weights: Weights = .equal(1), jurisdictions: Int = 1, secondWeight: Bool = false
    ) throws -> UnitGraph {
        var cells: [(row: Int, column: Int)] = []
        func inHole(_ row: Int, _ column: Int) -> Bool {
            for h in holes {
                let (a, b) = (axial(row, column), axial(h.row, h.column))
                let dq = a.q - b.q
                let dr = a.r - b.r
                if max(abs(dq), abs(dr), abs(dq + dr)) <= h.radius { return true }
            }
            return false
        }
        for row in 0..<rows {
            for column in 0..<columns where !inHole(row, column) { cells.append((row, column)) }
        }
        for island in islands {
            for row in island.row..<(island.row + island.rows) {
                for column in island.column..<(island.column + island.columns) { cells.append((row, column)) }
            }
        }
        let lattice = cells.map { axial($0.row, $0.column) }
        var index: [Cell: Int32] = [:]
        for (i, c) in lattice.enumerated() { index[c] = Int32(i) }
        let n = lattice.count
        let s3 = 3.0.squareRoot()
        let x = lattice.map { edge * s3 * (Double($0.q) + Double($0.r) / 2) }
        let y = lattice.map { edge * 1.5 * Double($0.r) }
        let minX = x.min() ?? 0
        let maxX = x.max() ?? 0
        let jurisdiction: [Int32] = x.map { value in
            guard jurisdictions > 1, maxX > minX else { return 0 }
            return Int32(min(jurisdictions - 1, Int(Double(jurisdictions) * (value - minX) / (maxX - minX + 1e-9))))
        }
        let directions = [(1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1)]
        var offsets: [Int32] = [0]
        var neighbours: [Int32] = []
        var shared: [Double] = []
        for (i, c) in lattice.enumerated() {
            var row: [Int32] = []
            for (dq, dr) in directions {
                if let j = index[Cell(q: c.q + dq, r: c.r + dr)], jurisdiction[Int(j)] == jurisdiction[i] {
                    row.append(j)
                }
            }
            row.sort()
            neighbours += row
            shared += row.map { _ in edge }
            offsets.append(Int32(neighbours.count))
        }
        let primary = makeWeights(weights, n)
        var all = [primary]
        if secondWeight { all.append(makeWeights(.random(seed: 99, low: 0, high: 2), n)) }
        return try UnitGraph(
            offsets: offsets, neighbors: neighbours, sharedLength: shared, weights: all,
            area: [Double](repeating: 1.5 * s3 * edge * edge, count: n),
            perimeter: [Double](repeating: 6 * edge, count: n), centroidX: x, centroidY: y,
            jurisdiction: jurisdiction, jurisdictionCount: max(1, jurisdictions))
    }

    /// A square grid of `rows` × `columns` cells of side `side` metres (rook adjacency).
    static func squares(rows: Int, columns: Int, side: Double = 100, weights: Weights = .equal(1)) throws -> UnitGraph {
        let n = rows * columns
        var offsets: [Int32] = [0]
        var neighbours: [Int32] = []
        for row in 0..<rows {
            for column in 0..<columns {
                var list: [Int32] = []
                if row > 0 { list.append(Int32((row - 1) * columns + column)) }
                if column > 0 { list.append(Int32(row * columns + column - 1)) }
                if column + 1 < columns { list.append(Int32(row * columns + column + 1)) }
                if row + 1 < rows { list.append(Int32((row + 1) * columns + column)) }
                neighbours += list
                offsets.append(Int32(neighbours.count))
            }
        }
        return try UnitGraph(
            offsets: offsets, neighbors: neighbours, sharedLength: neighbours.map { _ in side },
            weights: [makeWeights(weights, n)], area: [Double](repeating: side * side, count: n),
            perimeter: [Double](repeating: 4 * side, count: n),
            centroidX: (0..<n).map { side * Double($0 % columns) },
            centroidY: (0..<n).map { side * Double($0 / columns) },
            jurisdiction: [Int32](repeating: 0, count: n), jurisdictionCount: 1)
    }

    static func axial(_ row: Int, _ column: Int) -> Cell {
        Cell(q: column - (row - (row & 1)) / 2, r: row)
    }

    static func makeWeights(_ weights: Weights, _ n: Int) -> [Double] {
        switch weights {
        case .equal(let w): return [Double](repeating: w, count: n)
        case .explicit(let w): return w
        case .random(let seed, let low, let high):
            var rng = TestRandom(seed)
            return (0..<n).map { _ in low + (high - low) * rng.unit() }
        }
    }

    /// Units per grid that fall in more than one real part, by a fresh search over the graph.
    static func contiguousGridCount(_ graph: UnitGraph, _ result: PartitionResult) -> Int {
        result.exclaveParts.filter { $0 == 0 }.count
    }
}

/// Mean of an array (0 when empty).
func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
}
