import Testing
@testable import GridOptimizer

/// `BlockStart`: the power diagram of a street-block solve drawn on whole blocks.
@Suite("BlockStart")
struct BlockStartTests {
    /// 8 × 9 squares (unit r·9 + c) in blocks of 2 rows × 3 columns (12 blocks of weight 6); the block of
    /// the top-left corner weighs 60 (10 per square), heavier than a grid's mean at K 3 (126 / 3 = 42).
    static func blocks() throws -> (graph: WorkGraph, blocks: [Int32]) {
        let weights = (0..<72).map { u in u / 9 < 2 && u % 9 < 3 ? 10.0 : 1.0 }
        let base = try TestGraphs.squares(rows: 8, columns: 9, weights: .explicit(weights))
        let units = (0..<Int32(72)).map { $0 }
        let work = WorkGraph(graph: base, units: units, localIndex: units, useAreaAsWeight: false)
        let blocks = (0..<72).map { (u: Int) -> Int32 in
            let blockRow = u / 9 / 2
            return Int32(blockRow * 3 + u % 9 / 3)
        }
        return (work, blocks)
    }

    @Test("every block lighter than a grid's mean starts whole in one grid; the heavy block is split")
    func lightBlocksStartWhole() throws {
        let (graph, blocks) = try Self.blocks()
        for axis in [(1.0, 0.0), (0.6, 0.8), (-0.3, 0.95)] {
            let start = BlockStart(graph: graph, gridCount: 3, blocks: blocks, tolerance: 0.05).run(axis: axis)
            #expect(Set(start).count == 3)
            for b in Int32(1)..<12 {
                let grids = Set((0..<72).filter { blocks[$0] == b }.map { start[$0] })
                #expect(grids.count == 1, "block \(b) in grids \(grids.sorted()) from axis \(axis)")
            }
            let heavy = Set((0..<72).filter { blocks[$0] == 0 }.map { start[$0] })
            #expect(heavy.count > 1, "the block of 60 (mean 42) is shared from axis \(axis)")
        }
    }

    @Test("the diagram drawn on single units cuts light blocks (what the block start avoids)")
    func pieceDiagramCutsBlocks() throws {
        let (graph, blocks) = try Self.blocks()
        let start = PowerDiagramStart(graph: graph, gridCount: 3).run(axis: (0.6, 0.8))
        let cut = (Int32(1)..<12).filter { (b: Int32) -> Bool in
            let grids = Set((0..<72).filter { blocks[$0] == b }.map { start[$0] })
            return grids.count > 1
        }
        #expect(!cut.isEmpty)
    }

    @Test("pieces of one block that do not touch are separate coarse units, numbered by lowest unit")
    func coarseUnitsAreConnected() throws {
        let (graph, _) = try Self.blocks()
        // Block 5 is the first row's columns 0 and 8 (apart), everything else one block each per unit.
        var blocks = (0..<Int32(72)).map { $0 + 100 }
        blocks[0] = 5
        blocks[8] = 5
        blocks[1] = 5
        let (map, count) = BlockStart(graph: graph, gridCount: 3, blocks: blocks, tolerance: 0.05).coarseMap()
        #expect(map[0] == map[1])
        #expect(map[8] != map[0])
        #expect(count == 71)
        #expect(map[0] == 0 && map[2] == 1 && map[8] == 7)
    }

    @Test("a street-block solve from the block start is contiguous and within its tolerance")
    func solveWithBlocks() throws {
        let (_, blocks) = try Self.blocks()
        let weights = (0..<72).map { u in u / 9 < 2 && u % 9 < 3 ? 10.0 : 1.0 }
        let base = try TestGraphs.squares(rows: 8, columns: 9, weights: .explicit(weights))
        var problem = PartitionProblem(graph: base, gridsPerJurisdiction: [3], toleranceFraction: 0.1, seed: 1)
        problem.blockOfUnit = blocks
        let result = try Partitioner.solve(problem)
        #expect(result.withinTolerance)
        #expect(TestGraphs.contiguousGridCount(base, result) == 3)
    }
}
