import GridModel

/// Hexagon units: the lattice clipped to each jurisdiction (projected metres).
struct HexagonUnitBuilder: EngineAlgorithm {
    let engine: GeometryEngine

    /// Hexagon lattice (`cellSizeMetres` = distance between opposite edges) clipped to each jurisdiction.
    ///
    /// Jurisdictions must not overlap (an overlap throws, naming both). Cells properly inside are kept
    /// whole; boundary cells are intersected, and a cell that falls apart becomes several units. Pieces
    /// smaller than 1e-6 of a cell are merged into the neighbour they share most boundary with (or
    /// another part of their cell), so unit areas sum to the jurisdiction areas.
    /// Units are ordered by jurisdiction, then row, then column, then part.
    /// - Complexity: O(cells in the jurisdictions' boxes) prepared predicates, plus one clip per boundary cell.
    /// `origin` places the lattice (the centre of cell (0, 0), metres): an earlier run's lattice, so that
    /// its cells come back with the same names and shapes; nil: the rounded-down corner of the boxes.
    /// `threads` > 1 shares each jurisdiction's GEOS predicates and cuts with another thread (same units).
    func units(
        jurisdictions: [MultiPolygon], cellSizeMetres: Double, origin: (x: Double, y: Double)? = nil, threads: Int = 1
    ) throws(GeometryError) -> (units: UnitSet, lattice: HexLattice) {
        guard cellSizeMetres.isFinite, cellSizeMetres > 0 else {
            throw GeometryError("hexagon cell size must be a positive number of metres, got \(cellSizeMetres)")
        }
        let geoms = try engine.validJurisdictions(jurisdictions)
        var lattice = try makeLattice(geoms, cellSizeMetres: cellSizeMetres, origin: origin)
        var clipper = HexClipper(context: geos, lattice: lattice)
        var pieces: [HexPiece] = []
        for (k, g) in geoms.enumerated() {
            pieces += try clipper.pieces(of: g, shape: jurisdictions[k], jurisdiction: Int32(k), threads: threads)
        }
        var wholePiece = [Int32](repeating: -1, count: lattice.colCount * lattice.rowCount)
        for (i, p) in pieces.enumerated() where p.whole {
            if let d = lattice.denseIndex(col: p.col, row: p.row) { wholePiece[d] = Int32(i) }
        }
        let pieceAdj = HexAdjacency.pieceNeighbours(pieces, lattice: lattice, wholePiece: wholePiece)
        let unitOf = mergeSlivers(pieces, pieceAdj, sliverArea: 1e-6 * lattice.cellArea)
        let units = try assemble(pieces, pieceAdj, unitOf)
        fillTable(&lattice, pieces: pieces, unitOf: unitOf)
        return (units, lattice)
    }

    /// A lattice whose origin is the rounded-down corner of all jurisdictions' bounding box.
    private func makeLattice(_ geoms: [Geometry], cellSizeMetres w: Double, origin: (x: Double, y: Double)?)
        throws(GeometryError) -> HexLattice
    {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for g in geoms where !(try g.isEmpty()) {
            let b = try g.bounds()
            minX = min(minX, b.minX)
            minY = min(minY, b.minY)
            maxX = max(maxX, b.maxX)
            maxY = max(maxY, b.maxY)
        }
        guard minX.isFinite else {
            return HexLattice(originX: 0, originY: 0, cellSizeMetres: w, minCol: 0, minRow: 0, colCount: 0, rowCount: 0)
        }
        let ox = origin?.x ?? minX.rounded(.down), oy = origin?.y ?? minY.rounded(.down)
        let r0 = w / 3.0.squareRoot()
        // Rows and columns covering the box, two spare on each side (the box may lie on either side of an
        // earlier lattice's origin).
        let firstRow = Int(((minY - oy) / (1.5 * r0)).rounded(.down)) - 2
        let firstCol = Int(((minX - ox) / w).rounded(.down)) - 2
        let rows = Int(((maxY - oy) / (1.5 * r0)).rounded(.up)) + 2 - firstRow
        let cols = Int(((maxX - ox) / w).rounded(.up)) + 2 - firstCol
        guard Double(rows) * Double(cols) < 50_000_000 else {
            throw GeometryError("cell size \(w) m gives a lattice of \(rows) × \(cols) cells: too many")
        }
        return HexLattice(
            originX: ox, originY: oy, cellSizeMetres: w, minCol: firstCol, minRow: firstRow, colCount: cols,
            rowCount: rows)
    }

