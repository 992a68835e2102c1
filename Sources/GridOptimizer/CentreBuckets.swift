/// Points (grid centres) bucketed in a square grid of about one point per cell, for nearest-centre
/// searches ring by ring (`PowerDiagramStart.nearestCentres`).
struct CentreBuckets {
    /// Cell side, metres (positive).
    let side: Double
    let columns: Int
    let rows: Int
    private let minX: Double
    private let minY: Double
    /// CSR: the points of cell c are `points[start[c]..<start[c + 1]]`, in ascending order.
    private let start: [Int32]
    private let points: [Int32]

    init(cx: [Double], cy: [Double]) {
        let k = cx.count
        let (x0, x1) = (cx.min() ?? 0, cx.max() ?? 0)
        let (y0, y1) = (cy.min() ?? 0, cy.max() ?? 0)
        let width = max(x1 - x0, 1e-9)
        let height = max(y1 - y0, 1e-9)
        // About one point per cell; a degenerate (flat) spread still gets cells along its length.
        let perPoint = Double(max(k, 1))
        let side = max((width * height / perPoint).squareRoot(), max(width, height) / perPoint, 1e-9)
        self.side = side
        minX = x0
        minY = y0
        columns = min(Int(width / side) + 1, max(k, 1))
        rows = min(Int(height / side) + 1, max(k, 1))
        var count = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int](repeating: 0, count: k)
        for i in 0..<k {
            let c = Self.clamp(Int((cx[i] - x0) / side), columns)
            let r = Self.clamp(Int((cy[i] - y0) / side), rows)
            cellOf[i] = r * columns + c
            count[cellOf[i] + 1] += 1
        }
        for c in 0..<(columns * rows) { count[c + 1] += count[c] }
        start = count
        var next = count
        var points = [Int32](repeating: 0, count: k)
        for i in 0..<k {
            points[Int(next[cellOf[i]])] = Int32(i)
            next[cellOf[i]] += 1
        }
        self.points = points
    }

    @inline(__always)
    private static func clamp(_ v: Int, _ n: Int) -> Int { min(max(v, 0), n - 1) }

    /// The cell (column, row) of a point.
    func cell(_ x: Double, _ y: Double) -> (Int, Int) {
        (Self.clamp(Int((x - minX) / side), columns), Self.clamp(Int((y - minY) / side), rows))
    }

    /// Calls `body` with every point in the cells at Chebyshev distance exactly `ring` from (col, row).
    @inline(__always)
    func forEachInRing(_ col: Int, _ row: Int, _ ring: Int, _ body: (Int) -> Void) {
        let lo = row - ring
        let hi = row + ring
        for r in max(lo, 0)...min(hi, rows - 1) {
            let edgeRow = r == lo || r == hi
            let step = edgeRow || ring == 0 ? 1 : 2 * ring
            var c = col - ring
            while c <= col + ring {
                if c >= 0 && c < columns {
                    let cellIndex = r * columns + c
                    for p in Int(start[cellIndex])..<Int(start[cellIndex + 1]) { body(Int(points[p])) }
                }
                c += step
            }
        }
    }
}
