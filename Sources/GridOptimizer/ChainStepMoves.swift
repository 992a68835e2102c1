/// The moves one chain step (`LocalSearch.step`) tries, priced and cut to the cheapest few.
enum ChainStepMoves {
    /// The moves one chain step tries, cheapest first: every unit of `out` (grid `a`) alone into
    /// grid `b`, and with each of the first 64 units of `back` (grid `b`) in exchange, priced by how
    /// far the net weight moved is from `wanted` (`slackCost`, with `settles` the imbalance it
    /// leaves) in units of 1 % of the mean, plus the shape change of the unit leaving `a` as a small
    /// tie-breaker (and 0.05 for an exchange). The `limit` cheapest are kept (12; 32 with
    /// `settles`), ordered totally by (cost, unit, partner), so the list is the prefix a full sort
    /// of every move gives.
    ///
    /// Partners are read by weight: a pair's cost is at least `mismatchShare`·|net − wanted|·scale
    /// plus the unit's shape term (`slackCost` adds only non-negative terms to that share), and the
    /// bound grows both ways from the partner weight where net − wanted changes sign. Read outwards
    /// from there, each direction stops at the first pair whose bound prices it out of the moves
    /// kept so far, so a unit offers a few pairs instead of 64, and the moves kept are the ones
    /// offering every pair keeps (`CheapestMoves` does not depend on the order of offers; 1 M-point
    /// sample's dense core: 20 million pairs in one start's chains).
    /// - Complexity: O(|back| log |back| + |out| · (degree + log |back| + pairs offered · limit)).
    static func cheapest(
        _ search: LocalSearch, out: [Int32], back: [Int32], from a: Int, to b: Int, wanted: Double,
        settles: (Int, Int)?
    ) -> [CheapestMoves.Move] {
        let partition = search.partition
        let scale = 100 / search.mean
        let shapeWeight = search.chainShapeWeight
        var moves = CheapestMoves(limit: settles == nil ? 12 : 32)
        var partners: [(w: Double, v: Int32)] = []
        partners.reserveCapacity(min(back.count, 64))
        for v in back.prefix(64) { partners.append((partition.graph.weight[Int(v)], v)) }
        partners.sort { (p: (w: Double, v: Int32), q: (w: Double, v: Int32)) -> Bool in
            p.w < q.w || (p.w == q.w && p.v < q.v)
        }
        let mismatchShare = settles == nil ? 1.0 : 0.1
        for u in out {
            let wu = partition.graph.weight[Int(u)]
            let base = shapeWeight * search.delta(Int(u), to: Int32(b)).shape
            moves.offer((u, -1, search.slackCost(wu, wanted, a, b, settles) * scale + base))
            // First partner with wu − w − wanted ≤ 0 (that difference falls as w grows).
            var lo = 0
            var hi = partners.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if wu - partners[mid].w - wanted > 0 { lo = mid + 1 } else { hi = mid }
            }
            let pricing = (wu: wu, wanted: wanted, scale: scale, base: base, share: mismatchShare)
            for i in stride(from: lo, to: partners.count, by: 1) {
                guard offerPair(search, u, partners[i], pricing, a, b, settles, &moves) else { break }
            }
            for i in stride(from: lo - 1, through: 0, by: -1) {
                guard offerPair(search, u, partners[i], pricing, a, b, settles, &moves) else { break }
            }
        }
        return moves.moves
    }

    /// Offers the exchange of `u` (weighing `pricing.wu`) and `partner` to `moves` unless its
    /// lower bound, `share`·|net − wanted|·scale + base + 0.05 (at most its cost, and rising
    /// monotonically away from the matching weight), is dearer than every move kept.
    /// - Returns: false when the bound priced the pair out (and with it every partner further from
    ///   the matching weight in the same direction).
    @inline(__always)
    static func offerPair(
        _ search: LocalSearch, _ u: Int32, _ partner: (w: Double, v: Int32),
        _ pricing: (wu: Double, wanted: Double, scale: Double, base: Double, share: Double), _ a: Int, _ b: Int,
        _ settles: (Int, Int)?, _ moves: inout CheapestMoves
    ) -> Bool {
        let net = pricing.wu - partner.w
        let bound = pricing.share * abs(net - pricing.wanted) * pricing.scale + pricing.base + 0.05
        if bound > moves.admissionCost { return false }
        moves.offer(
            (u, partner.v, search.slackCost(net, pricing.wanted, a, b, settles) * pricing.scale + pricing.base + 0.05))
        return true
    }
}
