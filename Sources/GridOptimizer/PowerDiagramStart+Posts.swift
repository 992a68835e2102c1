extension PowerDiagramStart {
    /// Power diagram around fixed posts: centres start at the posts and move, between rounds of
    /// weight balancing, halfway between their post and their cell's area centroid, so that cells
    /// round out while every post stays well inside its cell (sample county, 40 posts in a corner
    /// hexagon of each grid of a plan without posts: centres at the midpoint 0.454 mean PP after the
    /// search, at 70 % / 85 % / 100 % of the way to the centroid 0.438 / 0.435 / 0.433; fixed at the
    /// posts 0.419; growth alone 0.382). `Tuning.postDiagramRounds` centre moves, each after
    /// `Tuning.postDiagramBalanceRounds` rounds of balancing.
    /// - Complexity: O(outer · rounds · n · candidateCount + outer · K²).
    func aroundPosts(_ posts: [Int32], initial: [Int32]) -> [Int32] {
        let outerIterations = Tuning.postDiagramRounds
        var assignment = initial
        guard gridCount > 1, graph.unitCount > gridCount else { return assignment }
        let px = posts.map { graph.x[Int($0)] }
        let py = posts.map { graph.y[Int($0)] }
        var diagram = Diagram(cx: px, cy: py, alpha: [Double](repeating: 0, count: gridCount))
        for outer in 0..<outerIterations {
            balanceCells(&assignment, &diagram, rounds: Tuning.postDiagramBalanceRounds)
            if outer == outerIterations - 1 { break }
            areaCentroids(assignment, &diagram.cx, &diagram.cy)
            for g in 0..<gridCount {
                diagram.cx[g] = 0.5 * (diagram.cx[g] + px[g])
                diagram.cy[g] = 0.5 * (diagram.cy[g] + py[g])
            }
        }
        return finish(assignment, cx: diagram.cx, cy: diagram.cy)
    }

    /// The cells of `diagram` (drawn without posts, cell g matched to post g) redrawn so that each
    /// holds its post: centres follow their cells' area centroids as without posts, and only a cell
    /// that does not hold its post (`postsHeld`) has its centre pulled towards the post, by
    /// `Tuning.postPullStep` more of the way each round, at most `Tuning.postPullCap` of it.
    ///
    /// A post may stand anywhere in its grid; pulling every centre to its post (`aroundPosts`) bends
    /// the grids of posts at their edges into crescents. Pulling further than halfway made the
    /// weight balancing swing: two pulled centres a few units apart move the line between their
    /// cells by a whole cell for a small change of weight (sample county, pulled up to the post:
    /// a cell of 5 at −95 % after 20 rounds). The posts still outside are joined by the repair
    /// (`Partition.joinCentres`). `Tuning.postDiagramRounds` centre moves, each after
    /// `Tuning.postDiagramBalanceRounds` rounds of balancing.
    /// - Complexity: O(outer · (rounds · n · candidateCount + m) + outer · K²).
    func holdingPosts(_ posts: [Int32], diagram start: Diagram, initial: [Int32]) -> [Int32] {
        let outerIterations = Tuning.postDiagramRounds
        var assignment = initial
        guard gridCount > 1, graph.unitCount > gridCount else { return assignment }
        let px = posts.map { graph.x[Int($0)] }
        let py = posts.map { graph.y[Int($0)] }
        var diagram = start
        var pull = [Double](repeating: 0, count: gridCount)
        for outer in 0..<outerIterations {
            balanceCells(&assignment, &diagram, rounds: Tuning.postDiagramBalanceRounds)
            if outer == outerIterations - 1 { break }
            areaCentroids(assignment, &diagram.cx, &diagram.cy)
            let held = postsHeld(assignment, posts)
            for g in 0..<gridCount {
                if !held[g] { pull[g] = min(Tuning.postPullCap, pull[g] + Tuning.postPullStep) }
                diagram.cx[g] += pull[g] * (px[g] - diagram.cx[g])
                diagram.cy[g] += pull[g] * (py[g] - diagram.cy[g])
            }
        }
        return finish(assignment, cx: diagram.cx, cy: diagram.cy)
    }

    /// Per grid: whether post g lies in cell g, in the part of the cell connected to it that holds
    /// at least half of the cell's weight (of its area when the cell carries no weight).
    /// - Complexity: O(n + m).
    func postsHeld(_ assignment: [Int32], _ posts: [Int32]) -> [Bool] {
        var weight = [Double](repeating: 0, count: gridCount)
        var area = [Double](repeating: 0, count: gridCount)
        for u in 0..<graph.unitCount {
            weight[Int(assignment[u])] += graph.weight[u]
            area[Int(assignment[u])] += graph.area[u]
        }
        var seen = [Bool](repeating: false, count: graph.unitCount)
        var queue: [Int32] = []
        var held = [Bool](repeating: false, count: gridCount)
        for (g, post) in posts.enumerated() where assignment[Int(post)] == Int32(g) {
            // The post's part of its cell, breadth first (links count as adjacency).
            var partWeight = 0.0
            var partArea = 0.0
            seen[Int(post)] = true
            queue.removeAll(keepingCapacity: true)
            queue.append(post)
            graph.flood(&queue) { _, v in
                guard !seen[v], assignment[v] == Int32(g) else { return false }
                seen[v] = true
                return true
            }
            for u in queue {
                partWeight += graph.weight[Int(u)]
                partArea += graph.area[Int(u)]
            }
            held[g] = weight[g] > 0 ? 2 * partWeight >= weight[g] : 2 * partArea >= area[g]
        }
        return held
    }
}
