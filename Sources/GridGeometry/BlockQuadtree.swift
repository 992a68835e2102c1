/// Adaptive subdivision of one heavy block on a jurisdiction-wide square lattice (projected metres).
///
/// Level k of the lattice has square cells of side `rootSize / 2^k`, all aligned to one origin, so pieces of
/// neighbouring blocks line up. A cell is split into its 4 children only while the block's weight inside it
/// is above the limit and the children would be at least `minCell` wide.
struct BlockQuadtree {
    struct Cell: Hashable, Comparable {
        var level: Int32, i: Int32, j: Int32
        static func < (a: Cell, b: Cell) -> Bool { (a.level, a.j, a.i) < (b.level, b.j, b.i) }
    }

    let originX: Double, originY: Double, rootSize: Double
    /// Cells that were split (lookups only).
    private(set) var split: Set<Cell> = []
    /// Split cells in the order they were split (deterministic), for drawing their cross lines.
    private(set) var splitOrder: [Cell] = []

    init(originX: Double, originY: Double, rootSize: Double) {
        self.originX = originX
        self.originY = originY
        self.rootSize = rootSize
    }

    func size(_ level: Int32) -> Double { rootSize / Double(1 << Int(level)) }

    /// Splits from the root while the weight of `points` (x, y, w) in a cell exceeds `limit`.
    mutating func build(x: [Double], y: [Double], w: [Double], limit: Double, minCell: Double) {
        var stack: [(Cell, [Int])] = [(Cell(level: 0, i: 0, j: 0), Array(x.indices))]
        while let (cell, members) = stack.popLast() {
            let total = members.reduce(0.0) { $0 + w[$1] }
            let child = size(cell.level + 1)
            guard total > limit, child >= minCell, cell.level < 30 else { continue }
            split.insert(cell)
            splitOrder.append(cell)
            var parts = [[Int]](repeating: [], count: 4)
            let cx = originX + (Double(cell.i) * 2 + 1) * child, cy = originY + (Double(cell.j) * 2 + 1) * child
            for p in members {
                let q = (x[p] >= cx ? 1 : 0) + (y[p] >= cy ? 2 : 0)
                parts[q].append(p)
            }
            for q in (0..<4).reversed() where !parts[q].isEmpty {
                let c = Cell(level: cell.level + 1, i: cell.i * 2 + Int32(q & 1), j: cell.j * 2 + Int32(q >> 1))
                stack.append((c, parts[q]))
            }
        }
    }

    /// The leaf cell holding (x, y).
    func leaf(_ x: Double, _ y: Double) -> Cell {
        var cell = Cell(level: 0, i: 0, j: 0)
        while split.contains(cell) {
            let child = size(cell.level + 1)
            let cx = originX + (Double(cell.i) * 2 + 1) * child, cy = originY + (Double(cell.j) * 2 + 1) * child
            cell = Cell(level: cell.level + 1, i: cell.i * 2 + (x >= cx ? 1 : 0), j: cell.j * 2 + (y >= cy ? 1 : 0))
        }
        return cell
    }

    /// The boundaries between leaf cells: one cross (a vertical and a horizontal segment) per split cell.
    func crossLines() -> [[Double]] {
        var out: [[Double]] = []
        for c in splitOrder {
            let s = size(c.level), x0 = originX + Double(c.i) * s, y0 = originY + Double(c.j) * s
            out.append([x0 + s / 2, y0, x0 + s / 2, y0 + s])
            out.append([x0, y0 + s / 2, x0 + s, y0 + s / 2])
        }
        return out
    }
}
