import Testing
@testable import GridOptimizer

@Suite("Infeasible problems and islands are reported, never hidden")
struct InfeasibleAndIslandTests {
    @Test("a unit heavier than the upper bound gives withinTolerance false and a note with the tolerance that would work")
    func heavyUnit() throws {
        var weights = [Double](repeating: 1, count: 400)
        weights[210] = 60  // mean = 459 / 4 ≈ 115; bound (1.05) ≈ 120 → not heavy enough alone
        weights[211] = 200  // alone 200 > 1.05 · mean
        let graph = try TestGraphs.hexagons(rows: 20, columns: 20, weights: .explicit(weights))
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [4], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(!result.withinTolerance)
        #expect(result.maxAbsDeviation > 0.05)
        let note = result.notes.first { $0.contains("unit 211 alone weighs") }
        #expect(note != nil, "\(result.notes)")
        #expect(note?.contains("--tolerance") == true)
        #expect(result.exclaveParts.allSatisfy { $0 == 0 })
        #expect(Set(result.assignment).count == 4)
    }

    @Test("fewer units than grids: best plan returned, note names the cause")
    func tooFewUnits() throws {
        let graph = try TestGraphs.squares(rows: 2, columns: 2)
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [6], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(!result.withinTolerance)
        #expect(result.notes.contains { $0.contains("only 4 units for 6 grids") }, "\(result.notes)")
        #expect(result.assignment.count == 4)
    }

    @Test("a jurisdiction without weight is balanced by area and flagged")
    func zeroWeight() throws {
        let graph = try TestGraphs.hexagons(rows: 10, columns: 10, weights: .equal(0))
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [3], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(!result.withinTolerance)
        #expect(result.notes.contains { $0.contains("carries no weight") }, "\(result.notes)")
        #expect(result.exclaveParts.allSatisfy { $0 == 0 })
        let sizes = result.gridUnitCount
        #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 5)
    }

    @Test("a station without weight beside one with weight: its grids are balanced by area and the plan stands")
    func stationWithoutWeight() throws {
        // Points that cover the western station only (a points file for part of a county).
        let layout = try TestGraphs.hexagons(rows: 12, columns: 24, jurisdictions: 2)
        let weights = layout.jurisdiction.map { $0 == 0 ? 1.0 : 0.0 }
        let graph = try TestGraphs.hexagons(rows: 12, columns: 24, weights: .explicit(weights), jurisdictions: 2)
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [3, 2], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "\(result.notes)")
        #expect(result.notes.contains { $0.contains("jurisdiction 1 carries no weight") }, "\(result.notes)")
        // Checked here, not trusted: the weightless station's two grids hold even areas, the
        // weighted station's three grids even weight.
        var area = [Double](repeating: 0, count: 5)
        for u in 0..<graph.unitCount { area[Int(result.assignment[u])] += graph.area[u] }
        let weightless = (0..<5).filter { result.gridJurisdiction[$0] == 1 }
        #expect(weightless.count == 2)
        let meanArea = weightless.reduce(0.0) { $0 + area[$1] } / 2
        for g in weightless { #expect(abs(area[g] - meanArea) <= 0.05 * meanArea + 1e-9, "grid \(g): \(area[g]) of \(meanArea)") }
        let mean = weights.reduce(0, +) / 3
        for g in 0..<5 where result.gridJurisdiction[g] == 0 {
            #expect(abs(result.gridWeights[0][g] - mean) <= 0.05 * mean + 1e-9)
        }
        #expect(TestGraphs.contiguousGridCount(graph, result) == 5)

        // Three equal units in a row cannot make two grids of even area: that station fails, named.
        let row = try TestGraphs.hexagons(rows: 1, columns: 6, jurisdictions: 2)
        let rowWeights = row.jurisdiction.map { $0 == 0 ? 1.0 : 0.0 }
        #expect(row.jurisdiction.filter { $0 == 1 }.count == 3)
        let uneven = try TestGraphs.hexagons(rows: 1, columns: 6, weights: .explicit(rowWeights), jurisdictions: 2)
        let unevenResult = try Partitioner.solve(
            PartitionProblem(graph: uneven, gridsPerJurisdiction: [1, 2], toleranceFraction: 0.05, seed: 1))
        #expect(!unevenResult.withinTolerance)
        #expect(
            unevenResult.notes.contains { $0.contains("jurisdiction 1 carries no weight") && $0.contains("max area deviation 33.33%") },
            "\(unevenResult.notes)")
    }

    @Test("zero-weight units and fewer weighted units than grids are reported")
    func fewWeightedUnits() throws {
        var weights = [Double](repeating: 0, count: 100)
        weights[5] = 1
        weights[50] = 1
        let graph = try TestGraphs.hexagons(rows: 10, columns: 10, weights: .explicit(weights))
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [3], toleranceFraction: 0.05, seed: 1)
        let result = try Partitioner.solve(problem)
        #expect(!result.withinTolerance)
        #expect(result.notes.contains { $0.contains("only 2 units carry weight for 3 grids") }, "\(result.notes)")
    }

    @Test("a light island joins a grid and counts as an exclave; a heavy one gets its own grid")
    func islands() throws {
        // Mainland 20 × 20 plus a 2 × 2 island (light) and a 10 × 10 island (heavy: a quarter of the mainland).
        let graph = try TestGraphs.hexagons(
            rows: 20, columns: 20, islands: [(0, 30, 2, 2), (30, 30, 10, 10)])
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [5], toleranceFraction: 0.05, seed: 3)
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "\(result.notes)")
        #expect(result.exclaveParts.reduce(0, +) == 1, "\(result.exclaveParts)")
        // The heavy island (units 404..<504) is one whole grid.
        let heavy = Set(result.assignment[404..<504])
        #expect(heavy.count == 1)
        if let g = heavy.first {
            #expect(result.assignment.filter { $0 == g }.count == 100)
        }
        #expect(result.notes.contains { $0.contains("exclaves") }, "\(result.notes)")
    }

    @Test("a jurisdiction in several pieces is linked and every grid stays connected up to islands")
    func severalPieces() throws {
        let graph = try TestGraphs.hexagons(
            rows: 16, columns: 16, holes: [(8, 8, 3)], islands: [(0, 20, 6, 6), (10, 20, 6, 6), (20, 0, 1, 1)],
            weights: .random(seed: 9, low: 0.5, high: 1.5))
        let problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [6], toleranceFraction: 0.1, seed: 3)
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance, "\(result.notes)")
        #expect(result.exclaveParts.reduce(0, +) <= 3)
    }
}
