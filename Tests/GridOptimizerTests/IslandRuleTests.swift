import Testing
@testable import GridOptimizer

/// DESIGN.md, Contiguity: cut-off land too light to be a grid joins a grid of other land (an
/// exclave); land heavy enough gets its own grid(s). Decided by weight, not by the shape objective.
@Suite("Islands by weight")
struct IslandRuleTests {
    /// Mainland 20 × 20 (400 units) and a compact 6 × 6 island (36 units) well offshore.
    static func lightIsland() throws -> UnitGraph {
        try TestGraphs.hexagons(rows: 20, columns: 20, islands: [(4, 26, 6, 6)])
    }

    @Test("an island below (1 − t) of the mean grid weight is light land anchored on the mainland")
    func classification() throws {
        let graph = try IslandRuleTests.lightIsland()
        let work = WorkGraph(graph: graph, units: (0..<Int32(graph.unitCount)).map { $0 },
                             localIndex: (0..<Int32(graph.unitCount)).map { $0 }, useAreaAsWeight: false)
        // 436 units / 10 grids: mean 43.6, island 36 = 83 % < 95 %.
        let light = LightComponents(graph: work, gridCount: 10, tolerance: 0.05, centres: nil)
        #expect(light.lightCount == 1)
        #expect((400..<436).allSatisfy { light.isLight[$0] && light.anchor[$0] < 400 })
        #expect((0..<400).allSatisfy { !light.isLight[$0] })
        // 436 / 12 = 36.3: the island (99 % of it) can hold a grid, so it is solid.
        let solid = LightComponents(graph: work, gridCount: 12, tolerance: 0.05, centres: nil)
        #expect(solid.lightCount == 0)
    }

    @Test("a light island never stands alone: it joins a mainland grid as an exclave", arguments: [8, 10, 11])
    func lightIslandJoins(grids: Int) throws {
        let graph = try IslandRuleTests.lightIsland()
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [grids], toleranceFraction: 0.05, seed: 2)
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "max deviation \(result.maxAbsDeviation), notes \(result.notes)")
        let islandGrids = Set(result.assignment[400..<436])
        #expect(islandGrids.count == 1)
        if let g = islandGrids.first {
            #expect(result.assignment[0..<400].contains(g), "the island's grid holds mainland units too")
        }
        #expect(result.exclaveParts.reduce(0, +) == 1, "\(result.exclaveParts)")
    }

    @Test("an island heavy enough for two grids gets exactly two grids of its own")
    func heavyIslandGetsGrids() throws {
        // Mainland 400 units, island 10 × 20 = 200 units, 6 grids of 100.
        let graph = try TestGraphs.hexagons(rows: 20, columns: 20, islands: [(0, 30, 10, 20)])
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [6], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "max deviation \(result.maxAbsDeviation), notes \(result.notes)")
        let islandGrids = Set(result.assignment[400..<600])
        #expect(islandGrids.count == 2)
        #expect(!result.assignment[0..<400].contains { islandGrids.contains($0) })
        #expect(result.exclaveParts.allSatisfy { $0 == 0 })
    }
}
