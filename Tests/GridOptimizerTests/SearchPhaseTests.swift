import Testing
@testable import GridOptimizer

/// The search's phases, one after another on one graph, each checked against its own promise (this
/// replaces a print-only stage probe: numbers to read belong in gridplan-bench, tests assert).
@Suite("Search phases")
struct SearchPhaseTests {
    @Test("greedy moves never raise the balance penalty and lower the energy; annealing ends no worse than it began; the tallies stay exact")
    func phasesKeepTheirPromises() throws {
        let graph = try TestGraphs.hexagons(
            rows: 40, columns: 40, holes: [(13, 13, 3)], weights: .random(seed: 1, low: 0, high: 2))
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let k = 8
        var partition = Partition(graph: work, gridCount: k, assignment: PowerDiagramStart(graph: work, gridCount: k).run(axis: (1, 0)))
        partition.repairContiguity()
        try partition.checkInvariants()
        let mean = work.weight.reduce(0, +) / Double(k)
        var search = LocalSearch(
            partition: partition, mean: mean, band: 0.01, previous: nil, seed: 1, deadline: .now + .seconds(100))
        let start = search.energy()
        #expect(search.greedy(maxSweeps: 50) > 0, "a power-diagram start is not already a local optimum")
        let greedy = search.energy()
        #expect(greedy.penalty <= start.penalty + 1e-9)
        #expect(greedy.penalty + greedy.rest < start.penalty + start.rest)
        try search.partition.checkInvariants()
        search.anneal(proposals: 100 * work.unitCount)
        let annealed = search.energy()
        #expect(
            annealed.penalty < greedy.penalty - 1e-12
                || (annealed.penalty <= greedy.penalty + 1e-12 && annealed.rest <= greedy.rest + 1e-9))
        try search.partition.checkInvariants()
        #expect(search.partition.unitCount.allSatisfy { $0 > 0 })
    }

    @Test("a unit pays the previous-plan cost away from its earlier grid, except in a grid the earlier plan did not have")
    func newGridsCostNothing() throws {
        let graph = try TestGraphs.hexagons(rows: 6, columns: 6)
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        // Two earlier grids (left and right halves), three grids now: grid 2 is new.
        let previous = (0..<work.unitCount).map { Int32(work.x[$0] < 0 ? 0 : 1) }
        let partition = Partition(graph: work, gridCount: 3, assignment: previous)
        let search = LocalSearch(
            partition: partition, mean: work.weight.reduce(0, +) / 3, band: 0.05, previous: previous, seed: 1,
            deadline: .now + .seconds(100))
        #expect(search.newGrid == [false, false, true])
        let u = try #require((0..<work.unitCount).first { previous[$0] == 0 })
        #expect(search.previousCost(u, 0) == 0)
        #expect(search.previousCost(u, 1) > 0, "away from its earlier grid")
        #expect(search.previousCost(u, 2) == 0, "in the new grid")
        let fresh = LocalSearch(
            partition: partition, mean: 1, band: 0.05, previous: nil, seed: 1, deadline: .now + .seconds(100))
        #expect(fresh.newGrid == [false, false, false], "without an earlier plan no grid is new")
    }
}
