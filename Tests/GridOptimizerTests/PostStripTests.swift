import Testing
@testable import GridOptimizer

/// A police post in an empty strip beside a dense block (the `--centers` failure on the sample):
/// the strip (2 columns of hexagons without weight, like land without points) is cut off from the
/// block by a gap of two columns except in its last rows, and the post sits at its top. The post's
/// balanced power cell holds its weight in block land across the gap, not connected to the post;
/// repairing contiguity used to leave that grid with the empty strip alone (100 % deviation).
@Suite("Post in an empty strip")
struct PostStripTests {
    static let size = 60
    static let width = 2
    static let gapRows = size - 3
    static let grids = 12

    /// The lattice, and the unit index of each (row, column) cell (-1 in the gap).
    static func strip() throws -> (UnitGraph, [[Int32]]) {
        var index = [[Int32]](repeating: [Int32](repeating: -1, count: size), count: size)
        var weights: [Double] = []
        for row in 0..<size {
            for column in 0..<size {
                if row < gapRows, column == width || column == width + 1 { continue }
                index[row][column] = Int32(weights.count)
                weights.append(column < width ? 0 : 1)
            }
        }
        let holes = (0..<gapRows).flatMap { [(row: $0, column: width, radius: 0), (row: $0, column: width + 1, radius: 0)] }
        let graph = try TestGraphs.hexagons(rows: size, columns: size, holes: holes, weights: .explicit(weights))
        return (graph, index)
    }

    /// The strip's post at its top, one in the block beside the strip's foot, the rest at seeded
    /// places in the block.
    static func posts(_ index: [[Int32]]) -> [Int32] {
        var centres: [Int32] = [index[1][0], index[size - 2][width + 3]]
        var rng = TestRandom(UInt64(grids))
        while centres.count < grids {
            let unit = index[rng.index(size)][width + 2 + rng.index(size - width - 2)]
            if !centres.contains(unit) { centres.append(unit) }
        }
        return centres
    }

    @Test("the strip touches the block only below the gap")
    func stripIsCutOff() throws {
        let (graph, index) = try PostStripTests.strip()
        let across = Set((0..<PostStripTests.gapRows).map { index[$0][PostStripTests.width + 2] })
        for row in 0..<PostStripTests.gapRows {
            let u = Int(index[row][PostStripTests.width - 1])
            let lo = Int(graph.offsets[u])
            let hi = Int(graph.offsets[u + 1])
            #expect(graph.neighbors[lo..<hi].allSatisfy { !across.contains($0) })
        }
    }

    @Test("the strip's post still gets a balanced grid, and every post keeps its grid")
    func postInStripBalanced() throws {
        let (graph, index) = try PostStripTests.strip()
        let centres = PostStripTests.posts(index)
        var problem = PartitionProblem(
            graph: graph, gridsPerJurisdiction: [PostStripTests.grids], toleranceFraction: 0.05, seed: 1)
        problem.centerUnits = centres
        // Iteration budgets, not the clock, end the search: a loaded machine must not cut it short.
        problem.timeLimitSeconds = 600
        let result = try Partitioner.solve(problem)
        for (g, c) in centres.enumerated() { #expect(result.assignment[Int(c)] == Int32(g)) }
        #expect(result.maxAbsDeviation <= 0.05, "\(result.notes)")
        #expect(result.exclaveParts.allSatisfy { $0 == 0 })
        #expect(result.assignment == (try Partitioner.solve(problem).assignment), "deterministic")
    }
}
