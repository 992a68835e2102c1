import Testing
@testable import GridOptimizer

@Suite("Invalid graphs and problems are rejected with a message")
struct ValidationTests {
    func expectGraphError(_ contains: String, _ build: () throws -> UnitGraph) {
        do {
            _ = try build()
            Issue.record("expected an invalid graph: \(contains)")
        } catch {
            guard let error = error as? PartitionError, case .invalidGraph(let message) = error else {
                Issue.record("wrong error \(error)")
                return
            }
            #expect(message.contains(contains), "\(message)")
        }
    }

    @Test("asymmetric, self-looped, out-of-range, negative or cross-jurisdiction graphs are rejected")
    func invalidGraphs() {
        let one = [Double](repeating: 1, count: 2)
        expectGraphError("no reverse edge") {
            try UnitGraph(
                offsets: [0, 1, 1], neighbors: [1], sharedLength: [1], weights: [one], area: one, perimeter: one,
                centroidX: one, centroidY: one, jurisdiction: [0, 0], jurisdictionCount: 1)
        }
        expectGraphError("self loop") {
            try UnitGraph(
                offsets: [0, 1, 1], neighbors: [0], sharedLength: [1], weights: [one], area: one, perimeter: one,
                centroidX: one, centroidY: one, jurisdiction: [0, 0], jurisdictionCount: 1)
        }
        expectGraphError("outside") {
            try UnitGraph(
                offsets: [0, 1, 1], neighbors: [5], sharedLength: [1], weights: [one], area: one, perimeter: one,
                centroidX: one, centroidY: one, jurisdiction: [0, 0], jurisdictionCount: 1)
        }
        expectGraphError("finite and non-negative") {
            try UnitGraph(
                offsets: [0, 0, 0], neighbors: [], sharedLength: [], weights: [[1, -2]], area: one, perimeter: one,
                centroidX: one, centroidY: one, jurisdiction: [0, 0], jurisdictionCount: 1)
        }
        expectGraphError("across a jurisdiction boundary") {
            try UnitGraph(
                offsets: [0, 1, 2], neighbors: [1, 0], sharedLength: [1, 1], weights: [one], area: one, perimeter: one,
                centroidX: one, centroidY: one, jurisdiction: [0, 1], jurisdictionCount: 2)
        }
        expectGraphError("units + 1 = 3") {
            try UnitGraph(
                offsets: [0, 0], neighbors: [], sharedLength: [], weights: [one], area: one, perimeter: one,
                centroidX: one, centroidY: one, jurisdiction: [0, 0], jurisdictionCount: 1)
        }
    }

    @Test("problems that do not fit the graph are rejected")
    func invalidProblems() throws {
        let graph = try TestGraphs.hexagons(rows: 5, columns: 5)
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [0], toleranceFraction: 0.05, seed: 1)
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
        problem.gridsPerJurisdiction = [2]
        problem.centerUnits = [3]
        #expect(throws: PartitionError.invalidProblem("centerUnits has 1 entries for 2 grids")) {
            try Partitioner.solve(problem)
        }
        problem.centerUnits = [3, 3]
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
        problem.centerUnits = nil
        problem.toleranceFraction = -1
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
        problem.toleranceFraction = 0.05
        problem.previousGrid = [1]
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
    }
}
