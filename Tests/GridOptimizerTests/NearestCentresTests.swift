import Testing
@testable import GridOptimizer

@Suite("Power diagram: the bucketed nearest-centre search equals the pairwise scan")
struct NearestCentresTests {
    /// The pairwise scan: every centre against every other, sorted by (distance, index), itself first.
    static func pairwise(_ cx: [Double], _ cy: [Double], _ l: Int) -> [Int32] {
        var result: [Int32] = []
        for g in cx.indices {
            let order = cx.indices.sorted { a, b in
                let da = a == g ? -1 : (cx[a] - cx[g]) * (cx[a] - cx[g]) + (cy[a] - cy[g]) * (cy[a] - cy[g])
                let db = b == g ? -1 : (cx[b] - cx[g]) * (cx[b] - cx[g]) + (cy[b] - cy[g]) * (cy[b] - cy[g])
                return da < db || (da == db && a < b)
            }
            result += order.prefix(l).map { Int32($0) }
        }
        return result
    }

    static func centres(_ kind: String, _ k: Int, seed: UInt64) -> ([Double], [Double]) {
        var rng = TestRandom(seed)
        switch kind {
        case "lattice":  // many equal distances
            return ((0..<k).map { Double($0 % 7) * 100 }, (0..<k).map { Double($0 / 7) * 100 })
        case "line":  // all on one horizontal line, some repeated
            return ((0..<k).map { Double($0 / 2) * 37.5 }, [Double](repeating: 12, count: k))
        case "clusters":  // dense clumps far apart
            return (
                (0..<k).map { Double($0 % 3) * 50_000 + rng.unit() * 30 },
                (0..<k).map { _ in rng.unit() * 30 }
            )
        default:
            return ((0..<k).map { _ in rng.unit() * 8_000 }, (0..<k).map { _ in rng.unit() * 3_000 - 500 })
        }
    }

    @Test("same lists for uniform, lattice, collinear and clustered centres", arguments: ["uniform", "lattice", "line", "clusters"])
    func sameAsPairwise(kind: String) throws {
        let graph = try TestGraphs.hexagons(rows: 2, columns: 2)
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        for (k, seed) in [(1, UInt64(1)), (2, 2), (9, 3), (10, 4), (11, 5), (64, 6), (333, 7)] {
            let (cx, cy) = Self.centres(kind, k, seed: seed)
            let diagram = PowerDiagramStart(graph: work, gridCount: k)
            let l = min(k, PowerDiagramStart.candidateCount)
            #expect(diagram.nearestCentres(cx: cx, cy: cy) == Self.pairwise(cx, cy, l), "\(kind), \(k) centres")
        }
    }
}
