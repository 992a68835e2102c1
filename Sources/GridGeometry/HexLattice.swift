import GridModel

/// A pointy-top hexagon lattice in the projected work CRS (metres), with the unit table of a unit set.
///
/// Cells are addressed by (col, row) in "odd-r" offset coordinates: odd rows are shifted half a cell
/// east. Every vertex is `(originX + halfWidth·i, originY + quarterHeight·j)` for integers (i, j), so
/// neighbouring cells compute bit-identical shared vertices.
public struct HexLattice: Sendable {
    /// Lattice origin (the centre of cell (0, 0)), metres.
    public let originX: Double
    public let originY: Double
    /// Distance between opposite edges (flat to flat), metres.
    public let cellSizeMetres: Double
    /// Half the flat-to-flat width: the x step of the vertex lattice.
    let halfWidth: Double
    /// Half the edge length: the y step of the vertex lattice.
    let quarterHeight: Double

    /// Dense table over cols `minCol..<minCol+colCount`, rows `minRow..<minRow+rowCount`.
    public let minCol: Int
    public let minRow: Int
    public let colCount: Int
    public let rowCount: Int
    /// CSR: units having area in dense cell c are `cellUnits[cellOffsets[c]..<cellOffsets[c+1]]`.
    var cellOffsets: [Int32]
    var cellUnits: [Int32]
    /// The unit that is the whole cell (an interior cell), or -1.
    var wholeUnit: [Int32]

    init(originX: Double, originY: Double, cellSizeMetres: Double, minCol: Int, minRow: Int, colCount: Int, rowCount: Int) {
        self.originX = originX
        self.originY = originY
        self.cellSizeMetres = cellSizeMetres
        self.halfWidth = cellSizeMetres / 2
        self.quarterHeight = cellSizeMetres / 3.0.squareRoot() / 2
        self.minCol = minCol
        self.minRow = minRow
        self.colCount = colCount
        self.rowCount = rowCount
        self.cellOffsets = []
        self.cellUnits = []
        self.wholeUnit = []
    }

    /// Orientation: always pointy-top (two vertical edges per cell, rows horizontal), odd rows shifted east.
    public var isPointyTop: Bool { true }

    /// Edge length (= circumradius), metres.
    public var edgeLength: Double { cellSizeMetres / 3.0.squareRoot() }

    /// Area of one whole cell, m².
    public var cellArea: Double { 3.0.squareRoot() / 2 * cellSizeMetres * cellSizeMetres }

    /// The cell containing (x, y) in metres (cube rounding; ties go one way deterministically).
    public func cell(x: Double, y: Double) -> (col: Int, row: Int) {
        let r0 = edgeLength
        let px = x - originX, py = y - originY
        let q = (3.0.squareRoot() / 3 * px - py / 3) / r0
        let r = (2.0 / 3 * py) / r0
        let s = -q - r
        var rq = q.rounded(), rr = r.rounded()
        let rs = s.rounded()
        let dq = abs(rq - q), dr = abs(rr - r), ds = abs(rs - s)
        if dq > dr && dq > ds {
            rq = -rr - rs
        } else if dr > ds {
            rr = -rq - rs
        }
        let row = Int(rr), aq = Int(rq)
        return (aq + (row - (row & 1)) / 2, row)
    }

    /// Integer vertex-lattice coordinates of a cell's centre.
    @inline(__always) func centreIJ(col: Int, row: Int) -> (Int, Int) { (2 * col + (row & 1), 3 * row) }

    /// Centre of a cell, metres.
    public func center(col: Int, row: Int) -> (x: Double, y: Double) {
        let (i, j) = centreIJ(col: col, row: row)
        return (vertexX(i), vertexY(j))
    }

    @inline(__always) func vertexX(_ i: Int) -> Double { originX + halfWidth * Double(i) }
    @inline(__always) func vertexY(_ j: Int) -> Double { originY + quarterHeight * Double(j) }

    /// Offsets of the six vertices from the centre in lattice steps, counter-clockwise from the bottom.
    static let vertexSteps: [(Int, Int)] = [(0, -2), (1, -1), (1, 1), (0, 2), (-1, 1), (-1, -1)]

    /// The six vertices as integer lattice coordinates, counter-clockwise from the bottom vertex.
    func vertexIJ(col: Int, row: Int) -> [(Int, Int)] {
        let (ci, cj) = centreIJ(col: col, row: row)
        return HexLattice.vertexSteps.map { (ci + $0.0, cj + $0.1) }
    }

    /// The closed counter-clockwise ring of a cell, interleaved x, y in metres (7 positions).
    public func ring(col: Int, row: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(14)
        for (i, j) in vertexIJ(col: col, row: row) {
            out.append(vertexX(i))
            out.append(vertexY(j))
        }
        out.append(out[0])
        out.append(out[1])
        return out
    }

    /// The neighbour across edge k (edge k runs from vertex k to vertex k+1).
    func neighbour(col: Int, row: Int, edge k: Int) -> (col: Int, row: Int) {
        let (ci, cj) = centreIJ(col: col, row: row)
        let a = HexLattice.vertexSteps[k], b = HexLattice.vertexSteps[(k + 1) % 6]
        // Neighbour centre = centre + 2·(edge midpoint − centre) = centre + a + b.
        let ni = ci + a.0 + b.0, nj = cj + a.1 + b.1
        let nrow = nj / 3
        return ((ni - (nrow & 1)) / 2, nrow)
    }

    /// The six neighbouring cells, counter-clockwise starting south-east (across edge 0).
    public func neighbors(col: Int, row: Int) -> [(col: Int, row: Int)] {
        (0..<6).map { neighbour(col: col, row: row, edge: $0) }
    }

