/// A compact, nearly balanced first assignment: recursive coordinate bisection, refined into a
/// balanced power diagram (capacitated k-means with additive weights) whose centres move to the
/// area centroid of their cells.
///
/// The result may be split (a power cell can straddle a hole); `Partition.repairContiguity()`
/// follows it.
struct PowerDiagramStart {
    /// The graph being partitioned.
    let graph: WorkGraph
    /// Number of grids.
    let gridCount: Int
    /// Fixed centre unit per grid (police posts), or nil to let centres move.
    let centres: [Int32]?
    /// Land too light to be a grid: it follows its anchor's grid and never places a grid itself.
    var light: LightComponents? = nil

    /// Number of nearest centres a unit is compared against (through its current centre).
    static let candidateCount = 10
    /// Largest centre move, as a share of a mean cell's side, at which the centres count as settled.
    static let settledShift = 0.003

    /// Runs bisection and the power-diagram iterations.
    /// - Parameter axis: direction (cos θ, sin θ) of the first bisection axis; varies between starts.
    /// - Complexity: O(n log n log K + iterations · n · candidateCount + K²).
    func run(axis: (Double, Double), outerIterations: Int = 80, innerIterations: Int = 6) -> [Int32] {
        let n = graph.unitCount
        let k = gridCount
        var assignment: [Int32]
        var cx = [Double](repeating: 0, count: k)
        var cy = [Double](repeating: 0, count: k)
        if let centres {
            for g in 0..<k {
                cx[g] = graph.x[Int(centres[g])]
                cy[g] = graph.y[Int(centres[g])]
            }
            assignment = nearestCentre(cx: cx, cy: cy)
            followAnchors(&assignment)
        } else {
            assignment = bisection(axis: axis)
            areaCentroids(assignment, &cx, &cy)
        }
        guard k > 1, n > k else { return finish(assignment, cx: cx, cy: cy) }
        let totalArea = graph.area.reduce(0, +)
        let cellArea = max(totalArea / Double(k), 1e-9)
        let totalWeight = graph.weight.reduce(0, +)
        let mean = totalWeight / Double(k)
        var alpha = [Double](repeating: 0, count: k)
        var w = [Double](repeating: 0, count: k)
        var a = [Double](repeating: 0, count: k)
        // Centres stop moving long before the iteration cap on most inputs: once no centre moved
        // more than `settled` metres, one last (longer) round of weight balancing finishes.
        let settled = PowerDiagramStart.settledShift * cellArea.squareRoot()
        var last = false
        for outer in 0..<outerIterations {
            last = last || outer == outerIterations - 1
            let near = nearestCentres(cx: cx, cy: cy)
            let l = min(k, PowerDiagramStart.candidateCount)
            let rounds = last ? innerIterations * 3 : innerIterations
            for round in 0..<rounds {
                for u in 0..<n {
                    if let centres, centres[Int(assignment[u])] == Int32(u) { continue }
                    let g = Int(assignment[u])
                    let x = graph.x[u]
                    let y = graph.y[u]
                    var best = g
                    var bestCost = Double.infinity
                    for c in 0..<l {
                        let h = Int(near[g * l + c])
                        let dx = x - cx[h]
                        let dy = y - cy[h]
                        let cost = dx * dx + dy * dy - alpha[h]
                        if cost < bestCost {
                            bestCost = cost
                            best = h
                        }
                    }
                    assignment[u] = Int32(best)
                }
                followAnchors(&assignment)
                guard mean > 0 else { continue }
                for g in 0..<k {
                    w[g] = 0
                    a[g] = 0
                }
                for u in 0..<n {
                    w[Int(assignment[u])] += graph.weight[u]
                    a[Int(assignment[u])] += graph.area[u]
                }
                // Shifting a cell's boundary by δ changes α by about 2·(centre distance)·δ, and its
                // area by about perimeter·δ: the step that corrects a weight fraction f is about
                // (2/π)·f·A_g. Sizing it by the cell's own area (not the mean cell) keeps small cells
                // of a dense core from oscillating while large rural cells still move.
                let damping = 0.3 / (1 + 0.1 * Double(round))
                for g in 0..<k {
                    let cell = min(max(a[g], 0.02 * cellArea), cellArea)
                    alpha[g] += damping * cell * (mean - w[g]) / mean
                }
            }
            if last { break }
            if centres == nil {
                let (px, py) = (cx, cy)
                areaCentroids(assignment, &cx, &cy)
                var shift = 0.0
                for g in 0..<k {
                    let dx = cx[g] - px[g]
                    let dy = cy[g] - py[g]
                    shift = max(shift, dx * dx + dy * dy)
                }
                last = shift < settled * settled
            }
        }
        return finish(assignment, cx: cx, cy: cy)
    }

