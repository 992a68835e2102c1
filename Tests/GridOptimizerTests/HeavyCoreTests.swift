import Testing
@testable import GridOptimizer

/// The built-in sample's hard case in small: several jurisdictions, one with a dense core whose
/// units each hold about a tenth of a grid's weight, towns, and a weightless offshore island joined
/// by a zero-length link.
@Suite("Dense heavy core with an island")
struct HeavyCoreTests {
    /// Three jurisdictions (vertical bands) of a 30 × 60 hexagon lattice with a hole, an island
    /// beside the last band, and a core of heavy units in the last band.
    static func county() throws -> UnitGraph {
        let shape = (rows: 30, columns: 60)
        let holes = [(row: 12, column: 10, radius: 2)]
        let islands = [(row: 5, column: 66, rows: 4, columns: 3)]
        let plain = try TestGraphs.hexagons(rows: shape.rows, columns: shape.columns, holes: holes, islands: islands)
        let maxX = plain.centroidX.max() ?? 0
        let coreX = 0.8 * maxX
        let coreY = plain.centroidY[plain.unitCount / 2]
        var rng = TestRandom(7)
        let weights = (0..<plain.unitCount).map { u -> Double in
            if u >= plain.unitCount - 12 { return 0 }  // the island: its 4 × 3 cells come last
            let dx = plain.centroidX[u] - coreX
            let dy = plain.centroidY[u] - coreY
            let core = 60 * Math.expNegative(-(dx * dx + dy * dy) / (2 * 450 * 450))
            let town = 8 * Math.expNegative(-((plain.centroidX[u] - 1200) * (plain.centroidX[u] - 1200) + dy * dy) / (2 * 300 * 300))
            return (0.2 + core + town) * (0.5 + rng.unit())
        }
        return try TestGraphs.hexagons(
            rows: shape.rows, columns: shape.columns, holes: holes, islands: islands,
            weights: .explicit(weights), jurisdictions: 3, secondWeight: true)
    }

    @Test("every grid is within 5 %, connected up to the island, and compact on average")
    func balancedContiguousCompact() throws {
        let graph = try HeavyCoreTests.county()
        let k = [4, 5, 12]
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: k, toleranceFraction: 0.05, seed: 3)
        problem.timeLimitSeconds = 600
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "max deviation \(result.maxAbsDeviation), notes \(result.notes)")
        #expect(result.maxAbsDeviation <= 0.05)
        #expect(result.exclaveParts.reduce(0, +) <= 1, "only the island may be an exclave")
        let pp = result.gridPolsbyPopper
        #expect(mean(pp) >= 0.45, "mean PP \(mean(pp))")
        #expect(result.notes.allSatisfy { !$0.contains("time limit") })
    }

    @Test("the core jurisdiction's units are heavy: a grid holds fewer than 30 units of typical weight")
    func coreIsCoarse() throws {
        let graph = try HeavyCoreTests.county()
        let units = (0..<Int32(graph.unitCount)).filter { graph.jurisdiction[Int($0)] == 2 }
        var local = [Int32](repeating: 0, count: graph.unitCount)
        for (i, u) in units.enumerated() { local[Int(u)] = Int32(i) }
        let work = WorkGraph(graph: graph, units: units, localIndex: local, useAreaAsWeight: false)
        let solver = JurisdictionSolver(
            graph: work, gridCount: 12, tolerance: 0.05, centres: nil, previous: nil, warmStart: nil,
            proposalsPerUnit: 10, deadline: .now + .seconds(60))
        let mean = work.weight.reduce(0, +) / 12
        #expect(solver.effectiveUnitsPerGrid(mean: mean) < 30)
        #expect(work.componentCount == 2, "the island is a separate piece joined by a link")
        #expect(work.unitCount >= 30 * 12)
    }
}
