/// The start for further weights with a band (`PartitionProblem.weightTolerances`): recursive
/// bisection by straight lines, each line turned until it splits the banded further weights in the
/// same ratio as the balanced weight.
///
/// A power diagram balances one weight; where a second weight has a hot spot (incidents 1.5 × per
/// person in a town centre) every compact grid on the hot spot is 30–40 % over in it, and moves at
/// the grids' edges cannot share the hot spot out. A line at each angle can be slid until it splits
/// the balanced weight k₁ : k₂; turning it changes how the second weight divides, and for k₁ = k₂ some
/// angle splits both evenly (the ham-sandwich theorem), so the grids start with both weights near
/// their means and share the hot spot as wedges. The search then keeps both inside their walls.
struct BandedBisectionStart {
    /// The graph being partitioned.
    let graph: WorkGraph
    /// K.
    let gridCount: Int
    /// Indices (into `graph.secondary`'s columns) of the further weights to split with the balanced one.
    let banded: [Int]
    /// Land too light to be a grid: it follows its anchor's grid at the end.
    var light: LightComponents? = nil
    /// Directions tried per cut (spread over half a turn).
    static let angles = 36
    /// cos and sin of 180°/36 = 5°.
    static let cosStep = 0.996_194_698_091_745_5
    static let sinStep = 0.087_155_742_747_658_17

    /// The start: every unit's grid.
    /// - Complexity: O(angles · n log n · log K).
    func run() -> [Int32] {
        var assignment = [Int32](repeating: 0, count: graph.unitCount)
        split((0..<Int32(graph.unitCount)).map { $0 }, grids: 0..<gridCount, into: &assignment)
        if let light, light.lightCount > 0 {
            for u in 0..<graph.unitCount where light.isLight[u] { assignment[u] = assignment[Int(light.anchor[u])] }
        }
        return assignment
    }

    /// Splits `units` among `grids`: the first ⌊K/2⌋ grids take the units on one side of the best line.
    private func split(_ units: [Int32], grids: Range<Int>, into assignment: inout [Int32]) {
        guard grids.count > 1, units.count > 1 else {
            for u in units { assignment[Int(u)] = Int32(grids.lowerBound) }
            return
        }
        let left = grids.count / 2
        let ratio = Double(left) / Double(grids.count)
        var best: (error: Double, order: [Int32], cut: Int) = (.infinity, units, units.count / 2)
        let totals = Totals(units, graph: graph, banded: banded)
        // Directions 5° apart over half a turn, by rotating (1, 0) (cos and sin of 5° written out:
        // the optimizer uses no elementary functions, so every platform gets the same lines).
        var (c, s) = (1.0, 0.0)
        for _ in 0..<Self.angles {
            defer { (c, s) = (c * Self.cosStep - s * Self.sinStep, s * Self.cosStep + c * Self.sinStep) }
            // Each unit's position along the direction, computed once, not in every comparison.
            let order = units.map { (along: graph.x[Int($0)] * c + graph.y[Int($0)] * s, unit: $0) }
                .sorted { ($0.along, $0.unit) < ($1.along, $1.unit) }.map(\.unit)
            let (cut, error) = bestCut(order, ratio: ratio, totals: totals)
            if error < best.error - 1e-12 { best = (error, order, cut) }
        }
        split(Array(best.order[..<best.cut]), grids: grids.lowerBound..<(grids.lowerBound + left), into: &assignment)
        split(Array(best.order[best.cut...]), grids: (grids.lowerBound + left)..<grids.upperBound, into: &assignment)
    }

    /// Where to cut `order` so that the balanced weight before the cut is nearest `ratio` of its total,
    /// and the worst relative miss of a banded further weight there (plus the balanced weight's own).
    private func bestCut(_ order: [Int32], ratio: Double, totals: Totals) -> (cut: Int, error: Double) {
        let s = graph.secondaryCount
        let (total, secondaryTotal) = (totals.primary, totals.banded)
        var cut = 1
        var bestMiss = Double.infinity
        var prefix = 0.0
        for (i, u) in order.enumerated() where i + 1 < order.count {
            prefix += graph.weight[Int(u)]
            let miss = abs(prefix - ratio * total)
            if miss < bestMiss {
                bestMiss = miss
                cut = i + 1
            }
        }
        var error = total > 0 ? bestMiss / total : 0
        var secondaryPrefix = [Double](repeating: 0, count: banded.count)
        for u in order[..<cut] {
            for (i, k) in banded.enumerated() { secondaryPrefix[i] += graph.secondary[Int(u) * s + k] }
        }
        for i in banded.indices where secondaryTotal[i] > 0 {
            error = max(error, abs(secondaryPrefix[i] / secondaryTotal[i] - ratio))
        }
        return (cut, error)
    }

    /// The balanced weight and every banded weight of a set of units: the same for every direction
    /// tried, so summed once per cut.
    private struct Totals {
        var primary = 0.0
        var banded: [Double]

        init(_ units: [Int32], graph: WorkGraph, banded indices: [Int]) {
            banded = [Double](repeating: 0, count: indices.count)
            let s = graph.secondaryCount
            for u in units {
                primary += graph.weight[Int(u)]
                for (i, k) in indices.enumerated() { banded[i] += graph.secondary[Int(u) * s + k] }
            }
        }
    }
}
