import Testing
@testable import GridOptimizer

@Suite("Partitioner: balanced, contiguous, deterministic plans")
struct PartitionerTests {
    @Test("equal-weight hexagons come back within tolerance, contiguous, K grids")
    func feasibleWithinTolerance() throws {
        let graph = try TestGraphs.hexagons(rows: 30, columns: 40)
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [10], toleranceFraction: 0.02, seed: 7)
        problem.threads = 1
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance)
        #expect(result.maxAbsDeviation <= 0.02 + 1e-12)
        #expect(result.exclaveParts == [Int](repeating: 0, count: 10))
        #expect(Set(result.assignment).count == 10)
        #expect(result.notes.isEmpty, "\(result.notes)")
        #expect(mean(result.gridPolsbyPopper) > 0.5)
    }

    @Test("random seeded graphs: every plan is contiguous and as balanced as its units allow")
    func randomGraphsProperty() throws {
        var rng = TestRandom(2024)
        for trial in 0..<6 {
            let rows = 12 + rng.index(12)
            let columns = 12 + rng.index(12)
            let graph = try TestGraphs.hexagons(
                rows: rows, columns: columns,
                holes: [(rows / 2, columns / 2, rng.index(3))],
                weights: .random(seed: UInt64(trial), low: 0.5, high: 1.5),
                jurisdictions: 1 + rng.index(2))
            let counts = (0..<graph.jurisdictionCount).map { _ in 2 + rng.index(4) }
            let problem = PartitionProblem(
                graph: graph, gridsPerJurisdiction: counts, toleranceFraction: 0.1, seed: UInt64(trial))
            let result = try Partitioner.solve(problem)
            #expect(result.exclaveParts.allSatisfy { $0 == 0 }, "trial \(trial)")
            #expect(result.withinTolerance, "trial \(trial): \(result.notes)")
            for u in 0..<graph.unitCount {
                #expect(result.gridJurisdiction[Int(result.assignment[u])] == graph.jurisdiction[u])
            }
            // Weight is conserved.
            let total = graph.weights[0].reduce(0, +)
            #expect(abs(result.gridWeights[0].reduce(0, +) - total) < 1e-6 * total)
        }
    }

    @Test("same problem and seed give the same plan, with 1 or 2 threads")
    func deterministicAcrossThreads() throws {
        let graph = try TestGraphs.hexagons(
            rows: 25, columns: 30, holes: [(12, 15, 2)], weights: .random(seed: 3, low: 0, high: 4), jurisdictions: 2)
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [4, 5], toleranceFraction: 0.05, seed: 11)
        problem.threads = 1
        let one = try Partitioner.solve(problem)
        problem.threads = 2
        let two = try Partitioner.solve(problem)
        let again = try Partitioner.solve(problem)
        #expect(one.assignment == two.assignment)
        #expect(two.assignment == again.assignment)
        #expect(one.iterations == two.iterations)
    }

    @Test("grids of jurisdiction 0 come first and never mix jurisdictions")
    func gridsOrderedByJurisdiction() throws {
        let graph = try TestGraphs.hexagons(rows: 20, columns: 30, jurisdictions: 3)
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [2, 3, 4], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(result.gridJurisdiction == [0, 0, 1, 1, 1, 2, 2, 2, 2])
        for u in 0..<graph.unitCount {
            #expect(result.gridJurisdiction[Int(result.assignment[u])] == graph.jurisdiction[u])
        }
        #expect(result.withinTolerance)
    }

    @Test("re-running with its own result as previous plan moves nothing")
    func previousUnchangedMovesNothing() throws {
        let graph = try TestGraphs.hexagons(rows: 24, columns: 24, weights: .random(seed: 5, low: 0.5, high: 1.5))
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [6], toleranceFraction: 0.05, seed: 2)
        let first = try Partitioner.solve(problem)
        #expect(first.withinTolerance)
        var again = problem
        // Arbitrary labels: previous grid g is called 100 + 3g.
        again.previousGrid = first.assignment.map { 100 + 3 * $0 }
        again.seed = 99
        let second = try Partitioner.solve(again)
        #expect(second.assignment == first.assignment)
        #expect(second.gridPreviousLabel == (0..<6).map { Int32(100 + 3 * $0) })
    }

    @Test("a previous plan that is off balance is repaired while most units stay")
    func previousOffBalanceKeepsMost() throws {
        let graph = try TestGraphs.hexagons(rows: 20, columns: 30)
        // Previous plan: vertical stripes of unequal width.
        let labels: [Int32] = (0..<graph.unitCount).map { u in
            graph.centroidX[u] < 0.3 * (graph.centroidX.max() ?? 1) ? 7 : 9
        }
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [2], toleranceFraction: 0.02, seed: 2)
        problem.previousGrid = labels
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance)
        #expect(result.gridPreviousLabel == [7, 9])
        let kept = (0..<graph.unitCount).filter { (result.assignment[$0] == 0) == (labels[$0] == 7) }.count
        // Balance needs about 20% of the units to change; far more must stay.
        #expect(Double(kept) > 0.7 * Double(graph.unitCount))
    }

    @Test("centre units stay in their grids")
    func centresStay() throws {
        let graph = try TestGraphs.hexagons(rows: 20, columns: 20, weights: .random(seed: 8, low: 0.5, high: 1.5))
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [4], toleranceFraction: 0.05, seed: 4)
        let centres: [Int32] = [21, 38, 360, 378]
        problem.centerUnits = centres
        let result = try Partitioner.solve(problem)
        for (g, c) in centres.enumerated() { #expect(result.assignment[Int(c)] == Int32(g)) }
        #expect(result.withinTolerance, "\(result.notes)")
        #expect(result.exclaveParts.allSatisfy { $0 == 0 })
    }
}

@Suite("Partitioner: caps and reporting")
struct PartitionerReportingTests {
    @Test("a time limit that cuts the search short still returns contiguous grids and says so")
    func timeLimitIsACap() throws {
        let graph = try TestGraphs.hexagons(rows: 40, columns: 40, weights: .random(seed: 4, low: 0, high: 2))
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [8], toleranceFraction: 0.05, seed: 1)
        problem.timeLimitSeconds = 1e-6
        let result = try Partitioner.solve(problem)
        #expect(result.exclaveParts.allSatisfy { $0 == 0 })
        #expect(result.notes.contains { $0.contains("time limit") }, "\(result.notes)")
        #expect(Set(result.assignment).count == 8)
    }

    @Test("further weights are totalled per grid and cut edges, PP and unit counts are reported")
    func furtherWeightsReported() throws {
        let graph = try TestGraphs.hexagons(rows: 12, columns: 12, secondWeight: true)
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [3], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(result.gridWeights.count == 2)
        let total = graph.weights[1].reduce(0, +)
        #expect(abs(result.gridWeights[1].reduce(0, +) - total) < 1e-9 * total)
        #expect(result.gridUnitCount.reduce(0, +) == graph.unitCount)
        #expect(result.cutEdges > 0)
        var cut = 0
        for u in 0..<graph.unitCount {
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                let v = Int(graph.neighbors[e])
                if v > u, result.assignment[u] != result.assignment[v] { cut += 1 }
            }
        }
        #expect(result.cutEdges == cut)
        #expect(result.gridPolsbyPopper.allSatisfy { $0 > 0.3 && $0 <= 1 })
    }
}
