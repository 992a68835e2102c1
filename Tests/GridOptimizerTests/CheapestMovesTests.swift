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
