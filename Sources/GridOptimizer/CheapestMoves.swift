/// The `limit` cheapest of a stream of candidate moves, kept in order (cost, then unit, then
/// partner): the prefix a full sort of the stream would give, in O(stream · limit) worst case and
/// O(stream) when most candidates are dearer than the ones kept.
struct CheapestMoves {
    /// A move of unit `u` (with partner `v`, or -1) and its cost.
    typealias Move = (u: Int32, v: Int32, cost: Double)

    /// How many moves are kept.
    let limit: Int
    /// The kept moves, cheapest first.
    private(set) var moves: [Move] = []

    init(limit: Int) {
        self.limit = max(0, limit)
        moves.reserveCapacity(self.limit + 1)
    }

    /// The cost a move must stay at or below to be kept (the dearest kept one once `limit` are
    /// kept; +∞ before): a move dearer than this is refused whatever its unit and partner.
    @inline(__always)
    var admissionCost: Double { moves.count == limit && limit > 0 ? moves[limit - 1].cost : .infinity }

    /// Whether `a` comes before `b`: lower cost, then lower unit, then lower partner.
    @inline(__always)
    static func precedes(_ a: Move, _ b: Move) -> Bool {
        a.cost < b.cost || (a.cost == b.cost && (a.u < b.u || (a.u == b.u && a.v < b.v)))
    }

    /// Keeps `move` if it is among the `limit` cheapest so far.
    @inline(__always)
    mutating func offer(_ move: Move) {
        if moves.count == limit {
            guard limit > 0, Self.precedes(move, moves[limit - 1]) else { return }
            moves.removeLast()
        }
        var i = moves.count
        moves.append(move)
        while i > 0, Self.precedes(move, moves[i - 1]) {
            moves[i] = moves[i - 1]
            i -= 1
        }
        moves[i] = move
    }
}