    /// Fills empty grids, then puts light land back with its anchors.
    private func finish(_ assignment: [Int32], cx: [Double], cy: [Double]) -> [Int32] {
        var result = fillEmpty(assignment, cx: cx, cy: cy)
        followAnchors(&result)
        return result
    }

    /// Puts every unit of light land in its anchor's grid.
    private func followAnchors(_ assignment: inout [Int32]) {
        guard let light, light.lightCount > 0 else { return }
        for u in 0..<graph.unitCount where light.isLight[u] {
            assignment[u] = assignment[Int(light.anchor[u])]
        }
    }

    /// Gives every empty grid the unit nearest its centre taken from a grid with several units.
    private func fillEmpty(_ start: [Int32], cx: [Double], cy: [Double]) -> [Int32] {
        var assignment = start
        var count = [Int](repeating: 0, count: gridCount)
        for g in assignment { count[Int(g)] += 1 }
        var taken = [Bool](repeating: false, count: graph.unitCount)
        if let centres { for c in centres { taken[Int(c)] = true } }
        if let light { for u in 0..<graph.unitCount where light.isLight[u] { taken[u] = true } }
        for g in 0..<gridCount where count[g] == 0 {
            var best = -1
            var bestDistance = Double.infinity
            for u in 0..<graph.unitCount where !taken[u] && count[Int(assignment[u])] > 1 {
                let dx = graph.x[u] - cx[g]
                let dy = graph.y[u] - cy[g]
                let d = dx * dx + dy * dy
                if d < bestDistance {
                    bestDistance = d
                    best = u
                }
            }
            guard best >= 0 else { continue }  // fewer units than grids
            count[Int(assignment[best])] -= 1
            assignment[best] = Int32(g)
            count[g] = 1
            taken[best] = true
        }
        return assignment
    }

    /// Area centroid of each grid's units outside light land (grids without such area keep their
    /// previous centre).
    private func areaCentroids(_ assignment: [Int32], _ cx: inout [Double], _ cy: inout [Double]) {
        var sa = [Double](repeating: 0, count: gridCount)
        var sx = sa
        var sy = sa
        for u in 0..<graph.unitCount where light?.isLight[u] != true {
            let g = Int(assignment[u])
            let a = max(graph.area[u], 1e-12)
            sa[g] += a
            sx[g] += a * graph.x[u]
            sy[g] += a * graph.y[u]
        }
        for g in 0..<gridCount where sa[g] > 0 {
            cx[g] = sx[g] / sa[g]
            cy[g] = sy[g] / sa[g]
        }
    }

    /// For every centre, its `candidateCount` nearest centres (itself first), flattened.
    /// - Complexity: O(K² · candidateCount).
    private func nearestCentres(cx: [Double], cy: [Double]) -> [Int32] {
        let k = gridCount
        let l = min(k, PowerDiagramStart.candidateCount)
        var result = [Int32](repeating: 0, count: k * l)
        var dist = [Double](repeating: 0, count: l)
        for g in 0..<k {
            var filled = 0
            for h in 0..<k {
                let dx = cx[h] - cx[g]
                let dy = cy[h] - cy[g]
                let d = h == g ? -1 : dx * dx + dy * dy
                if filled < l {
                    var i = filled
                    while i > 0, dist[i - 1] > d {
                        dist[i] = dist[i - 1]
                        result[g * l + i] = result[g * l + i - 1]
                        i -= 1
                    }
                    dist[i] = d
                    result[g * l + i] = Int32(h)
                    filled += 1
                } else if d < dist[l - 1] {
                    var i = l - 1
                    while i > 0, dist[i - 1] > d {
                        dist[i] = dist[i - 1]
                        result[g * l + i] = result[g * l + i - 1]
                        i -= 1
                    }
                    dist[i] = d
                    result[g * l + i] = Int32(h)
                }
            }
        }
        return result
    }

