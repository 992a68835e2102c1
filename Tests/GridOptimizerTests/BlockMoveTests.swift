import Testing
@testable import GridOptimizer

/// `LocalSearch.moveBlocks`: all pieces of a block held by one grid move to a neighbouring grid at once.
@Suite("BlockMove")
struct BlockMoveTests {
    /// 3 × 4 squares (unit r·4 + c); column 1 is one block of three pieces whose inner edges lie off the
    /// streets (`cutLength`), every other edge on one. Grid 0: column 0 and the block's top two pieces; grid 1:
    /// the rest, with its centre at the block's bottom piece 9 (so only grid 0's pieces can move).
    static func split() throws -> (LocalSearch, blocks: [Int32]) {
        var graph = try TestGraphs.squares(rows: 3, columns: 4, side: 1)
        let inner: Set<[Int32]> = [[1, 5], [5, 1], [5, 9], [9, 5]]
        var cut: [Double] = []
        for u in 0..<12 {
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                cut.append(inner.contains([Int32(u), graph.neighbors[e]]) ? 1 : 0)
            }
        }
        graph.cutLength = cut
        let units = (0..<Int32(12)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let start: [Int32] = [0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1]
        let partition = Partition(graph: work, gridCount: 2, assignment: start, centre: [0, 9])
        let search = LocalSearch(
            partition: partition, mean: 6, band: 0.6, previous: nil, seed: 1, deadline: .now + .seconds(60))
        return (search, [0, 1, 2, 3, 4, 1, 6, 7, 8, 1, 10, 11])
    }

    @Test("a block split between two grids moves whole when that lowers the energy")
    func movesWholeBlock() throws {
        var (search, blocks) = try Self.split()
        let before = search.energy()
        let moved = search.moveBlocks(blocks)
        #expect(moved == 1)
        #expect(search.partition.assignment == [0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 1])
        #expect(search.energy().rest < before.rest)
        try search.partition.checkInvariants()
    }

    @Test("single-piece greedy moves leave the cut through the block")
    func greedyStaysStuck() throws {
        var (search, _) = try Self.split()
        search.greedy(maxSweeps: 50)
        #expect(search.partition.assignment[1] != search.partition.assignment[9])
    }

    @Test("a grid in two parts is not connected, one in one part is")
    func connectivityCheck() throws {
        var (search, _) = try Self.split()
        let whole = (search.partition.isConnected(grid: 0), search.partition.isConnected(grid: 1, from: 9))
        #expect(whole == (true, true))
        // Grid 0 keeps 0, 1, 5 and the cut-off 8; grid 1 gets 4, which touches none of its units.
        search.partition.move(4, to: 1)
        let split = (
            search.partition.isConnected(grid: 0), search.partition.isConnected(grid: 0, from: 8),
            search.partition.isConnected(grid: 1)
        )
        #expect(split == (false, false, false))
        search.partition.move(4, to: 0)
        search.partition.move(8, to: 1)  // grid 0: 0, 1, 4, 5; grid 1 gets 8 next to 9
        let moved = (search.partition.isConnected(grid: 0), search.partition.isConnected(grid: 1, from: 8))
        #expect(moved == (true, true))
    }

    @Test("blockOfUnit must have one entry per unit")
    func validatesCount() throws {
        var problem = PartitionProblem(
            graph: try TestGraphs.squares(rows: 2, columns: 2), gridsPerJurisdiction: [2], toleranceFraction: 0.1,
            seed: 1)
        problem.blockOfUnit = [0, 1, 2]
        #expect(throws: PartitionError.self) { try Partitioner.solve(problem) }
    }
}
