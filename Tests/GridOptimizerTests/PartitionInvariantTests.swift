import Testing
@testable import GridOptimizer

@Suite("Partition: tallies and contiguity hold after every move")
struct PartitionInvariantTests {
    /// The whole of a small graph as one work graph.
    func work(_ graph: UnitGraph) -> WorkGraph {
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        return WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
    }

    @Test("invariants hold after every accepted move of the whole search on small graphs")
    func invariantsAfterEveryMove() throws {
        for seed in UInt64(0)..<4 {
            let graph = try TestGraphs.hexagons(
                rows: 9, columns: 11, holes: [(4, 5, 1)], islands: [(0, 20, 2, 3)],
                weights: .random(seed: seed, low: 0, high: 3))
            let solver = JurisdictionSolver(
                graph: work(graph), gridCount: 4, tolerance: 0.1, centres: nil, previous: nil, warmStart: nil,
                proposalsPerUnit: 40, deadline: .now + .seconds(60))
            var moves = 0
            var failures: [String] = []
            _ = solver.solve(start: Int(seed), seed: seed) { partition in
                moves += 1
                do { try partition.checkInvariants() } catch { failures.append("\(error)") }
            }
            #expect(moves > 10)
            #expect(failures.isEmpty, "\(failures.prefix(3))")
        }
    }

    /// Whether u's neighbours in its grid all lie in one connected part of the grid without u,
    /// searched over the whole grid (what `canRemove` must answer, however it finds out).
    static func neighboursStayJoined(_ p: Partition, _ u: Int) -> Bool {
        let g = p.assignment[u]
        let graph = p.graph
        let same = (Int(graph.offsets[u])..<Int(graph.offsets[u + 1])).map { Int(graph.neighbors[$0]) }
            .filter { p.assignment[$0] == g }
        guard let first = same.first else { return false }
        var seen = Set([u, first])
        var queue = [first]
        while let w = queue.popLast() {
            for e in Int(graph.offsets[w])..<Int(graph.offsets[w + 1]) {
                let v = Int(graph.neighbors[e])
                if p.assignment[v] == g, seen.insert(v).inserted { queue.append(v) }
            }
        }
        return same.allSatisfy { seen.contains($0) }
    }

    @Test("canRemove's local answer agrees with a search of the whole grid, pinches and holes included", arguments: [UInt64(1), 2, 3])
    func removableAsSearched(seed: UInt64) throws {
        let graph = try TestGraphs.hexagons(
            rows: 14, columns: 16, holes: [(6, 7, 1)], islands: [], weights: .random(seed: seed, low: 0.5, high: 2))
        let w = work(graph)
        var rng = TestRandom(seed)
        // Ragged grids: a power diagram with every fifth unit thrown into a random grid, so that grids
        // pinch, wrap round holes and fall apart.
        var assignment = PowerDiagramStart(graph: w, gridCount: 6).run(axis: (1, 0))
        for u in 0..<w.unitCount where rng.index(5) == 0 { assignment[u] = Int32(rng.index(6)) }
        var partition = Partition(graph: w, gridCount: 6, assignment: assignment)
        var local = 0
        for u in 0..<w.unitCount {
            let g = Int(partition.assignment[u])
            let solidOnly = partition.solidCount[g] == 1 && partition.unitCount[g] > 1 && !partition.isLight[u]
            let expected = !solidOnly && Self.neighboursStayJoined(partition, u)
            #expect(partition.canRemove(u) == expected, "unit \(u)")
            if expected { local += 1 }
        }
        #expect(local > 50)
        #expect(local < w.unitCount - 20, "some units pinch their grid")
    }

    @Test("a unit whose removal would split its grid is not removable; a leaf is")
    func removability() throws {
        // 1 × 5 strip of squares: 0-1-2-3-4, all in grid 0 except unit 4.
        let graph = try TestGraphs.squares(rows: 1, columns: 5)
        var partition = Partition(graph: work(graph), gridCount: 2, assignment: [0, 0, 0, 0, 1])
        let removable = (0..<5).map { partition.canRemove($0) }
        #expect(removable == [true, false, false, true, false], "a grid's only unit (4) stays")
        partition.move(3, to: 1)
        try partition.checkInvariants()
        #expect(partition.weight == [3, 2])
        #expect(partition.perimeter == [800, 600])
    }

