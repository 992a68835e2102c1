import Testing
@testable import GridOptimizer

@Suite("Multilevel: coarse levels keep tallies, rules and invariants")
struct MultilevelTests {
    /// A 40 × 50 hexagon county with a lake and an offshore island, random weights.
    func county(seed: UInt64 = 1) throws -> WorkGraph {
        let graph = try TestGraphs.hexagons(
            rows: 40, columns: 50, holes: [(20, 25, 3)], islands: [(0, 60, 3, 4)],
            weights: .random(seed: seed, low: 0, high: 2), secondWeight: true)
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        return WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
    }

    func total(_ values: [Double]) -> Double { values.reduce(0, +) }

    /// Fine unit → unit of `level` (the finest level maps to itself).
    func owner(_ hierarchy: Hierarchy, level: Int) -> [Int32] {
        var map = (0..<Int32(hierarchy.levels[0].graph.unitCount)).map { $0 }
        for l in stride(from: 1, through: level, by: 1) {
            map = map.map { hierarchy.levels[l].fineToCoarse[Int($0)] }
        }
        return map
    }

    @Test("coarsening shrinks to a few dozen units per grid and every level keeps the totals")
    func coarseningShrinks() throws {
        let fine = try county()
        let k = 4
        let hierarchy = Hierarchy(graph: fine, gridCount: k, centres: nil, seed: 3)
        #expect(hierarchy.levels.count >= 3)
        let top = hierarchy.levels[hierarchy.levels.count - 1].graph
        #expect(top.unitCount <= 3 * Tuning.coarsestUnitsPerGrid * k, "coarsest has \(top.unitCount) units")
        for (l, level) in hierarchy.levels.enumerated() {
            let g = level.graph
            if l > 0 { #expect(g.unitCount < hierarchy.levels[l - 1].graph.unitCount) }
            for (coarseTotal, fineTotal) in [
                (total(g.weight), total(fine.weight)), (total(g.area), total(fine.area)),
                (total(g.secondary), total(fine.secondary)),
            ] {
                let gap: Double = abs(coarseTotal - fineTotal)
                #expect(gap < 1e-9 * fineTotal, "level \(l)")
            }
            #expect(g.componentCount == fine.componentCount)
            #expect(g.links.count == fine.links.count, "level \(l): the island keeps exactly its links")
        }
    }

    @Test("matching never crosses an island link, never merges two posts, never exceeds the cap")
    func matchingRules() throws {
        let fine = try county(seed: 2)
        let k = 5
        let posts: [Int32] = [0, 1, 2, 3, 4]  // neighbours along the first row: would pair up
        let hierarchy = Hierarchy(graph: fine, gridCount: k, centres: posts, seed: 9)
        let meanWeight = fine.weight.reduce(0, +) / Double(k)
        let meanArea = fine.area.reduce(0, +) / Double(k)
        for l in 1..<hierarchy.levels.count {
            let map = owner(hierarchy, level: l)
            let g = hierarchy.levels[l].graph
            var members = [Int](repeating: 0, count: g.unitCount)
            for u in 0..<fine.unitCount {
                members[Int(map[u])] += 1
                #expect(g.component[Int(map[u])] == fine.component[u], "level \(l) mixes components")
            }
            for c in 0..<g.unitCount where members[c] > 1 {
                let size: Double = max(g.weight[c] / meanWeight, g.area[c] / meanArea)
                #expect(size <= Tuning.coarseUnitCap + 1e-12, "level \(l) unit \(c) weighs \(size) of a grid")
            }
            let centres = hierarchy.levels[l].centres ?? []
            #expect(Set(centres).count == posts.count, "level \(l): two posts in one unit")
            for (i, p) in posts.enumerated() { #expect(centres[i] == map[Int(p)]) }
        }
    }

    @Test("a partition projected through every level has the same tallies and passes every invariant")
    func projectionKeepsTallies() throws {
        let fine = try county(seed: 4)
        let k = 4
        let hierarchy = Hierarchy(graph: fine, gridCount: k, centres: nil, seed: 5)
        let topLevel = hierarchy.levels.count - 1
        let top = hierarchy.levels[topLevel].graph
        let light = LightComponents(graph: top, gridCount: k, tolerance: 0.05, centres: nil)
        let start = PowerDiagramStart(graph: top, gridCount: k, light: light).run(axis: (1, 0))
        var coarse = Partition(graph: top, gridCount: k, assignment: start, light: light)
        coarse.repairContiguity()
        try coarse.checkInvariants()
        var assignment = coarse.assignment
        for l in stride(from: topLevel - 1, through: 0, by: -1) {
            assignment = Hierarchy.project(assignment, through: hierarchy.levels[l + 1].fineToCoarse)
            let g = hierarchy.levels[l].graph
            let partition = Partition(
                graph: g, gridCount: k, assignment: assignment,
                light: LightComponents(graph: g, gridCount: k, tolerance: 0.05, centres: nil))
            try partition.checkInvariants()
            for grid in 0..<k {
                // Tallies add up across levels: P = ΣP − 2·shared.
                let perimeterGap: Double = abs(partition.perimeter[grid] - coarse.perimeter[grid])
                let weightGap: Double = abs(partition.weight[grid] - coarse.weight[grid])
                let areaGap: Double = abs(partition.area[grid] - coarse.area[grid])
                #expect(perimeterGap < 1e-6 * coarse.perimeter[grid], "level \(l) grid \(grid)")
                #expect(weightGap < 1e-9 * max(1, coarse.weight[grid]), "level \(l) grid \(grid)")
                #expect(areaGap < 1e-9 * coarse.area[grid], "level \(l) grid \(grid)")
                #expect(partition.solidCount[grid] > 0)
            }
        }
    }

    @Test("the multilevel solve keeps every invariant after every move and ends balanced and compact")
    func multilevelSolveInvariants() throws {
        let fine = try county(seed: 6)
        let k = 4
        #expect(fine.unitCount >= Tuning.multilevelUnitsPerGrid * k, "takes the multilevel path")
        let solver = JurisdictionSolver(
            graph: fine, gridCount: k, tolerance: 0.02, centres: nil, previous: nil, warmStart: nil,
            proposalsPerUnit: 100, deadline: .now + .seconds(120))
        var moves = 0
        var failures: [String] = []
        let outcome = solver.solve(start: 1, seed: 17) { partition in
            moves += 1
            if moves % 7 == 0 || partition.graph !== fine {
                do { try partition.checkInvariants() } catch { failures.append("\(error)") }
            }
        }
        #expect(moves > 50)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(outcome.penalty == 0)
        let final = Partition(
            graph: fine, gridCount: k, assignment: outcome.assignment,
            light: LightComponents(graph: fine, gridCount: k, tolerance: 0.02, centres: nil))
        try final.checkInvariants()
        let pp: [Double] = (0..<k).map { final.polsbyPopper($0) }
        #expect(mean(pp) > 0.45, "mean PP \(mean(pp))")
    }

    @Test("the flat fallback runs only where the band holds a unit of typical weight")
    func fallbackNeedsRoomInTheBand() throws {
        let fine = try county(seed: 4)
        let k = 4
        let typical = fine.weight.reduce(0) { $0 + $1 * $1 } / fine.weight.reduce(0, +)
        let mean = fine.weight.reduce(0, +) / Double(k)
        // The band ±t is 2·t·mean wide: it holds one typical unit at t = typical / (2·mean).
        let edge = typical / (2 * mean)
        for (tolerance, holds) in [(0.9 * edge, false), (1.1 * edge, true), (0.05, true)] {
            let solver = JurisdictionSolver(
                graph: fine, gridCount: k, tolerance: tolerance, centres: nil, previous: nil, warmStart: nil,
                proposalsPerUnit: 100, deadline: .now + .seconds(120))
            #expect(solver.bandHoldsTypicalUnit == holds, "tolerance \(tolerance)")
        }
    }

    @Test("a flat fallback whose balancing ends worse than the multilevel result stops before annealing")
    func fallbackGivesUpBeforeAnnealing() throws {
        let fine = try county(seed: 5)
        let k = 6
        let solver = JurisdictionSolver(
            graph: fine, gridCount: k, tolerance: 0.01, centres: nil, previous: nil, warmStart: nil,
            proposalsPerUnit: 100, deadline: .now + .seconds(120))
        var failures: [String] = []
        var moves = 0
        let check: (Partition) -> Void = { partition in
            moves += 1
            guard moves % 7 == 0 else { return }
            do { try partition.checkInvariants() } catch { failures.append("\(error)") }
        }
        let full = solver.solve(start: 0, seed: 3, flat: true, toBeat: .infinity, onMove: check)
        // Nothing is better than a negative penalty: the fallback gives up, unannealed, and loses.
        let beaten = solver.solve(start: 0, seed: 3, flat: true, toBeat: -1, onMove: check)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(beaten.penalty > -1)
        #expect(!beaten.withinTolerance, "a plan that gave up is never taken as within the tolerance")
        #expect(beaten.iterations < full.iterations / 2, "\(beaten.iterations) vs \(full.iterations)")
        #expect(full.penalty == 0)
    }
}