    /// The unit (root piece) of every piece: slivers point at the piece they merge into.
    private func mergeSlivers(_ pieces: [HexPiece], _ adj: [[(Int32, Double)]], sliverArea: Double) -> [Int32] {
        var root = (0..<pieces.count).map { Int32($0) }
        func isSliver(_ i: Int) -> Bool { !pieces[i].whole && pieces[i].area < sliverArea }
        for i in pieces.indices where isSliver(i) {
            var best: Int32 = -1
            var bestLength = 0.0
            for (q, s) in adj[i] where !isSliver(Int(q)) && (s > bestLength || (s == bestLength && q < best)) {
                best = q
                bestLength = s
            }
            if best < 0 {
                // No non-sliver neighbour: join the largest other part of the same cell and jurisdiction.
                var bestArea = 0.0
                for j in pieces.indices
                where j != i && !isSliver(j) && pieces[j].col == pieces[i].col
                    && pieces[j].row == pieces[i].row && pieces[j].jurisdiction == pieces[i].jurisdiction
                    && pieces[j].area > bestArea
                {
                    best = Int32(j)
                    bestArea = pieces[j].area
                }
            }
            if best >= 0 { root[i] = best }
        }
        // Renumber roots densely, in piece order.
        var unitIndex = [Int32](repeating: -1, count: pieces.count)
        var next: Int32 = 0
        for i in pieces.indices where root[i] == Int32(i) {
            unitIndex[i] = next
            next += 1
        }
        return pieces.indices.map { unitIndex[Int(root[$0])] }
    }

    /// Unit arrays from pieces: merged shapes unioned, names numbered per cell, symmetric CSR adjacency.
    private func assemble(_ pieces: [HexPiece], _ adj: [[(Int32, Double)]], _ unitOf: [Int32]) throws(GeometryError)
        -> UnitSet
    {
        let n = Int((unitOf.max() ?? -1) + 1)
        var members = [[Int]](repeating: [], count: n)
        for (i, u) in unitOf.enumerated() { members[Int(u)].append(i) }
        var shapes: [MultiPolygon] = [], jur: [Int32] = [], area: [Double] = [], perim: [Double] = []
        var cx: [Double] = [], cy: [Double] = []
        for m in members {
            let p = pieces[m[0]]
            jur.append(p.jurisdiction)
            if m.count == 1 {
                shapes.append(p.shape)
                area.append(p.area)
                perim.append(p.perimeter)
                cx.append(p.centroidX)
                cy.append(p.centroidY)
                continue
            }
            var parts: [Geometry] = []
            for i in m { parts.append(try geometry(pieces[i].shape)) }
            let merged = try Geometry.collection(parts, in: geos).unaryUnion()
            shapes.append(try merged.toMultiPolygon())
            area.append(m.reduce(0.0) { $0 + pieces[$1].area })
            perim.append(try merged.length())
            let c = try merged.centroid()
            cx.append(c.x)
            cy.append(c.y)
        }
        // Names: "H<col>_<row>", or "_<part>" (1-based, across jurisdictions) when a cell holds several units.
        var perCell: [Int64: Int] = [:]
        func cellKey(_ p: HexPiece) -> Int64 { Int64(p.col) << 32 | Int64(UInt32(bitPattern: Int32(p.row))) }
        for m in members { perCell[cellKey(pieces[m[0]]), default: 0] += 1 }
        var seen: [Int64: Int] = [:]
        var names: [String] = []
        for m in members {
            let p = pieces[m[0]], key = cellKey(p)
            if perCell[key, default: 1] > 1 {
                let part = seen[key, default: 0] + 1
                seen[key] = part
                names.append("H\(p.col)_\(p.row)_\(part)")
            } else {
                names.append("H\(p.col)_\(p.row)")
            }
        }
        // Unit adjacency: sum piece contributions, keep u < v, mirror (exactly symmetric).
        var lists = [[(Int32, Double)]](repeating: [], count: n)
        for (i, l) in adj.enumerated() {
            let u = unitOf[i]
            for (q, s) in l {
                let v = unitOf[Int(q)]
                guard v > u else { continue }
                if let k = lists[Int(u)].firstIndex(where: { $0.0 == v }) {
                    lists[Int(u)][k].1 += s
                } else {
                    lists[Int(u)].append((v, s))
                }
            }
        }
        var full = lists
        for u in 0..<n { for (v, s) in lists[u] { full[Int(v)].append((Int32(u), s)) } }
        let csr = UnitSet.csr(full)
        return UnitSet(
            shapes: shapes, jurisdiction: jur, area: area, perimeter: perim, centroidX: cx, centroidY: cy, names: names,
            offsets: csr.offsets, neighbors: csr.neighbors, sharedLength: csr.lengths)
    }

    /// Fills the lattice's cell → unit table (CSR over dense cells, and the whole-cell unit).
    private func fillTable(_ lattice: inout HexLattice, pieces: [HexPiece], unitOf: [Int32]) {
        let cells = lattice.colCount * lattice.rowCount
        var pairs: [(Int, Int32)] = []
        var whole = [Int32](repeating: -1, count: cells)
        for (i, p) in pieces.enumerated() {
            guard let d = lattice.denseIndex(col: p.col, row: p.row) else { continue }
            pairs.append((d, unitOf[i]))
            if p.whole { whole[d] = unitOf[i] }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var offsets = [Int32](repeating: 0, count: cells + 1)
        var list: [Int32] = []
        var k = 0
        for d in 0..<cells {
            var last: Int32 = -1
            while k < pairs.count && pairs[k].0 == d {
                if pairs[k].1 != last { list.append(pairs[k].1) }
                last = pairs[k].1
                k += 1
            }
            offsets[d + 1] = Int32(list.count)
        }
        lattice.cellOffsets = offsets
        lattice.cellUnits = list
        lattice.wholeUnit = whole
    }
}
