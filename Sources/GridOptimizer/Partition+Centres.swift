extension Partition {
    /// Joins every fixed centre cut off from its grid's main part (the part with most units outside
    /// light land, then the largest) to that part along the shortest chain of units (fewest units,
    /// never through another grid's centre), moving the chain into the grid.
    ///
    /// Without it the repair keeps the centre's part and hands the rest of the grid away: a post a
    /// few units outside the grid a start drew for it left that grid as the post alone.
    /// - Returns: the number of units that changed grid.
    /// - Complexity: O(n + m) per grid joined.
    mutating func joinCentres(part: [Int32], main: [Int32]) -> Int {
        var moved = 0
        var parent = [Int32](repeating: -1, count: graph.unitCount)
        for g in 0..<gridCount where centre[g] >= 0 {
            let c = Int(centre[g])
            let gi = Int32(g)
            guard main[g] >= 0, assignment[c] == gi, part[c] != main[g] else { continue }
            let (_, visited) = freshStamps()
            stamp[c] = visited
            queue.removeAll(keepingCapacity: true)
            queue.append(Int32(c))
            var head = 0
            var reached = -1
            search: while head < queue.count {
                let u = Int(queue[head])
                head += 1
                for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                    let v = Int(graph.neighbors[e])
                    guard stamp[v] != visited, !isCentre[v] else { continue }
                    stamp[v] = visited
                    parent[v] = Int32(u)
                    if assignment[v] == gi && part[v] == main[g] {
                        reached = v
                        break search
                    }
                    queue.append(Int32(v))
                }
            }
            guard reached >= 0 else { continue }
            var u = Int(parent[reached])
            while u != c {
                if assignment[u] != gi {
                    move(u, to: gi)
                    moved += 1
                }
                u = Int(parent[u])
            }
        }
        return moved
    }
}
