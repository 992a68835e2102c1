/// The adjacency entries (CSR indices, each pair seen from both of its units) whose two units lie in
/// different grids, as an array with O(1) insert, remove and uniform random pick.
///
/// A uniformly random entry u→v proposes that u join v's grid with probability proportional to
/// how many of u's neighbours lie there: a unit jutting into another grid is proposed far more
/// often than one on a straight edge, whose move would only dent it. That is the distribution of
/// the flat annealing's pick (a boundary unit, then any neighbour, proposals inside a grid
/// discarded), without the discarded draws.
struct CutEdgeSet: Sendable {
    /// The cut entries, in no meaningful order (changes are deterministic).
    private(set) var entries: [Int32] = []
    /// Position of each CSR entry in `entries`, or -1.
    private var position: [Int32]
    /// Per CSR entry: the unit whose row holds it.
    let source: [Int32]
    /// Per CSR entry: the entry of the same pair in the other unit's row (-1 when that row lacks it).
    private let reverse: [Int32]

    /// The cut entries of `partition`.
    /// - Complexity: O(m · max degree).
    init(_ partition: Partition) {
        let graph = partition.graph
        let n = graph.unitCount
        let m = graph.neighbors.count
        var source = [Int32](repeating: 0, count: m)
        var reverse = [Int32](repeating: -1, count: m)
        for u in 0..<n {
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                source[e] = Int32(u)
                let v = Int(graph.neighbors[e])
                for r in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) where Int(graph.neighbors[r]) == u {
                    reverse[e] = Int32(r)
                    break
                }
            }
        }
        self.source = source
        self.reverse = reverse
        position = [Int32](repeating: -1, count: m)
        for e in 0..<m where partition.assignment[Int(source[e])] != partition.assignment[Int(graph.neighbors[e])] {
            insert(e)
        }
    }

    /// Number of cut entries (twice the cut pairs).
    var count: Int { entries.count }

    /// A uniformly random cut entry, or nil when every unit is in one grid.
    @inline(__always)
    func randomEntry(_ rng: inout SplitMix64) -> Int? {
        entries.isEmpty ? nil : Int(entries[rng.nextIndex(entries.count)])
    }

    /// Whether CSR entry `e` is cut.
    func contains(_ e: Int) -> Bool { position[e] >= 0 }

    @inline(__always)
    private mutating func insert(_ e: Int) {
        guard position[e] < 0 else { return }
        position[e] = Int32(entries.count)
        entries.append(Int32(e))
    }

    @inline(__always)
    private mutating func remove(_ e: Int) {
        let p = Int(position[e])
        guard p >= 0 else { return }
        let last = entries[entries.count - 1]
        entries[p] = last
        position[Int(last)] = Int32(p)
        entries.removeLast()
        position[e] = -1
    }

    /// Updates the entries of `u`'s pairs after `u` moved from grid `g` alone (its neighbours did not
    /// move): only pairs with a neighbour in g (now cut) or in u's new grid (no longer cut) change.
    /// - Complexity: O(degree(u)).
    mutating func moved(_ u: Int, from g: Int32, _ partition: Partition) {
        let h = partition.assignment[u]
        guard h != g else { return }
        for e in Int(partition.graph.offsets[u])..<Int(partition.graph.offsets[u + 1]) {
            let a = partition.assignment[Int(partition.graph.neighbors[e])]
            let r = Int(reverse[e])
            if a == g {
                insert(e)
                if r >= 0 { insert(r) }
            } else if a == h {
                remove(e)
                if r >= 0 { remove(r) }
            }
        }
    }

    /// Refreshes the entries of `u`'s pairs after `u` moved.
    /// - Complexity: O(degree(u)).
    mutating func update(around u: Int, _ partition: Partition) {
        let g = partition.assignment[u]
        for e in Int(partition.graph.offsets[u])..<Int(partition.graph.offsets[u + 1]) {
            let cut = partition.assignment[Int(partition.graph.neighbors[e])] != g
            let r = Int(reverse[e])
            if cut {
                insert(e)
                if r >= 0 { insert(r) }
            } else {
                remove(e)
                if r >= 0 { remove(r) }
            }
        }
    }
}
