/// The units that have a neighbour in another grid, with O(1) insert, remove and uniform random
/// pick (`SparseSet`).
struct BoundarySet: Sendable {
    private var store: SparseSet

    /// The boundary units, in no meaningful order (changes are deterministic).
    var units: [Int32] { store.members }

    /// The boundary of `partition`.
    /// - Complexity: O(n + m).
    init(_ partition: Partition) {
        store = SparseSet(capacity: partition.graph.unitCount)
        for u in 0..<partition.graph.unitCount where BoundarySet.isBoundary(u, partition) { store.insert(u) }
    }

    /// Whether `u` has a neighbour in another grid.
    @inline(__always)
    static func isBoundary(_ u: Int, _ partition: Partition) -> Bool {
        let g = partition.assignment[u]
        for e in Int(partition.graph.offsets[u])..<Int(partition.graph.offsets[u + 1])
        where partition.assignment[Int(partition.graph.neighbors[e])] != g {
            return true
        }
        return false
    }

    /// Whether `u` is a boundary unit.
    @inline(__always)
    func contains(_ u: Int) -> Bool { store.contains(u) }

    /// A uniformly random boundary unit, or nil when there is none.
    @inline(__always)
    func randomUnit(_ rng: inout SplitMix64) -> Int? { store.randomMember(&rng) }

    /// Refreshes `u` and its neighbours after `u` moved.
    /// - Complexity: O(degree(u) · max degree).
    mutating func update(around u: Int, _ partition: Partition) {
        refresh(u, partition)
        for e in Int(partition.graph.offsets[u])..<Int(partition.graph.offsets[u + 1]) {
            refresh(Int(partition.graph.neighbors[e]), partition)
        }
    }

    @inline(__always)
    private mutating func refresh(_ u: Int, _ partition: Partition) {
        if BoundarySet.isBoundary(u, partition) { store.insert(u) } else { store.remove(u) }
    }
}
