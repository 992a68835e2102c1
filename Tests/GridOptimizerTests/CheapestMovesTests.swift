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

@Suite("Annealing: the one-pass proposal equals the general one")
struct ForeignProposalTests {
    @Test("same partner, same random draws and the same shared lengths as proposalPartner + sharedWith")
    func onePassMatches() throws {
        let graph = try TestGraphs.hexagons(rows: 12, columns: 14, weights: .random(seed: 4, low: 0, high: 2))
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let start = PowerDiagramStart(graph: work, gridCount: 5).run(axis: (1, 0))
        var partition = Partition(graph: work, gridCount: 5, assignment: start)
        partition.repairContiguity()
        var search = LocalSearch(
            partition: partition, mean: work.weight.reduce(0, +) / 5, band: 0.05, previous: nil, seed: 3,
            deadline: .now + .seconds(60))
        search.pickForeignNeighbour = true
        var general = search
        var compared = 0
        for u in 0..<work.unitCount {
            let one = search.foreignProposal(of: u)
            let two = general.proposalPartner(of: u)
            #expect(one?.v == two, "unit \(u)")
            if let v = two {
                let shared = partition.sharedWith(u, partition.assignment[u], partition.assignment[v])
                #expect(one?.shared.0 == shared.0 && one?.shared.1 == shared.1, "unit \(u)")
                compared += 1
            }
            #expect(search.rng.next() == general.rng.next(), "random streams stay in step at unit \(u)")
        }
        #expect(compared > 20)
    }
}
