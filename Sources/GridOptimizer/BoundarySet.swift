/// The units that have a neighbour in another grid, as an array with O(1) insert, remove and
/// uniform random pick.
struct BoundarySet: Sendable {
    /// The boundary units, in no meaningful order (changes are deterministic).
    private(set) var units: [Int32] = []
    /// Position of each unit in `units`, or -1.
    private var position: [Int32]

    /// The boundary of `partition`.
    /// - Complexity: O(n + m).
    init(_ partition: Partition) {
        position = [Int32](repeating: -1, count: partition.graph.unitCount)
        for u in 0..<partition.graph.unitCount where BoundarySet.isBoundary(u, partition) { insert(u) }
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
    func contains(_ u: Int) -> Bool { position[u] >= 0 }

    /// A uniformly random boundary unit, or nil when there is none.
    @inline(__always)
    func randomUnit(_ rng: inout SplitMix64) -> Int? {
        units.isEmpty ? nil : Int(units[rng.nextIndex(units.count)])
    }

    private mutating func insert(_ u: Int) {
        guard position[u] < 0 else { return }
        position[u] = Int32(units.count)
        units.append(Int32(u))
    }

    private mutating func remove(_ u: Int) {
        let p = Int(position[u])
        guard p >= 0 else { return }
        let last = units[units.count - 1]
        units[p] = last
        position[Int(last)] = Int32(p)
        units.removeLast()
        position[u] = -1
    }

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
        if BoundarySet.isBoundary(u, partition) { insert(u) } else { remove(u) }
    }
}
