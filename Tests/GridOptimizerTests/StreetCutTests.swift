import Testing
@testable import GridOptimizer

/// The street-cut term (`UnitGraph.cutLength`, `StreetCut`): grid edges off the barrier
/// lines cost extra, while Σ 1/PP keeps the real perimeter.
@Suite("Street cut")
struct StreetCutTests {
    @Test("every move's energy change is what the totals change by, cut term included")
    func deltasAddUp() throws {
        let graph = try Self.joggedStreet()
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let start = (0..<graph.unitCount).map { Int32(($0 % 20) / 5) }
        let partition = Partition(graph: work, gridCount: 4, assignment: start)
        var search = LocalSearch(
            partition: partition, mean: 100, band: 0.5, previous: nil, seed: 1, deadline: .now + .seconds(60))
        #expect(search.cutWeight > 0)
        var rng = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let u = rng.nextIndex(graph.unitCount)
            let h = Int32(rng.nextIndex(4))
            guard h != search.partition.assignment[u] else { continue }
            let before = search.energy()
            let d = search.delta(u, to: h)
            search.partition.move(u, to: h)
            let after = search.energy()
            #expect(abs((after.rest - before.rest) - (d.shape + d.soft)) < 1e-6 * max(1, abs(before.rest)))
            #expect(abs((after.penalty - before.penalty) - d.penalty) < 1e-6 * max(1, abs(before.penalty)))
        }
    }

    /// Whether unit `u` of a 20 × 20 square lies west of a street that runs north–south between columns 10
    /// and 11 in rows 0–9 and between columns 8 and 9 in rows 10–19 (200 units on each side).
    static func westOfJoggedStreet(_ u: Int) -> Bool { u % 20 <= (u / 20 < 10 ? 10 : 8) }

    /// The square with every edge across the jogged street on it (cut length 0), every other edge off it.
    static func joggedStreet() throws -> UnitGraph {
        var graph = try TestGraphs.squares(rows: 20, columns: 20)
        var cut: [Double] = []
        for u in 0..<graph.unitCount {
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                let across = westOfJoggedStreet(u) != westOfJoggedStreet(Int(graph.neighbors[e]))
                cut.append(across ? 0 : graph.sharedLength[e])
            }
        }
        graph.cutLength = cut
        return graph
    }

    @Test("two grids of a square split along a jogged street, where without the term they split straight")
    func followsTheStreet() throws {
        let graph = try Self.joggedStreet()
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [2], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        let west = result.assignment[0]
        #expect((0..<graph.unitCount).allSatisfy { (result.assignment[$0] == west) == Self.westOfJoggedStreet($0) })
        problem.graph.cutLength = nil
        let plain = try Partitioner.solve(problem)
        #expect((0..<graph.unitCount).contains { (plain.assignment[$0] == plain.assignment[0]) != Self.westOfJoggedStreet($0) })
    }

    @Test("cut lengths that do not fit the graph are refused")
    func validated() throws {
        var graph = try TestGraphs.squares(rows: 3, columns: 3)
        graph.cutLength = [1, 2]
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [2], toleranceFraction: 0.05, seed: 1)
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
        graph.cutLength = graph.sharedLength.map { _ in -1 }
        let negative = PartitionProblem(graph: graph, gridsPerJurisdiction: [2], toleranceFraction: 0.05, seed: 1)
        #expect(throws: PartitionError.self) { try Partitioner.solve(negative) }
    }
}
