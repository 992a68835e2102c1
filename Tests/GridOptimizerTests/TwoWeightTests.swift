import Testing
@testable import GridOptimizer

/// A further weight with a tolerance (`weightTolerances`) is balanced as a hard band: a square
/// lattice whose population is even but whose incidents pile up in a hot spot (3 × per person in the
/// middle), so compact grids on the hot spot are far over in incidents.
@Suite("Two weights balanced at once")
struct TwoWeightTests {
    static let side = 40

    /// Population 1 per cell; incidents 1 per cell, 3 within 8 cells of the centre.
    static func hotSpot() throws -> UnitGraph {
        let plain = try TestGraphs.squares(rows: side, columns: side)
        let incidents = (0..<plain.unitCount).map { u -> Double in
            let dr = Double(u / side) - 19.5, dc = Double(u % side) - 19.5
            return dr * dr + dc * dc <= 64 ? 3 : 1
        }
        return try UnitGraph(
            offsets: plain.offsets, neighbors: plain.neighbors, sharedLength: plain.sharedLength,
            weights: [plain.weights[0], incidents], area: plain.area, perimeter: plain.perimeter,
            centroidX: plain.centroidX, centroidY: plain.centroidY, jurisdiction: plain.jurisdiction,
            jurisdictionCount: 1)
    }

    static func solve(band: Double?) throws -> PartitionResult {
        var problem = PartitionProblem(graph: try hotSpot(), gridsPerJurisdiction: [8], toleranceFraction: 0.05, seed: 1)
        problem.weightTolerances = [band]
        return try Partitioner.solve(problem)
    }

    @Test("the bisection start splits both weights near their means before any search")
    func startSplitsBoth() throws {
        let graph = try Self.hotSpot()
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let start = BandedBisectionStart(graph: work, gridCount: 8, banded: [0]).run()
        var population = [Double](repeating: 0, count: 8), incidents = population
        for u in 0..<work.unitCount {
            population[Int(start[u])] += work.weight[u]
            incidents[Int(start[u])] += work.secondary[u]
        }
        let meanPopulation = population.reduce(0, +) / 8, meanIncidents = incidents.reduce(0, +) / 8
        #expect(population.allSatisfy { abs($0 / meanPopulation - 1) <= 0.03 }, "population \(population)")
        #expect(incidents.allSatisfy { abs($0 / meanIncidents - 1) <= 0.05 }, "incidents \(incidents)")
    }

    @Test("with a 5% band on incidents the plan keeps population within 5% and incidents within 5%; without it, incidents are far off")
    func bandIsKept() throws {
        let free = try Self.solve(band: nil)
        #expect(free.maxDeviationPerWeight[1] > 0.15, "the hot spot should put compact grids far off in incidents")
        let banded = try Self.solve(band: 0.05)
        #expect(banded.withinTolerance)
        #expect(banded.maxDeviationPerWeight[0] <= 0.05 + 1e-9)
        #expect(banded.maxDeviationPerWeight[1] <= 0.05 + 1e-9, "incidents \(banded.maxDeviationPerWeight[1])")
        #expect(TestGraphs.contiguousGridCount(try Self.hotSpot(), banded) == 8)
    }
}
