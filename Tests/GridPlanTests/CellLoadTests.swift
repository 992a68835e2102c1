import GridModel
import Testing

@testable import GridPlan

/// The cell-size probe's sort and cell loads against plain reference computations.
@Suite("Cell load")
struct CellLoadTests {
    /// Points on a coarse lattice (many share a location, a coordinate or both), signs mixed, -0 and +0.
    static func points(count: Int, seed: UInt64) -> PointTable {
        var rng = SeededRandom(seed: seed)
        var t = PointTable(weightNames: ["w"])
        for i in 0..<count {
            var x = Double(Int(rng.next() % 40) - 20) * 37.5
            let y = Double(Int(rng.next() % 40) - 20) * 12.25 + (rng.next() % 3 == 0 ? 0.1 : 0)
            if x == 0 && rng.next() % 2 == 0 { x = -0.0 }
            t.append(x: x, y: y, id: "", weights: [Double(rng.next() % 1000) / 7], source: Int32(i))
        }
        return t
    }

    @Test("the radix order is the stable sort by (x, y)", arguments: [0, 1, 2, 1000, 20000])
    func radixOrder(count: Int) {
        let p = Self.points(count: count, seed: UInt64(count) + 3)
        let expected = (0..<p.count).sorted { a, b in
            (p.x[a], p.y[a], a) < (p.x[b], p.y[b], b)
        }
        #expect(LocationOrder.sorted(x: p.x, y: p.y).map { Int($0) } == expected)
    }

    @Test("the heaviest cell equals per-cell sums in (x, y) order, bit for bit", arguments: [5.0, 40.0, 333.0, 1e6])
    func heaviest(size: Double) {
        let p = Self.points(count: 5000, seed: 11)
        let got = CellLoad(p).heaviest(size: size)
        let expected = Self.reference(p, size: size)
        #expect(got.total == expected.total && got.splittable == expected.splittable)
    }

    @Test("a column spanning far more rows than points is summed the same way (sorted by row)")
    func heaviestSparseColumn() {
        var p = Self.points(count: 3000, seed: 12)
        p.append(x: 0, y: 1e9, id: "", weights: [5], source: 0)
        let got = CellLoad(p).heaviest(size: 5)
        let expected = Self.reference(p, size: 5)
        #expect(got.total == expected.total && got.splittable == expected.splittable)
    }

    /// Locations in (x, y) order with weights summed in input order; each cell summed in location order.
    static func reference(_ p: PointTable, size: Double) -> (total: Double, splittable: Double) {
        let order = (0..<p.count).sorted { a, b in (p.x[a], p.y[a], a) < (p.x[b], p.y[b], b) }
        var locations: [(x: Double, y: Double, w: Double)] = []
        for i in order {
            if let last = locations.last, last.x == p.x[i], last.y == p.y[i] {
                locations[locations.count - 1].w += p.weights[0][i]
            } else {
                locations.append((p.x[i], p.y[i], p.weights[0][i]))
            }
        }
        let minX = p.x.min() ?? 0, minY = p.y.min() ?? 0
        var cells: [[Int64]: (total: Double, pile: Double)] = [:]
        for l in locations {
            let key = [Int64(((l.x - minX) / size).rounded(.down)), Int64(((l.y - minY) / size).rounded(.down))]
            let c = cells[key, default: (0, 0)]
            cells[key] = (c.total + l.w, max(c.pile, l.w))
        }
        let best = cells.values.map(\.total).max() ?? 0
        let splittable = cells.values.map { $0.total - $0.pile }.max() ?? 0
        return (best * 0.87, splittable * 0.87)
    }
}