    /// Dense index of a cell, or nil outside the table.
    func denseIndex(col: Int, row: Int) -> Int? {
        let c = col - minCol, r = row - minRow
        guard c >= 0, r >= 0, c < colCount, r < rowCount else { return nil }
        return r * colCount + c
    }

    /// The unit that is this whole (interior) cell, or nil for boundary and empty cells.
    public func wholeCellUnit(col: Int, row: Int) -> Int32? {
        guard let d = denseIndex(col: col, row: row), !wholeUnit.isEmpty, wholeUnit[d] >= 0 else { return nil }
        return wholeUnit[d]
    }

    /// Every unit with area in this cell (one for an interior cell; pieces for a boundary cell).
    public func units(col: Int, row: Int) -> ArraySlice<Int32> {
        guard let d = denseIndex(col: col, row: row), d + 1 < cellOffsets.count else { return [] }
        return cellUnits[Int(cellOffsets[d])..<Int(cellOffsets[d + 1])]
    }

    /// True when (x, y) lies in the closed hexagon of the cell, within `tolerance` metres.
    func hexagonCovers(col: Int, row: Int, x: Double, y: Double, tolerance: Double) -> Bool {
        let c = center(col: col, row: row)
        let dx = abs(x - c.x), dy = abs(y - c.y)
        let r0 = edgeLength
        if dx > halfWidth + tolerance { return false }
        // Slanted edges: dy + dx/√3 ≤ R.
        return dy + dx / 3.0.squareRoot() <= r0 + tolerance
    }
}

extension HexLattice {
    /// The lattice an earlier run used, from its hexagon units: names `H<col>_<row>` (or
    /// `H<col>_<row>_<part>`), with area and area centroid in metres of the current work CRS.
    ///
    /// Whole cells (area within 0.5% of the largest) give the cell size from the spacing of their
    /// centroids (checked against their area) and the origin from the median offset. Written
    /// coordinates carry ~1 cm of rounding, so the size and origin are snapped to whole centimetres.
    /// - Returns: nil when fewer than three whole cells are named as hexagons.
    public static func recover(names: [String], area: [Double], centroidX: [Double], centroidY: [Double])
        -> (cellSizeMetres: Double, originX: Double, originY: Double)?
    {
        var cells: [(col: Int, row: Int, i: Int)] = []
        for (i, name) in names.enumerated() {
            guard name.first == "H" else { continue }
            let parts = name.dropFirst().split(separator: "_", omittingEmptySubsequences: false)
            guard parts.count == 2, let col = Int(parts[0]), let row = Int(parts[1]) else { continue }
            cells.append((col, row, i))
        }
        guard let largest = cells.map({ area[$0.i] }).max(), largest > 0 else { return nil }
        let whole = cells.filter { area[$0.i] >= largest * 0.995 }
        guard whole.count >= 3 else { return nil }
        func median(_ v: [Double]) -> Double {
            let s = v.sorted()
            return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
        }
        func centimetres(_ v: Double) -> Double { (v * 100).rounded() / 100 }
        // Centroid x = originX + (w/2)·(2·col + row parity): the slope of a least-squares line over many
        // cells has far less noise than one cell's area.
        let k = whole.map { Double(2 * $0.col + ($0.row & 1)) }
        let cx = whole.map { centroidX[$0.i] }
        let meanK = k.reduce(0, +) / Double(k.count), meanX = cx.reduce(0, +) / Double(cx.count)
        var sxy = 0.0, sxx = 0.0
        for (a, b) in zip(k, cx) {
            sxy += (a - meanK) * (b - meanX)
            sxx += (a - meanK) * (a - meanK)
        }
        let fromArea = median(whole.map { (2 * area[$0.i] / 3.0.squareRoot()).squareRoot() })
        let w = centimetres(sxx > 0 ? 2 * sxy / sxx : fromArea)
        guard w > 0, abs(w - fromArea) < 0.01 * w else { return nil }
        let half = w / 2, quarter = w / 3.0.squareRoot() / 2
        let ox = median(whole.map { centroidX[$0.i] - half * Double(2 * $0.col + ($0.row & 1)) })
        let oy = median(whole.map { centroidY[$0.i] - quarter * Double(3 * $0.row) })
        return (w, centimetres(ox), centimetres(oy))
    }
}

extension HexLattice {
    /// `recover(names:area:centroidX:centroidY:)` from unit shapes in metres (planar area and area centroid
    /// of all parts, holes subtracted).
    public static func recover(names: [String], shapes: [MultiPolygon]) -> (cellSizeMetres: Double, originX: Double, originY: Double)? {
        var area: [Double] = [], cx: [Double] = [], cy: [Double] = []
        for shape in shapes {
            var a = 0.0, sx = 0.0, sy = 0.0
            for p in shape.polygons {
                for ring in p.rings {
                    guard ring.count >= 6 else { continue }
                    let x0 = ring[0], y0 = ring[1]
                    var i = 0
                    while i + 3 < ring.count {
                        let xa = ring[i] - x0, ya = ring[i + 1] - y0, xb = ring[i + 2] - x0, yb = ring[i + 3] - y0
                        let cross: Double = xa * yb - xb * ya
                        let mx: Double = xa + xb + 3 * x0
                        let my: Double = ya + yb + 3 * y0
                        a += cross / 2
                        sx += mx * cross / 6
                        sy += my * cross / 6
                        i += 2
                    }
                }
            }
            area.append(abs(a))
            cx.append(a != 0 ? sx / a : .nan)
            cy.append(a != 0 ? sy / a : .nan)
        }
        return recover(names: names, area: area, centroidX: cx, centroidY: cy)
    }
}
