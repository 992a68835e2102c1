/// A set of the integers 0..<capacity as an array with O(1) insert, remove, membership and uniform
/// random pick (a position per integer, removal by moving the last member into the gap).
struct SparseSet: Sendable {
    /// The members, in no meaningful order (changes are deterministic).
    private(set) var members: [Int32] = []
    /// Position of each integer in `members`, or -1.
    private var position: [Int32]

    /// The empty set of 0..<capacity.
    init(capacity: Int) {
        position = [Int32](repeating: -1, count: capacity)
    }

    var count: Int { members.count }

    @inline(__always)
    func contains(_ i: Int) -> Bool { position[i] >= 0 }

    /// A uniformly random member, or nil when the set is empty.
    @inline(__always)
    func randomMember(_ rng: inout SplitMix64) -> Int? {
        members.isEmpty ? nil : Int(members[rng.nextIndex(members.count)])
    }

    @inline(__always)
    mutating func insert(_ i: Int) {
        guard position[i] < 0 else { return }
        position[i] = Int32(members.count)
        members.append(Int32(i))
    }

    @inline(__always)
    mutating func remove(_ i: Int) {
        let p = Int(position[i])
        guard p >= 0 else { return }
        let last = members[members.count - 1]
        members[p] = last
        position[Int(last)] = Int32(p)
        members.removeLast()
        position[i] = -1
    }
}
