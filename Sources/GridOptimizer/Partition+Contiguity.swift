extension Partition {
    /// A fresh pair of stamps (target, visited) for a search, resetting on wrap-around.
    @inline(__always)
    mutating func freshStamps() -> (UInt32, UInt32) {
        if stampValue >= UInt32.max - 4 {
            for i in stamp.indices { stamp[i] = 0 }
            stampValue = 0
        }
        stampValue += 2
        return (stampValue - 1, stampValue)
    }

    /// Whether unit `u` can leave its grid without splitting it (links count as adjacency).
    ///
    /// Three tiers: a unit with one same-grid neighbour is always removable; one whose same-grid
    /// neighbours are joined to one another (`neighboursJoined`) is too; otherwise a breadth-first
    /// search from one same-grid neighbour, inside the grid and around `u`, must reach all the others
    /// within `cap` visited units. A cap hit answers "not removable" (safe, never wrong).
    /// A grid's only unit is never removable, nor the last unit outside light land of a grid that
    /// holds light land too (the grid would be that land alone, too light to be a grid).
    /// - Complexity: O(cap · degree) worst case, O(degree²) typically.
    mutating func canRemove(_ u: Int, cap: Int = 4096) -> Bool {
        let g = assignment[u]
        if !isLight[u], solidCount[Int(g)] == 1, unitCount[Int(g)] > 1 { return false }
        let lo = Int(graph.offsets[u])
        let hi = Int(graph.offsets[u + 1])
        var same = 0
        var first = -1
        // The first 8 neighbours in g, for the local answer.
        var members = InlineArray<8, Int32>(repeating: -1)
        for e in lo..<hi where assignment[Int(graph.neighbors[e])] == g {
            if same < 8 { members[same] = graph.neighbors[e] }
            same += 1
            if first < 0 { first = Int(graph.neighbors[e]) }
        }
        if same == 0 { return false }
        if same == 1 || (same <= 8 && neighboursJoined(members, count: same)) { return true }
        let (target, visited) = freshStamps()
        for e in lo..<hi {
            let v = Int(graph.neighbors[e])
            if assignment[v] == g { stamp[v] = target }
        }
        stamp[u] = visited
        stamp[first] = visited
        var remaining = same - 1
        queue.removeAll(keepingCapacity: true)
        queue.append(Int32(first))
        var head = 0
        while head < queue.count {
            let w = Int(queue[head])
            head += 1
            if head > cap { return false }
            for e in Int(graph.offsets[w])..<Int(graph.offsets[w + 1]) {
                let v = Int(graph.neighbors[e])
                guard assignment[v] == g else { continue }
                let s = stamp[v]
                if s == visited { continue }
                if s == target {
                    remaining -= 1
                    if remaining == 0 { return true }
                }
                stamp[v] = visited
                queue.append(Int32(v))
            }
        }
        return false
    }

    /// Whether `count` (at most 8) neighbours of a unit in one grid, `members`, are joined to one
    /// another by edges among themselves: then every path through the unit can go round it, and the
    /// grid stays connected without it. A local answer for most boundary units (an edge unit of a
    /// hexagon grid has its neighbours in its grid in one run).
    /// - Complexity: O(count² · degree).
    @inline(__always)
    private func neighboursJoined(_ members: InlineArray<8, Int32>, count: Int) -> Bool {
        var root = InlineArray<8, Int8>(repeating: 0)
        for i in 0..<count { root[i] = Int8(i) }
        // Union-find over at most 8 members (roots are found by walking up).
        var parts = count
        for i in 0..<count {
            let a = Int(members[i])
            for e in Int(graph.offsets[a])..<Int(graph.offsets[a + 1]) {
                let b = graph.neighbors[e]
                var j = i + 1
                while j < count, members[j] != b { j += 1 }
                guard j < count else { continue }
                var ri = Int(root[i])
                while Int(root[ri]) != ri { ri = Int(root[ri]) }
                var rj = Int(root[j])
                while Int(root[rj]) != rj { rj = Int(root[rj]) }
                if ri != rj {
                    root[max(ri, rj)] = Int8(min(ri, rj))
                    parts -= 1
                    if parts == 1 { return true }
                }
            }
        }
        return parts == 1
    }

    /// Connected parts of every grid (links count as adjacency): a part label per unit and the
    /// grid of each part, parts numbered in order of their lowest unit.
    /// - Complexity: O(n + m).
    func gridParts() -> (part: [Int32], partGrid: [Int32], partSize: [Int32]) {
        let n = graph.unitCount
        var part = [Int32](repeating: -1, count: n)
        var partGrid: [Int32] = []
        var partSize: [Int32] = []
        var stack: [Int32] = []
        for s in 0..<n where part[s] < 0 {
            let label = Int32(partGrid.count)
            let g = assignment[s]
            partGrid.append(g)
            var size: Int32 = 1
            part[s] = label
            stack.append(Int32(s))
            while let w = stack.popLast() {
                for e in Int(graph.offsets[Int(w)])..<Int(graph.offsets[Int(w) + 1]) {
                    let v = Int(graph.neighbors[e])
                    if part[v] < 0, assignment[v] == g {
                        part[v] = label
                        size += 1
                        stack.append(Int32(v))
                    }
                }
            }
            partSize.append(size)
        }
        return (part, partGrid, partSize)
    }

    /// Makes every grid connected: keeps each grid's main part (the one with most units outside
    /// light land, then the largest; a centre cut off from it is first joined to it along the
    /// shortest chain of units, `joinCentres`, and failing that the centre's part is the main part)
    /// and hands every other part to the neighbouring grid whose main part shares the most boundary
    /// with it (ties: more edges, then the lower grid index).
    /// - Returns: the number of units that changed grid.
    /// - Complexity: O((n + m) · rounds); rounds is small (parts touching only minor parts wait).
    @discardableResult
    mutating func repairContiguity() -> Int {
        var moved = 0
        for round in 0..<(graph.unitCount + 1) {
            let (part, partGrid, partSize) = gridParts()
            let partCount = partGrid.count
            if partCount == gridCount { break }
            var main = mainParts(part: part, partGrid: partGrid, partSize: partSize)
            // A centre cut off from its grid's main part is joined to it (in the first rounds; a
            // join may cut another grid, which the next round repairs); after that the centre's
            // part is kept, whatever its size.
            if round < Tuning.centreJoinRounds {
                let joined = joinCentres(part: part, main: main)
                moved += joined
                if joined > 0 { continue }
            }
            for g in 0..<gridCount where centre[g] >= 0 {
                main[g] = part[Int(centre[g])]
            }
            var isMain = [Bool](repeating: false, count: partCount)
            for p in main where p >= 0 { isMain[Int(p)] = true }
            // Boundary between each minor part and neighbouring main parts, accumulated per
            // (part, grid) in a flat list, then reduced.
            var bestGrid = [Int32](repeating: -1, count: partCount)
            var bestLength = [Double](repeating: -1, count: partCount)
            var bestEdges = [Int](repeating: 0, count: partCount)
            var members: [[Int32]] = Array(repeating: [], count: partCount)
            for u in 0..<graph.unitCount where !isMain[Int(part[u])] {
                members[Int(part[u])].append(Int32(u))
            }
            var lengthTo = [Double](repeating: 0, count: gridCount)
            var edgesTo = [Int](repeating: 0, count: gridCount)
            var touched: [Int32] = []
            var anyMoved = false
            for p in 0..<partCount where !isMain[p] {
                touched.removeAll(keepingCapacity: true)
                for u in members[p] {
                    for e in Int(graph.offsets[Int(u)])..<Int(graph.offsets[Int(u) + 1]) {
                        let v = Int(graph.neighbors[e])
                        guard isMain[Int(part[v])] else { continue }
                        let h = assignment[v]
                        if edgesTo[Int(h)] == 0 { touched.append(h) }
                        edgesTo[Int(h)] += 1
                        lengthTo[Int(h)] += graph.sharedLength[e]
                    }
                }
                for h in touched {
                    let hi = Int(h)
                    let better =
                        lengthTo[hi] > bestLength[p]
                        || (lengthTo[hi] == bestLength[p]
                            && (edgesTo[hi] > bestEdges[p] || (edgesTo[hi] == bestEdges[p] && h < bestGrid[p])))
                    if bestGrid[p] < 0 || better {
                        bestGrid[p] = h
                        bestLength[p] = lengthTo[hi]
                        bestEdges[p] = edgesTo[hi]
                    }
                }
                for h in touched {
                    lengthTo[Int(h)] = 0
                    edgesTo[Int(h)] = 0
                }
                guard bestGrid[p] >= 0 else { continue }
                for u in members[p] {
                    move(Int(u), to: bestGrid[p])
                    moved += 1
                }
                anyMoved = true
            }
            if !anyMoved { break }
        }
        return moved
    }

    /// The main part of every grid (-1 for an empty grid): the one with most units outside light
    /// land, then the largest, so that a grid never keeps light land alone.
    /// - Complexity: O(n + parts).
    func mainParts(part: [Int32], partGrid: [Int32], partSize: [Int32]) -> [Int32] {
        var partSolid = [Int32](repeating: 0, count: partGrid.count)
        for u in 0..<graph.unitCount where !isLight[u] { partSolid[Int(part[u])] += 1 }
        var main = [Int32](repeating: -1, count: gridCount)
        for p in 0..<partGrid.count {
            let g = Int(partGrid[p])
            let m = Int(main[g])
            if m < 0 || partSolid[p] > partSolid[m] || (partSolid[p] == partSolid[m] && partSize[p] > partSize[m]) {
                main[g] = Int32(p)
            }
        }
        return main
    }

    /// Whether grid `g` is one connected part (links count as adjacency), searched from unit `start` of
    /// `g`, or from its lowest unit when `start` is nil. An empty grid is not connected.
    /// - Complexity: O(n) to find a start, then O(size of g · degree).
    mutating func isConnected(grid g: Int32, from start: Int? = nil) -> Bool {
        guard let s = start ?? assignment.firstIndex(of: g), assignment[s] == g else { return false }
        let (_, visited) = freshStamps()
        stamp[s] = visited
        queue.removeAll(keepingCapacity: true)
        queue.append(Int32(s))
        graph.flood(&queue) { _, v in
            guard assignment[v] == g, stamp[v] != visited else { return false }
            stamp[v] = visited
            return true
        }
        return queue.count == Int(unitCount[Int(g)])
    }
}
