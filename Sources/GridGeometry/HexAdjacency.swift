/// Rook adjacency between hexagon pieces, from the lattice: whole neighbours share a full edge;
/// anything involving a clipped piece shares the overlap of their intervals on the common lattice edge.
///
/// No GEOS call: the shared length is exact up to the snapping tolerance. Lengths in metres.
enum HexAdjacency {
    /// Per piece, (neighbour piece, shared length) in first-seen order; only within one jurisdiction.
    /// `wholePiece[dense cell]` is the whole piece there or -1.
    /// - Complexity: O(pieces + intervals) expected.
    static func pieceNeighbours(_ pieces: [HexPiece], lattice: HexLattice, wholePiece: [Int32]) -> [[(Int32, Double)]] {
        let edgeLength = lattice.edgeLength
        let minOverlap = 1e-9
        // Register every clipped interval, and every whole-cell edge that does not face a whole cell of
        // the same jurisdiction. Lookup only: never iterated.
        var byEdge: [EdgeKey: [(piece: Int32, t0: Double, t1: Double)]] = [:]
        func wholeNeighbour(_ p: HexPiece, _ e: Int) -> Int32? {
            let n = lattice.neighbour(col: p.col, row: p.row, edge: e)
            guard let d = lattice.denseIndex(col: n.col, row: n.row) else { return nil }
            let q = wholePiece[d]
            return q >= 0 && pieces[Int(q)].jurisdiction == p.jurisdiction ? q : nil
        }
        func wholeEdges(_ p: HexPiece) -> [EdgeKey] {
            let ij = lattice.vertexIJ(col: p.col, row: p.row)
            return (0..<6).map { EdgeKey(ij[$0], ij[($0 + 1) % 6]) }
        }
        for (index, p) in pieces.enumerated() {
            if p.whole {
                let keys = wholeEdges(p)
                for e in 0..<6 where wholeNeighbour(p, e) == nil {
                    byEdge[keys[e], default: []].append((Int32(index), 0, 1))
                }
            } else {
                for iv in p.intervals { byEdge[iv.edge, default: []].append((Int32(index), iv.t0, iv.t1)) }
            }
        }
        var result = [[(Int32, Double)]](repeating: [], count: pieces.count)
        func add(_ list: inout [(Int32, Double)], _ q: Int32, _ s: Double) {
            if let k = list.firstIndex(where: { $0.0 == q }) { list[k].1 += s } else { list.append((q, s)) }
        }
        for (index, p) in pieces.enumerated() {
            var list: [(Int32, Double)] = []
            var mine: [EdgeInterval] = p.intervals
            if p.whole {
                let keys = wholeEdges(p)
                mine = []
                for e in 0..<6 {
                    if let q = wholeNeighbour(p, e) {
                        add(&list, q, edgeLength)
                    } else {
                        mine.append(EdgeInterval(edge: keys[e], t0: 0, t1: 1))
                    }
                }
            }
            for iv in mine {
                guard let others = byEdge[iv.edge] else { continue }
                for o in others where o.piece != Int32(index) {
                    let q = pieces[Int(o.piece)]
                    if q.jurisdiction != p.jurisdiction || (q.col == p.col && q.row == p.row) { continue }
                    let overlap = min(iv.t1, o.t1) - max(iv.t0, o.t0)
                    if overlap > minOverlap { add(&list, o.piece, overlap * edgeLength) }
                }
            }
            result[index] = list
        }
        return result
    }
}
