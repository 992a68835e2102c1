import Testing
@testable import GridOptimizer

@Suite("Chain steps keep the cheapest moves; workers take tasks in any order")
struct CheapestMovesTests {
    @Test("the kept moves are the prefix a full sort gives, ties broken by unit then partner", arguments: [0, 1, 5, 12, 32])
    func cheapestArePrefix(limit: Int) {
        var rng = TestRandom(UInt64(limit) + 9)
        for _ in 0..<50 {
            var all: [CheapestMoves.Move] = []
            var kept = CheapestMoves(limit: limit)
            for _ in 0..<rng.index(200) {
                // Few distinct costs, so that ties are common.
                let move: CheapestMoves.Move = (Int32(rng.index(40)), Int32(rng.index(40)) - 1, Double(rng.index(6)) * 0.5)
                guard !all.contains(where: { $0.u == move.u && $0.v == move.v }) else { continue }
                all.append(move)
                kept.offer(move)
            }
            all.sort { CheapestMoves.precedes($0, $1) }
            let expected = all.prefix(limit)
            #expect(kept.moves.count == expected.count)
            #expect(zip(kept.moves, expected).allSatisfy { $0.u == $1.u && $0.v == $1.v && $0.cost == $1.cost })
        }
    }

    @Test("results come back in index order whatever the order the workers take them", arguments: [1, 2, 3])
    func parallelMapOrder(threads: Int) {
        let order = [4, 0, 7, 1, 6, 2, 5, 3]
        let squares = Partitioner.parallelMap(count: 8, threads: threads, order: order) { $0 * $0 }
        #expect(squares == (0..<8).map { $0 * $0 })
        #expect(Partitioner.parallelMap(count: 5, threads: threads) { $0 + 1 } == [1, 2, 3, 4, 5])
    }
}

@Suite("Greedy: skipping units inside their grid changes nothing")
struct GreedyBoundaryTests {
    /// Greedy as it was before it skipped units without a foreign neighbour: every unit of the
    /// seeded order is looked at in every sweep.
    static func reference(_ search: inout LocalSearch, maxSweeps: Int) -> Int {
        let n = search.partition.graph.unitCount
        var order = Array(0..<Int32(n))
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, search.rng.nextIndex(i + 1)) }
        var total = 0
        for _ in 0..<maxSweeps {
            var moved = 0
            for ui in order {
                let u = Int(ui)
                let p = search.partition
                if p.isCentre[u] || p.unitCount[Int(p.assignment[u])] <= 1 { continue }
                var best: Int32 = -1
                var bestDelta = -1e-12
                var seen: [Int32] = []
                for e in Int(p.graph.offsets[u])..<Int(p.graph.offsets[u + 1]) {
                    let h = p.assignment[Int(p.graph.neighbors[e])]
                    if h == p.assignment[u] || seen.contains(h) { continue }
                    seen.append(h)
                    let d = search.delta(u, to: h)
                    if d.penalty > 1e-12 { continue }
                    if d.shape + d.penalty + d.soft < bestDelta {
                        bestDelta = d.shape + d.penalty + d.soft
                        best = h
                    }
                }
                if best >= 0, search.partition.canRemove(u) {
                    search.apply(u, to: best)
                    moved += 1
                }
            }
            total += moved
            if moved == 0 { break }
        }
        return total
    }

    @Test("the same moves in the same order as looking at every unit", arguments: [UInt64(1), 2, 3])
    func sameAsEveryUnit(seed: UInt64) throws {
        let graph = try TestGraphs.hexagons(rows: 20, columns: 24, weights: .random(seed: seed, low: 0.5, high: 2))
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        // Two grids split by a comb: grid 1's teeth reach deep into grid 0, so that greedy eats
        // them from the tip and every move exposes the unit behind it.
        let (lo, hi) = (work.x.min() ?? 0, work.x.max() ?? 1)
        let (bottom, top) = (work.y.min() ?? 0, work.y.max() ?? 1)
        let start = (0..<work.unitCount).map { u -> Int32 in
            let fx = (work.x[u] - lo) / (hi - lo)
            let fy = (work.y[u] - bottom) / (top - bottom)
            let tooth = Int(fy * 5) % 2 == 0 && fy < 0.9
            return fx > 0.8 || (tooth && fx > 0.1) ? 1 : 0
        }
        var partition = Partition(graph: work, gridCount: 2, assignment: start)
        partition.repairContiguity()
        var search = LocalSearch(
            partition: partition, mean: work.weight.reduce(0, +) / 2, band: 0.9, previous: nil, seed: seed,
            deadline: .now + .seconds(60))
        var reference = search
        let moved = search.greedy(maxSweeps: 10_000)
        let referenceMoved = Self.reference(&reference, maxSweeps: 10_000)
        #expect(moved > 20)
        #expect(moved == referenceMoved)
        #expect(search.partition.assignment == reference.partition.assignment)
    }
}
