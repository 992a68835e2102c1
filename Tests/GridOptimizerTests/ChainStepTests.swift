import Testing
@testable import GridOptimizer

@Suite("Chain steps: reading partners by weight keeps the moves offering every pair keeps")
struct ChainStepTests {
    /// The step's moves as they were made before partners were read by weight: every unit with
    /// every one of the first 64 partners.
    static func everyPair(
        _ search: LocalSearch, out: [Int32], back: [Int32], from a: Int, to b: Int, wanted: Double,
        settles: (Int, Int)?
    ) -> [CheapestMoves.Move] {
        let scale = 100 / search.mean
        var moves = CheapestMoves(limit: settles == nil ? 12 : 32)
        for u in out {
            let wu = search.partition.graph.weight[Int(u)]
            let shape = search.delta(Int(u), to: Int32(b)).shape
            moves.offer((u, -1, search.slackCost(wu, wanted, a, b, settles) * scale + search.chainShapeWeight * shape))
            for v in back.prefix(64) {
                let net = wu - search.partition.graph.weight[Int(v)]
                let cost = search.slackCost(net, wanted, a, b, settles) * scale + search.chainShapeWeight * shape + 0.05
                moves.offer((u, v, cost))
            }
        }
        return moves.moves
    }

    @Test("same moves, same order, with and without settling grids", arguments: [UInt64(1), 2, 3])
    func sameAsEveryPair(seed: UInt64) throws {
        // Weights in steps of 0.25, so that many pairs tie on their net weight.
        var rng = TestRandom(seed)
        let rows = 16
        let columns = 18
        let weights = (0..<(rows * columns)).map { _ in 0.25 * Double(1 + rng.index(8)) }
        let graph = try TestGraphs.hexagons(rows: rows, columns: columns, weights: .explicit(weights))
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let k = 6
        var partition = Partition(
            graph: work, gridCount: k, assignment: PowerDiagramStart(graph: work, gridCount: k).run(axis: (1, 0)))
        partition.repairContiguity()
        let mean = work.weight.reduce(0, +) / Double(k)
        // A soft aim inside the wall, so that the settling cost has both parts.
        let search = LocalSearch(
            partition: partition, mean: mean, band: 0.01, wall: 0.05, previous: nil, seed: seed,
            deadline: .now + .seconds(60))
        let lists = search.boundaryLists()
        let adjacency = search.gridAdjacency(lists)
        var compared = 0
        for a in 0..<k {
            for bb in adjacency[a] {
                let b = Int(bb)
                let out = search.candidates(of: a, next: b, lists: lists)
                let back = search.candidates(of: b, next: a, lists: lists)
                for wanted in [-1.3, 0, 0.25, 0.6, 2.0, 0.05 * mean] {
                    for settles in [nil, (a, -1), (a, b), (b, a)] as [(Int, Int)?] {
                        let fast = ChainStepMoves.cheapest(
                            search, out: out, back: back, from: a, to: b, wanted: wanted, settles: settles)
                        let slow = Self.everyPair(search, out: out, back: back, from: a, to: b, wanted: wanted, settles: settles)
                        #expect(fast.count == slow.count)
                        #expect(
                            zip(fast, slow).allSatisfy { $0.u == $1.u && $0.v == $1.v && $0.cost == $1.cost },
                            "grids \(a) → \(b), wanted \(wanted)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared > 100)
    }
}