    /// Every unit's nearest centre, by brute force (used once, with fixed centres).
    private func nearestCentre(cx: [Double], cy: [Double]) -> [Int32] {
        var assignment = [Int32](repeating: 0, count: graph.unitCount)
        for u in 0..<graph.unitCount {
            var best = 0
            var bestDistance = Double.infinity
            for g in 0..<gridCount {
                let dx = graph.x[u] - cx[g]
                let dy = graph.y[u] - cy[g]
                let d = dx * dx + dy * dy
                if d < bestDistance {
                    bestDistance = d
                    best = g
                }
            }
            assignment[u] = Int32(best)
        }
        if let centres { for (g, c) in centres.enumerated() { assignment[Int(c)] = Int32(g) } }
        return assignment
    }

    /// Recursive coordinate bisection: splits the units along the longer (rotated) axis at the
    /// weight share of each side's grid count.
    /// - Complexity: O(n log n log K).
    private func bisection(axis: (Double, Double)) -> [Int32] {
        let n = graph.unitCount
        var assignment = [Int32](repeating: 0, count: n)
        // Light land is carried by its anchor: it adds its weight there and is placed afterwards.
        var weight = graph.weight
        var order = Array(0..<Int32(n))
        if let light, light.lightCount > 0 {
            for u in 0..<n where light.isLight[u] { weight[Int(light.anchor[u])] += weight[u] }
            order = order.filter { !light.isLight[Int($0)] }
        }
        let m = order.count
        let norm = max((axis.0 * axis.0 + axis.1 * axis.1).squareRoot(), 1e-300)
        let c = norm > 1e-300 ? axis.0 / norm : 1
        let s = norm > 1e-300 ? axis.1 / norm : 0
        let px = (0..<n).map { c * graph.x[$0] + s * graph.y[$0] }
        let py = (0..<n).map { -s * graph.x[$0] + c * graph.y[$0] }
        let useCount = graph.weight.reduce(0, +) <= 0
        var stack: [(lo: Int, hi: Int, k: Int, base: Int)] = [(0, m, gridCount, 0)]
        while let (lo, hi, k, base) = stack.popLast() {
            if k == 1 || hi - lo <= 1 {
                for i in lo..<hi { assignment[Int(order[i])] = Int32(base) }
                continue
            }
            var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
            for i in lo..<hi {
                let u = Int(order[i])
                minX = min(minX, px[u]); maxX = max(maxX, px[u])
                minY = min(minY, py[u]); maxY = max(maxY, py[u])
            }
            let key = maxX - minX >= maxY - minY ? px : py
            order[lo..<hi].sort { key[Int($0)] < key[Int($1)] || (key[Int($0)] == key[Int($1)] && $0 < $1) }
            let k1 = k / 2
            var total = 0.0
            for i in lo..<hi { total += useCount ? 1 : weight[Int(order[i])] }
            let target = total * Double(k1) / Double(k)
            let count = hi - lo
            let minSplit = lo + min(k1, count / 2)
            let maxSplit = hi - min(k - k1, count - count / 2)
            var cumulative = 0.0
            var split = lo
            var bestGap = Double.infinity
            for i in lo...hi {
                if i >= minSplit, i <= maxSplit, abs(cumulative - target) < bestGap {
                    bestGap = abs(cumulative - target)
                    split = i
                }
                if i < hi { cumulative += useCount ? 1 : weight[Int(order[i])] }
            }
            stack.append((lo, split, k1, base))
            stack.append((split, hi, k - k1, base + k1))
        }
        followAnchors(&assignment)
        return assignment
    }
}
