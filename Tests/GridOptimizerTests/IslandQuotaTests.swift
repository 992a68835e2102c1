import Testing
@testable import GridOptimizer

/// DESIGN.md, Contiguity: land cut into pieces whose weights are not whole numbers of grid means
/// is balanced by grids that straddle the island links (declared exclaves), planned by
/// `LightComponents` before the start.
@Suite("Island quotas")
struct IslandQuotaTests {
    /// Mainland 35 × 42 (1470 units), islands 10 × 17 (170) and 18 × 20 (360): with 20 grids of
    /// 100 the pieces weigh 14.7, 1.7 and 3.6 grid means, none within ±5 % of a whole number.
    static func offIslands() throws -> UnitGraph {
        try TestGraphs.hexagons(rows: 35, columns: 42, islands: [(0, 60, 10, 17), (15, 60, 18, 20)])
    }

    static func work(_ graph: UnitGraph) -> WorkGraph {
        WorkGraph(graph: graph, units: (0..<Int32(graph.unitCount)).map { $0 },
                  localIndex: (0..<Int32(graph.unitCount)).map { $0 }, useAreaAsWeight: false)
    }

    @Test("the plan gives each piece a whole number of grids and moves the rest across its link")
    func plan() throws {
        let work = IslandQuotaTests.work(try IslandQuotaTests.offIslands())
        #expect(work.componentCount == 3)
        let light = LightComponents(graph: work, gridCount: 20, tolerance: 0.05, centres: nil)
        let groups = try #require(light.gridGroup)
        #expect(groups.count == 20)
        // A whole number of grids per piece, each piece's load (after the land moved across its
        // link, a blob of whole units) within the tolerance of its grids' mean.
        var grids = [Int](repeating: 0, count: 3)
        for g in groups { grids[Int(g)] += 1 }
        #expect(grids.reduce(0, +) == 20 && grids.allSatisfy { $0 >= 1 }, "\(grids)")
        var load = [Double](repeating: 0, count: 3)
        for u in 0..<work.unitCount { load[Int(light.group[u])] += work.weight[u] }
        for c in 0..<3 {
            #expect(abs(load[c] / (100 * Double(grids[c])) - 1) <= 0.05, "piece \(c): \(load[c]) for \(grids[c])")
        }
    }

    @Test("pieces of 1.7 and 3.6 grid means are balanced within ±5 % by straddling grids", arguments: [1, 2, 3])
    func balanced(seed: UInt64) throws {
        let graph = try IslandQuotaTests.offIslands()
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [20], toleranceFraction: 0.05, seed: seed)
        problem.threads = 1
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "max deviation \(result.maxAbsDeviation), notes \(result.notes)")
        // Every grid is connected through real adjacency and island links.
        let work = IslandQuotaTests.work(graph)
        let partition = Partition(graph: work, gridCount: 20, assignment: result.assignment)
        try partition.checkInvariants()
        // The island grids reach across their links: exclaves are declared, not scattered.
        #expect(result.exclaveParts.reduce(0, +) <= 2, "\(result.exclaveParts)")
    }
}
