import GridModel

/// Why a plan misses the tolerance, in a planner's words: stations by name, units by their id, a point
/// by its place in the input when one address carries a unit, and only advice that applies to the units
/// in use (no cell size for given units or street blocks) with a tolerance that works when followed.
///
/// Shared by `partition` (after optimizing) and `validate` (before).
struct InfeasibilityAdvice {
    let config: PartitionConfig
    let names: JurisdictionNames
    let units: BuiltUnits
    let aggregated: Aggregated
    let points: PointFile

    /// Whether a smaller `--cell-size` can give finer units: hexagons only.
    private var cellsCanShrink: Bool { units.cellSizeMetres != nil && config.barrierPaths.isEmpty }

    /// The knob for the grid count: with `--centers` every post is a grid, so fewer grids means fewer posts.
    private var fewerGrids: String { config.centersPath != nil ? "fewer posts in the --centers file" : "fewer --grids" }

    /// What to change besides the tolerance, for the units in use, as the start of an imperative sentence.
    private func finerUnits(_ unit: String) -> String {
        if cellsCanShrink { return "Use a smaller --cell-size, \(fewerGrids)" }
        if config.unitsPath != nil { return "Split unit \(unit) in the --units file, use \(fewerGrids)" }
        return "Add barrier lines through block \(unit), use \(fewerGrids)"
    }

    /// A tolerance at least `needed`, with a margin, on a round step: what to try next.
    static func suggestedTolerance(_ needed: Double) -> Double {
        let steps = [0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8, 0.95]
        let aim = needed * 1.15 + 0.005
        return steps.first { $0 >= aim } ?? 1  // 1 and above: no tolerance helps (it must stay below 1)
    }

    /// The heaviest unit of each jurisdiction (nil where it has none).
    private func heaviest(jurisdictionCount: Int) -> [Int?] {
        var best = [Int?](repeating: nil, count: jurisdictionCount)
        let w = aggregated.unitWeights[0]
        for u in w.indices {
            let j = Int(units.set.jurisdiction[u])
            if let b = best[j], w[b] >= w[u] { continue }
            best[j] = u
        }
        return best
    }

    /// The primary weight of each jurisdiction.
    private func totals(jurisdictionCount: Int) -> [Double] {
        var total = [Double](repeating: 0, count: jurisdictionCount)
        let w = aggregated.unitWeights[0]
        for u in w.indices { total[Int(units.set.jurisdiction[u])] += w[u] }
        return total
    }

    /// The largest pile of points at one location in unit `u`: (weight, first point index), or nil.
    private func largestPile(in u: Int) -> (weight: Double, point: Int)? {
        let t = points.table
        var members: [Int] = []
        for i in aggregated.pointUnit.indices where aggregated.pointUnit[i]?.index == u { members.append(i) }
        guard !members.isEmpty else { return nil }
        members.sort { (t.x[$0], t.y[$0], $0) < (t.x[$1], t.y[$1], $1) }
        var best: (Double, Int)?
        var k = 0
        while k < members.count {
            var j = k, sum = 0.0
            while j < members.count, t.x[members[j]] == t.x[members[k]], t.y[members[j]] == t.y[members[k]] {
                sum += t.weights.isEmpty ? 1 : t.weights[0][members[j]]
                j += 1
            }
            if best == nil || sum > (best?.0 ?? 0) { best = (sum, members[k]) }
            k = j
        }
        return best
    }

    /// Why and what to change, without a tolerance: that is checked by the caller or given as a bound.
    struct Finding {
        var why: String
        /// The start of an imperative sentence ending in "or --tolerance T".
        var change: String
        /// The tolerance that is necessary (a heavy unit) or that the best plan needed.
        var needed: Double
    }

    /// A unit heavier than the upper bound of its station: why, and what to change. Nil when none is.
    func heavyUnit(gridsPerJurisdiction k: [Int]) -> Finding? {
        let w = aggregated.unitWeights[0]
        let heaviest = heaviest(jurisdictionCount: k.count)
        let total = totals(jurisdictionCount: k.count)
        let t = config.toleranceFraction
        for j in k.indices where k[j] > 1 {
            guard let u = heaviest[j] else { continue }
            let mean = total[j] / Double(k[j])
            guard w[u] > (1 + t) * mean else { continue }
            var text = "\(names.label(j)): unit \(units.set.names[u]) weighs \(Format.fixed(w[u], 1)), more than the upper bound \(Format.fixed((1 + t) * mean, 1)) (the mean of its \(k[j]) grids \(Format.fixed(mean, 1)) + \(Format.percent(t)))"
            var change = finerUnits(units.set.names[u])
            if let pile = largestPile(in: u), pile.weight > 0.5 * w[u] {
                text += "; \(Format.fixed(pile.weight, 1)) of it lies at one location (\(points.path): \(points.location(of: pile.point))), e.g. a geocoded address that gathers many incidents: check that point"
                change = "Use \(fewerGrids)"
            }
            return Finding(why: text, change: change, needed: w[u] / mean - 1)
        }
        return nil
    }

    /// The stations whose best plan misses the tolerance, worst first.
    func searchFailure(gridWeights: [Double], gridJurisdiction: [Int32], gridsPerJurisdiction k: [Int]) -> Finding {
        let total = totals(jurisdictionCount: k.count)
        var worst = [Double](repeating: 0, count: k.count)
        for g in gridWeights.indices {
            let j = Int(gridJurisdiction[g])
            let mean = total[j] / Double(max(1, k[j]))
            if mean > 0 { worst[j] = max(worst[j], abs(gridWeights[g] - mean) / mean) }
        }
        let t = config.toleranceFraction
        let failing = k.indices.filter { worst[$0] > t + 1e-9 }.sorted { worst[$0] > worst[$1] }
        let listed = failing.prefix(3).map { "\(names.label($0)) (\(Format.percent(worst[$0])))" }.joined(separator: ", ")
        let more = failing.count > 3 ? " and \(failing.count - 3) more" : ""
        let change = cellsCanShrink ? "Use a smaller --cell-size (finer units to balance with), \(fewerGrids)" : "Use \(fewerGrids)"
        return Finding(
            why: "the best plan found misses ±\(Format.percent(t)) in \(listed)\(more)", change: change,
            needed: failing.first.map { worst[$0] } ?? 0)
    }
}