    @Test("random legal moves on random graphs keep every tally equal to a recomputation")
    func randomMovesKeepTallies() throws {
        var rng = TestRandom(77)
        for trial in 0..<5 {
            let graph = try TestGraphs.hexagons(
                rows: 6 + rng.index(6), columns: 6 + rng.index(6), weights: .random(seed: UInt64(trial), low: 0, high: 2))
            let w = work(graph)
            let start = PowerDiagramStart(graph: w, gridCount: 3).run(axis: (1, 0))
            var partition = Partition(graph: w, gridCount: 3, assignment: start)
            partition.repairContiguity()
            try partition.checkInvariants()
            for _ in 0..<300 {
                let u = rng.index(w.unitCount)
                let lo = Int(w.offsets[u])
                let hi = Int(w.offsets[u + 1])
                guard hi > lo else { continue }
                let h = partition.assignment[Int(w.neighbors[lo + rng.index(hi - lo)])]
                guard h != partition.assignment[u], partition.canRemove(u) else { continue }
                partition.move(u, to: h)
                try partition.checkInvariants()
            }
        }
    }

    @Test("journalled moves undone in reverse give back the assignment, tallies and connected grids")
    func journalUndo() throws {
        var rng = TestRandom(5)
        let graph = try TestGraphs.hexagons(rows: 9, columns: 9, weights: .random(seed: 3, low: 0, high: 2))
        let w = work(graph)
        let start = PowerDiagramStart(graph: w, gridCount: 4).run(axis: (1, 0))
        var partition = Partition(graph: w, gridCount: 4, assignment: start)
        partition.repairContiguity()
        let mean = w.weight.reduce(0, +) / 4
        var search = LocalSearch(
            partition: partition, mean: mean, band: 0.5, previous: nil, seed: 1, deadline: .now + .seconds(60))
        // Ten moves before the mark stay; the moves after it are undone.
        search.journal = []
        var kept: [Int32] = []
        var moved = 0
        while moved < 60 {
            let u = rng.index(w.unitCount)
            let lo = Int(w.offsets[u])
            let h = search.partition.assignment[Int(w.neighbors[lo + rng.index(Int(w.offsets[u + 1]) - lo)])]
            guard h != search.partition.assignment[u], search.partition.canRemove(u) else { continue }
            search.apply(u, to: h)
            moved += 1
            if moved == 10 { kept = search.partition.assignment }
        }
        #expect(search.journal?.count == 60)
        var failures: [String] = []
        search.onMove = { p in
            do { try p.checkInvariants() } catch { failures.append("\(error)") }
        }
        search.undo(to: 10)
        #expect(search.journal?.count == 10)
        #expect(search.partition.assignment == kept)
        #expect(kept != start)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        try search.partition.checkInvariants()
    }

    @Test("repair hands minor parts to the grid sharing most boundary and leaves every grid connected")
    func repairMakesGridsConnected() throws {
        let graph = try TestGraphs.squares(rows: 4, columns: 4)
        // Grid 0 has a stray unit (15) in the far corner surrounded by grid 1.
        var assignment = [Int32](repeating: 1, count: 16)
        for u in [0, 1, 4, 5, 15] { assignment[u] = 0 }
        var partition = Partition(graph: work(graph), gridCount: 2, assignment: assignment)
        #expect(throws: PartitionInvariantViolation.self) { try partition.checkInvariants() }
        let moved = partition.repairContiguity()
        #expect(moved == 1)
        #expect(partition.assignment[15] == 1)
        try partition.checkInvariants()
    }

    @Test("repair joins a post cut off from its grid to the grid along the shortest chain instead of keeping the post alone")
    func repairJoinsCutOffPost() throws {
        let graph = try TestGraphs.squares(rows: 12, columns: 12)
        // Grid 0 is the left half, grid 1 the right half; grid 0's post (row 5, column 8) stands
        // two columns inside the right half, grid 1's post at its far edge.
        var assignment = (0..<144).map { Int32($0 % 12 < 6 ? 0 : 1) }
        let posts: [Int32] = [5 * 12 + 8, 5 * 12 + 11]
        assignment[Int(posts[0])] = 0
        var partition = Partition(graph: work(graph), gridCount: 2, assignment: assignment, centre: posts)
        let moved = partition.repairContiguity()
        // The chain: columns 6 and 7 of row 5. Keeping the post's part alone would move 72 units.
        #expect(moved == 2)
        #expect(partition.unitCount[0] == 72 + 1 + 2)
        #expect(partition.assignment[Int(posts[0])] == 0 && partition.assignment[Int(posts[1])] == 1)
        try partition.checkInvariants()
    }
}
