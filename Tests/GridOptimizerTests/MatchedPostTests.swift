import Testing
@testable import GridOptimizer

/// The third start with posts: grids drawn as without posts, each given the post it holds.
@Suite("Posts matched to grids drawn without them")
struct MatchedPostTests {
    /// A 12 × 12 square lattice as one jurisdiction's work graph.
    static func lattice() throws -> WorkGraph {
        let graph = try TestGraphs.squares(rows: 12, columns: 12)
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        return WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
    }

    @Test("posts one in each grid keep the grids as drawn: only the labels change, grid g holds post g")
    func onePostPerGrid() throws {
        let graph = try Self.lattice()
        // Two halves: columns 0–5 grid 0, columns 6–11 grid 1.
        let free = (0..<144).map { Int32($0 % 12 < 6 ? 0 : 1) }
        // Post 0 in the right half, post 1 in the left half, both at the halves' edges.
        let posts: [Int32] = [6 * 12 + 11, 0]
        let relabelled = MatchedPostStart(graph: graph, centres: posts).relabel(free)
        #expect(relabelled == free.map { 1 - $0 })
        for (g, post) in posts.enumerated() { #expect(relabelled[Int(post)] == Int32(g)) }
    }

    @Test("two posts in one grid: the other grid takes the nearer post and its post unit moves into it")
    func twoPostsInOneGrid() throws {
        let graph = try Self.lattice()
        let free = (0..<144).map { Int32($0 % 12 < 6 ? 0 : 1) }
        // Both posts in the left half; post 1 stands at its right edge, next to the right half.
        let posts: [Int32] = [5 * 12 + 0, 5 * 12 + 5]
        let relabelled = MatchedPostStart(graph: graph, centres: posts).relabel(free)
        // Post 0 keeps the left half (distance 0 wins first); post 1 gets the right half and its unit.
        #expect(relabelled[0] == 0 && relabelled[11] == 1)
        #expect(relabelled[Int(posts[1])] == 1)
        #expect(relabelled.filter { $0 == 1 }.count == 73)
    }

    @Test("a grid without a post takes its neighbour's post, each grid between shifting one over, not a far post")
    func matchingShiftsAlongTheChain() throws {
        let graph = try Self.lattice()
        // Three strips of four columns; strip 0 holds posts 0 and 1 (at its right edge), strip 1
        // post 2 (at its right edge), strip 2 none.
        let free = (0..<144).map { Int32(($0 % 12) / 4) }
        let posts: [Int32] = [5 * 12 + 0, 5 * 12 + 3, 5 * 12 + 7]
        // Least total squared distance: post 1 steps into strip 1, post 2 into strip 2 (1 + 1
        // column²); nearest pair first would hand strip 2 post 1 from five columns away (25).
        #expect(MatchedPostStart(graph: graph, centres: posts).match(free) == [0, 1, 2])
    }

    @Test("the least-cost assignment finds the optimum a row-by-row choice misses")
    func leastCostAssignment() {
        // Row 0 would take column 0 (cost 1) and force row 1 into column 1 (cost 100); the optimum is 2 + 3.
        let cost: [Double] = [1, 2, 9, 3, 100, 9, 9, 9, 0]
        #expect(MatchedPostStart.leastCostAssignment(cost: cost, size: 3) == [1, 0, 2])
        #expect(MatchedPostStart.leastCostAssignment(cost: [], size: 0).isEmpty)
    }

    @Test("with posts (three starts) every grid is contiguous, holds its own post and is within the tolerance")
    func solveWithPosts() throws {
        let graph = try TestGraphs.squares(rows: 20, columns: 20)
        // Four posts near the corners of the four quadrants a plan without posts would draw.
        let posts: [Int32] = [1 * 20 + 1, 1 * 20 + 18, 18 * 20 + 1, 18 * 20 + 18]
        var problem = PartitionProblem(graph: graph, gridsPerJurisdiction: [4], toleranceFraction: 0.05, seed: 3)
        problem.centerUnits = posts
        let result = try Partitioner.solve(problem)
        #expect(TestGraphs.contiguousGridCount(graph, result) == 4)
        for (g, post) in posts.enumerated() { #expect(result.assignment[Int(post)] == Int32(g)) }
        #expect(result.maxAbsDeviation <= 0.05 + 1e-9)
    }
}
