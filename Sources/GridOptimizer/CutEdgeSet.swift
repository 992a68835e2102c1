/// The adjacency entries (CSR indices, each pair seen from both of its units) whose two units lie in
/// different grids, with O(1) insert, remove and uniform random pick (`SparseSet`).
///
/// A uniformly random entry u→v proposes that u join v's grid with probability proportional to
/// how many of u's neighbours lie there: a unit jutting into another grid is proposed far more
/// often than one on a straight edge, whose move would only dent it. That is the distribution of
/// the flat annealing's pick (a boundary unit, then any neighbour, proposals inside a grid
/// discarded), without the discarded draws.
struct CutEdgeSet: Sendable {
    private var store: SparseSet
    /// The cut entries, in no meaningful order (changes are deterministic).
    var entries: [Int32] { store.members }
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
        store = SparseSet(capacity: m)
        for e in 0..<m where partition.assignment[Int(source[e])] != partition.assignment[Int(graph.neighbors[e])] {
            store.insert(e)
        }
    }

    /// Number of cut entries (twice the cut pairs).
    var count: Int { store.count }

    /// A uniformly random cut entry, or nil when every unit is in one grid.
    @inline(__always)
    func randomEntry(_ rng: inout SplitMix64) -> Int? { store.randomMember(&rng) }

    /// Marks entry `e` and its reverse as cut or not.
    @inline(__always)
    private mutating func mark(_ e: Int, cut: Bool) {
        let r = Int(reverse[e])
        if cut {
            store.insert(e)
            if r >= 0 { store.insert(r) }
        } else {
            store.remove(e)
            if r >= 0 { store.remove(r) }
        }
    }

    /// Updates the entries of `u`'s pairs after `u` moved from grid `g` alone (its neighbours did not
    /// move): only pairs with a neighbour in g (now cut) or in u's new grid (no longer cut) change.
    /// - Complexity: O(degree(u)).
    mutating func moved(_ u: Int, from g: Int32, _ partition: Partition) {
        let h = partition.assignment[u]
        guard h != g else { return }
        for e in Int(partition.graph.offsets[u])..<Int(partition.graph.offsets[u + 1]) {
            let a = partition.assignment[Int(partition.graph.neighbors[e])]
            if a == g {
                mark(e, cut: true)
            } else if a == h {
                mark(e, cut: false)
            }
        }
    }

    /// Refreshes the entries of `u`'s pairs after `u` moved.
    /// - Complexity: O(degree(u)).
    mutating func update(around u: Int, _ partition: Partition) {
        let g = partition.assignment[u]
        for e in Int(partition.graph.offsets[u])..<Int(partition.graph.offsets[u + 1]) {
            mark(e, cut: partition.assignment[Int(partition.graph.neighbors[e])] != g)
        }
    }
}
