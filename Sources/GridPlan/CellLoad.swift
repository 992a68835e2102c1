import GridModel

/// Loads of square cells of a given size: a cheap stand-in for hexagons of the same width.
///
/// The points are gathered once into distinct locations (a pile of points at one address is one
/// location), so each size tried makes one pass over the locations.
struct CellLoad {
    /// Distinct locations in (x, y) order, each with the total weight of its points (summed in
    /// input order).
    private var x: [Double] = []
    private var y: [Double] = []
    private var weight: [Double] = []
    private let minX: Double
    private let minY: Double
    private let maxY: Double

    /// - Complexity: O(n) for n points: a stable radix sort by location.
    init(_ p: PointTable) {
        minX = p.x.min() ?? 0
        minY = p.y.min() ?? 0
        maxY = p.y.max() ?? 0
        // Stable: the points of one location keep their input order.
        let order = LocationOrder.sorted(x: p.x, y: p.y)
        let w = p.weights.first
        x.reserveCapacity(p.count)
        y.reserveCapacity(p.count)
        weight.reserveCapacity(p.count)
        for i32 in order {
            let i = Int(i32)
            let pw = w?[i] ?? 1
            if let last = x.indices.last, x[last] == p.x[i], y[last] == p.y[i] {
                weight[last] += pw
            } else {
                x.append(p.x[i])
                y.append(p.y[i])
                weight.append(pw)
            }
        }
    }

    /// The heaviest cell, and the heaviest cell without its largest pile of points at one location (a
    /// geocoded address that no finer cell can split).
    ///
    /// Each cell's total is summed over its locations in (x, y) order, as a stable sort of a column
    /// by row would sum it.
    /// - Complexity: O(m + r·c) for m distinct locations, c columns and r rows of cells; a column
    ///   spanning far more rows than it holds locations is sorted by row instead.
    func heaviest(size: Double) -> (total: Double, splittable: Double) {
        guard !x.isEmpty, size > 0 else { return (0, 0) }
        var best = 0.0, bestSplittable = 0.0
        let rowSpan = ((maxY - minY) / size).rounded(.down)
        let dense = rowSpan.isFinite && rowSpan < Double(4 * x.count + 4096)
        var total = [Double](repeating: 0, count: dense ? Int(rowSpan) + 1 : 0)
        var pile = total
        var touched: [Int] = []
        var column: [(row: Int64, w: Double)] = []
        var k = 0
        while k < x.count {
            let cx = ((x[k] - minX) / size).rounded(.down)
            let start = k
            while k < x.count && ((x[k] - minX) / size).rounded(.down) == cx { k += 1 }
            guard dense else {
                column.removeAll(keepingCapacity: true)
                for l in start..<k { column.append((Int64(((y[l] - minY) / size).rounded(.down)), weight[l])) }
                let cells = Self.sortedCells(&column)
                best = max(best, cells.total)
                bestSplittable = max(bestSplittable, cells.splittable)
                continue
            }
            for l in start..<k {
                let row = Int(((y[l] - minY) / size).rounded(.down))
                if total[row] == 0 && pile[row] == 0 { touched.append(row) }
                pile[row] = max(pile[row], weight[l])
                total[row] += weight[l]
            }
            for row in touched {
                best = max(best, total[row])
                bestSplittable = max(bestSplittable, total[row] - pile[row])
                total[row] = 0
                pile[row] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        // A hexagon of the same width covers ~0.87 of the square's area.
        return (best * 0.87, bestSplittable * 0.87)
    }

    /// The heaviest cell of one column (total and without its pile), its locations sorted by row.
    private static func sortedCells(_ column: inout [(row: Int64, w: Double)]) -> (total: Double, splittable: Double) {
        // Stable: the locations of one cell keep their (x, y) order.
        column.sort { $0.row < $1.row }
        var best = 0.0, bestSplittable = 0.0
        var a = 0
        while a < column.count {
            var total = 0.0, pile = 0.0
            var b = a
            while b < column.count && column[b].row == column[a].row {
                pile = max(pile, column[b].w)
                total += column[b].w
                b += 1
            }
            best = max(best, total)
            bestSplittable = max(bestSplittable, total - pile)
            a = b
        }
        return (best, bestSplittable)
    }
}
