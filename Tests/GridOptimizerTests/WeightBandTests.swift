import Testing
@testable import GridOptimizer

@Suite("Further weights with bands, and locked grids")
struct WeightBandTests {
    /// A 40 × 50 hexagon county: population random, incidents concentrated towards one corner (a
    /// hot spot that population-balanced compact grids split unevenly).
    static func county(hotUnit: Int? = nil) throws -> UnitGraph {
        let plain = try TestGraphs.hexagons(rows: 40, columns: 50, weights: .random(seed: 5, low: 0.5, high: 1.5))
        let n = plain.unitCount
        let maxX = plain.centroidX.max() ?? 1
        let maxY = plain.centroidY.max() ?? 1
        var incidents = (0..<n).map { u -> Double in
            let dx = plain.centroidX[u] / maxX
            let dy = plain.centroidY[u] / maxY
            return 0.5 + 1.5 * Math.expNegative(-((dx - 0.3) * (dx - 0.3) + (dy - 0.3) * (dy - 0.3)) / 0.08)
        }
        if let hotUnit { incidents[hotUnit] = incidents.reduce(0, +) }
        return try UnitGraph(
            offsets: plain.offsets, neighbors: plain.neighbors, sharedLength: plain.sharedLength,
            weights: [plain.weights[0], incidents], area: plain.area, perimeter: plain.perimeter,
            centroidX: plain.centroidX, centroidY: plain.centroidY, jurisdiction: plain.jurisdiction,
            jurisdictionCount: 1)
    }

    @Test("a band is kept per weight: one the plan meets passes, one it would miss is steered to, one no plan meets is explained")
    func bandChecked() throws {
        let graph = try WeightBandTests.county()
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [5], toleranceFraction: 0.02, seed: 3)
        problem.threads = 1
        let loose = try Partitioner.solve(problem)
        #expect(loose.maxDeviationPerWeight.count == 2)
        #expect(loose.maxDeviationPerWeight[0] == loose.maxAbsDeviation)
        let incidents = loose.maxDeviationPerWeight[1]
        #expect(incidents > 0.05, "the hot spot must matter: \(loose.maxDeviationPerWeight)")
        problem.weightTolerances = [incidents + 0.01]
        let met = try Partitioner.solve(problem)
        #expect(met.withinTolerance, "\(met.notes)")
        // A band the plan without it misses: the bisection start shares the hot spot out.
        problem.weightTolerances = [0.05]
        let steered = try Partitioner.solve(problem)
        #expect(steered.withinTolerance, "\(steered.notes)")
        #expect(steered.maxAbsDeviation <= 0.02 + 1e-9 && steered.maxDeviationPerWeight[1] <= 0.05 + 1e-9)
        #expect(TestGraphs.contiguousGridCount(graph, steered) == 5)
        // A band no plan can meet (one unit holds all incidents) is explained.
        problem.graph = try WeightBandTests.county(hotUnit: 0)
        let missed = try Partitioner.solve(problem)
        #expect(!missed.withinTolerance)
        #expect(missed.notes.contains { $0.contains("weight 1 is off its ±5.0% band") }, "\(missed.notes)")
    }

    /// Connected pieces of `units` over the graph's adjacency.
    static func pieces(_ graph: UnitGraph, _ units: [Int]) -> Int {
        var inSet = [Bool](repeating: false, count: graph.unitCount)
        for u in units { inSet[u] = true }
        var seen = [Bool](repeating: false, count: graph.unitCount)
        var count = 0
        for s in units where !seen[s] {
            count += 1
            seen[s] = true
            var stack = [s]
            while let u = stack.popLast() {
                for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                    let v = Int(graph.neighbors[e])
                    if inSet[v], !seen[v] {
                        seen[v] = true
                        stack.append(v)
                    }
                }
            }
        }
        return count
    }

    @Test("a band no plan can meet is explained for that weight, naming the unit")
    func infeasibleBandExplained() throws {
        let graph = try WeightBandTests.county(hotUnit: 777)
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [4], toleranceFraction: 0.05, seed: 1)
        problem.weightTolerances = [0.1]
        let result = try Partitioner.solve(problem)
        #expect(!result.withinTolerance)
        #expect(result.maxAbsDeviation <= 0.05 + 1e-9, "the primary weight stays balanced")
        #expect(result.notes.contains { $0.contains("weight 1") && $0.contains("unit 777") }, "\(result.notes)")
    }

    @Test("tolerances that do not fit the weights are rejected")
    func invalidTolerances() throws {
        let graph = try WeightBandTests.county()
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [4], toleranceFraction: 0.05, seed: 1)
        problem.weightTolerances = [0.1, 0.2]
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
        problem.weightTolerances = [-0.1]
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
    }

    @Test("locked grids keep every unit; the other grids are re-balanced around them, also with more grids")
    func lockedGridsStay() throws {
        let graph = try TestGraphs.hexagons(rows: 24, columns: 30, weights: .random(seed: 5, low: 0.5, high: 1.5))
        let first = try Partitioner.solve(
            PartitionProblem(graph: graph, gridsPerJurisdiction: [6], toleranceFraction: 0.05, seed: 2))
        let labels = first.assignment.map { 100 + 3 * $0 }
        for grids in [6, 8] {
            var problem = PartitionProblem(
                graph: graph, gridsPerJurisdiction: [grids], toleranceFraction: 0.05, seed: 9)
            problem.previousGrid = labels
            problem.lockedLabels = [103, 112]
            let result = try Partitioner.solve(problem)
            #expect(result.gridPreviousLabel.count == grids)
            for label: Int32 in [103, 112] {
                guard let g = result.gridPreviousLabel.firstIndex(of: label) else {
                    Issue.record("locked grid \(label) lost its label")
                    continue
                }
                for u in 0..<graph.unitCount {
                    #expect((labels[u] == label) == (result.assignment[u] == Int32(g)), "unit \(u), grids \(grids)")
                }
            }
            #expect(result.withinTolerance, "\(result.notes)")
            // Locked grids may cut the other land into pieces; only those may make exclaves.
            let freeUnits = (0..<graph.unitCount).filter { labels[$0] != 103 && labels[$0] != 112 }
            #expect(result.exclaveParts.reduce(0, +) <= WeightBandTests.pieces(graph, freeUnits) - 1)
            #expect(result.notes.contains { $0.contains("locked grids kept") }, "\(result.notes)")
        }
    }

    @Test("locks without a previous plan, or of unknown grids, are rejected")
    func invalidLocks() throws {
        let graph = try TestGraphs.hexagons(rows: 10, columns: 10)
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [2], toleranceFraction: 0.05, seed: 1)
        problem.lockedLabels = [1]
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
        problem.previousGrid = [Int32](repeating: 0, count: graph.unitCount)
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
    }
}
