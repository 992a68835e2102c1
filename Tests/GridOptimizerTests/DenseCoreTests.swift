import Testing
@testable import GridOptimizer

/// The 1 M-point sample's station 3 in small: a wide urban core of uniform heavy units (each about
/// 12 % of a grid) holding most of the grids, a light rural ring around it. Chains towards the
/// other side of the mean stall there with a cluster of light core grids; diffusion chains with
/// slack and a follow-up chain bring them into the band.
@Suite("Wide dense core")
struct DenseCoreTests {
    /// 3,500 hexagons; inside a disc of radius 1,700 m the units weigh 30× the rural ones (±10 %).
    static func county(seed: UInt64) throws -> UnitGraph {
        let plain = try TestGraphs.hexagons(rows: 50, columns: 70)
        let cx = 0.5 * (plain.centroidX.max() ?? 0)
        let cy = 0.5 * (plain.centroidY.max() ?? 0)
        var rng = TestRandom(seed)
        let weights = (0..<plain.unitCount).map { u -> Double in
            let dx = plain.centroidX[u] - cx
            let dy = plain.centroidY[u] - cy
            let r = (dx * dx + dy * dy).squareRoot()
            let core = r < 1700 ? 1 : Math.expNegative(-(r - 1700) / 150)
            return (1.0 / 30 + core) * (0.9 + 0.2 * rng.unit())
        }
        return try TestGraphs.hexagons(rows: 50, columns: 70, weights: .explicit(weights))
    }

    @Test("core units weigh 10–15 % of a grid and most grids lie in the core")
    func coreIsHeavy() throws {
        let graph = try DenseCoreTests.county(seed: 1)
        let weights = graph.weights[0]
        let mean = weights.reduce(0, +) / 60
        let largest = weights.max() ?? 0
        #expect(largest > 0.10 * mean && largest < 0.15 * mean)
        let core = weights.filter { $0 > 0.5 * largest }.reduce(0, +)
        #expect(core > 30 * mean, "the core holds more than half of the 60 grids")
    }

    @Test("60 grids over a wide heavy core all end within 5 %, connected", arguments: [UInt64(1), 2, 3])
    func balancedWithinTolerance(seed: UInt64) throws {
        let graph = try DenseCoreTests.county(seed: seed)
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [60], toleranceFraction: 0.05, seed: seed)
        problem.timeLimitSeconds = 600
        let result = try Partitioner.solve(problem)
        let within = result.withinTolerance
        #expect(within, "max deviation \(result.maxAbsDeviation), notes \(result.notes)")
        #expect(result.maxAbsDeviation <= 0.05)
        let contiguous = TestGraphs.contiguousGridCount(graph, result)
        #expect(contiguous == 60)
        let pp = mean(result.gridPolsbyPopper)
        #expect(pp >= 0.4, "mean PP \(pp)")
    }
}
