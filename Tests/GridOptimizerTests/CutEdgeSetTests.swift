import Testing
@testable import GridOptimizer

@Suite("Annealing draws: the cut pairs are tracked exactly and drawn as often as they should be")
struct CutEdgeSetTests {
    static func fivePlan(seed: UInt64) throws -> Partition {
        let graph = try TestGraphs.hexagons(rows: 12, columns: 14, weights: .random(seed: seed, low: 0, high: 2))
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let start = PowerDiagramStart(graph: work, gridCount: 5).run(axis: (1, 0))
        var partition = Partition(graph: work, gridCount: 5, assignment: start)
        partition.repairContiguity()
        return partition
    }

    /// The CSR entries whose two units are in different grids, counted from scratch.
    static func cutEntries(_ p: Partition) -> Set<Int32> {
        var cut: Set<Int32> = []
        for u in 0..<p.graph.unitCount {
            for e in Int(p.graph.offsets[u])..<Int(p.graph.offsets[u + 1])
            where p.assignment[Int(p.graph.neighbors[e])] != p.assignment[u] {
                cut.insert(Int32(e))
            }
        }
        return cut
    }

    @Test("after every move (refreshed or updated) the set holds exactly the cut entries, each with its own unit", arguments: [UInt64(1), 2])
    func tracksMoves(seed: UInt64) throws {
        var partition = try Self.fivePlan(seed: seed)
        var cuts = CutEdgeSet(partition)
        #expect(Set(cuts.entries) == Self.cutEntries(partition))
        #expect(cuts.count > 20)
        var rng = TestRandom(seed)
        for step in 0..<400 {
            // Any unit to the grid of any neighbour (contiguity does not matter to the set).
            let u = rng.index(partition.graph.unitCount)
            let lo = Int(partition.graph.offsets[u])
            let degree = Int(partition.graph.offsets[u + 1]) - lo
            let v = Int(partition.graph.neighbors[lo + rng.index(degree)])
            let g = partition.assignment[u]
            partition.move(u, to: partition.assignment[v])
            // Both ways of following a move: the full refresh and the one-unit update.
            if step % 2 == 0 { cuts.update(around: u, partition) } else { cuts.moved(u, from: g, partition) }
            try #require(Set(cuts.entries) == Self.cutEntries(partition), "after step \(step)")
        }
        for e in cuts.entries {
            let u = Int(cuts.source[Int(e)])
            #expect(Int(partition.graph.offsets[u]) <= Int(e) && Int(e) < Int(partition.graph.offsets[u + 1]))
        }
    }

    @Test("a unit's move to a grid is drawn in proportion to its neighbours there")
    func drawsByNeighbourCount() throws {
        let partition = try Self.fivePlan(seed: 3)
        var search = LocalSearch(
            partition: partition, mean: partition.graph.weight.reduce(0, +) / 5, band: 0.05, previous: nil,
            seed: 7, deadline: .now + .seconds(60))
        var cuts = CutEdgeSet(partition)
        // Neighbours of each unit in each other grid, and how often each (unit, grid) was drawn.
        var neighbours: [Int: Int] = [:]
        for e in cuts.entries {
            let u = Int(cuts.source[Int(e)])
            let h = Int(partition.assignment[Int(partition.graph.neighbors[Int(e)])])
            neighbours[u * 8 + h, default: 0] += 1
        }
        var drawn: [Int: Int] = [:]
        let draws = 200_000
        for _ in 0..<draws {
            let d = cuts.draw(&search)
            #expect(!d.exhausted)
            guard d.v >= 0 else { continue }
            #expect(partition.assignment[d.u] != partition.assignment[d.v])
            drawn[d.u * 8 + Int(partition.assignment[d.v]), default: 0] += 1
        }
        // Mean draws per pair, by the pair's neighbour count: expected draws · count / cut entries.
        var byCount: [Int: (draws: Int, pairs: Int)] = [:]
        for (key, count) in neighbours {
            let entry = byCount[count] ?? (0, 0)
            byCount[count] = (entry.draws + drawn[key, default: 0], entry.pairs + 1)
        }
        #expect(byCount.count >= 2, "the plan has pairs with one and with several neighbours")
        for (count, entry) in byCount where entry.pairs >= 10 {
            let expected = Double(draws) * Double(count) / Double(cuts.count)
            let mean = Double(entry.draws) / Double(entry.pairs)
            #expect(abs(mean / expected - 1) < 0.05, "pairs with \(count) neighbours: \(mean) draws, \(expected) expected")
        }
    }
}

@Suite("Annealing: the Metropolis test refuses early but decides as the exponential does")
struct MetropolisShortcutTests {
    @Test("Math.below(u, expNegativeOf: r) == (u < expNegative(−r)) on a dense grid and at the boundary")
    func sameDecisions() {
        var rng = TestRandom(11)
        var refusedEarly = 0
        var wideDraws = 0
        var checked = 0
        for i in 0..<200_000 {
            // r from 1e-12 to 30, u uniform, plus draws placed right at e^−r and its neighbours.
            let r = i % 3 == 0 ? rng.unit() * 30 : (i % 3 == 1 ? rng.unit() * 0.01 : Double.ulpOfOne * Double(i % 1000))
            let exact = Math.expNegative(-r)
            var draws = [rng.unit(), exact, exact.nextDown, exact.nextUp]
            draws = draws.filter { $0 >= 0 && $0 < 1 }
            for u in draws {
                #expect(Math.below(u, expNegativeOf: r) == (u < exact), "u \(u), r \(r)")
                checked += 1
            }
            if i % 3 == 0 {
                // A uniform draw against r up to 30: refused without the exponential mostly.
                wideDraws += 1
                if draws[0] * (1 + r * (1 + r * (0.5 + r / 6))) >= 1 + 1e-9 { refusedEarly += 1 }
            }
        }
        #expect(checked > 500_000)
        #expect(Double(refusedEarly) > 0.75 * Double(wideDraws), "most refusals need no exponential")
    }
}
