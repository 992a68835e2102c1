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
    /// Land too light to be a grid (and land the island plan moves across a link): it follows its
    /// anchor's grid and never places a grid itself. With an island plan, every grid is drawn on its
    /// own piece only (`LightComponents.gridGroup`).
    var light: LightComponents? = nil

    /// Number of nearest centres a unit is compared against (through its current centre).
    static let candidateCount = 10
    /// Largest centre move, as a share of a mean cell's side, at which the centres count as settled.
    static let settledShift = 0.003

    /// A power diagram: centre and additive weight α of every cell (a unit joins the cell of least
    /// |x − c|² − α among the candidates near its current cell). Coordinates are the work graph's,
    /// the same at every level of a multilevel solve.
    struct Diagram: Sendable {
        var cx: [Double]
        var cy: [Double]
        var alpha: [Double]
    }

    /// Runs bisection and the power-diagram iterations.
    /// - Parameter axis: direction (cos θ, sin θ) of the first bisection axis; varies between starts.
    /// - Complexity: O(n log n log K + iterations · n · candidateCount + K²).
    func run(axis: (Double, Double), outerIterations: Int = 80, innerIterations: Int = 6) -> [Int32] {
        runDiagram(axis: axis, outerIterations: outerIterations, innerIterations: innerIterations).assignment
    }

    /// `run`, also returning the diagram it settled on (to carry to a finer level, `refine`).
    func runDiagram(
        axis: (Double, Double), outerIterations: Int = 80, innerIterations: Int = 6
    ) -> (assignment: [Int32], diagram: Diagram) {
        let n = graph.unitCount
        let k = gridCount
        var assignment = bisection(axis: axis)
        var diagram = Diagram(
            cx: [Double](repeating: 0, count: k), cy: [Double](repeating: 0, count: k),
            alpha: [Double](repeating: 0, count: k))
        areaCentroids(assignment, &diagram.cx, &diagram.cy)
        guard k > 1, n > k else { return (finish(assignment, cx: diagram.cx, cy: diagram.cy), diagram) }
        let cellArea = max(graph.area.reduce(0, +) / Double(k), 1e-9)
        // Centres stop moving long before the iteration cap on most inputs: once no centre moved
        // more than `settled` metres, one last (longer) round of weight balancing finishes.
        let settled = PowerDiagramStart.settledShift * cellArea.squareRoot()
        for outer in 0..<outerIterations {
            let last = outer == outerIterations - 1
            balanceCells(&assignment, &diagram, rounds: last ? innerIterations * 3 : innerIterations)
            if last { break }
            let (px, py) = (diagram.cx, diagram.cy)
            areaCentroids(assignment, &diagram.cx, &diagram.cy)
            var shift = 0.0
            for g in 0..<k {
                let dx = diagram.cx[g] - px[g]
                let dy = diagram.cy[g] - py[g]
                shift = max(shift, dx * dx + dy * dy)
            }
            if shift < settled * settled {
                balanceCells(&assignment, &diagram, rounds: innerIterations * 3)
                break
            }
        }
        return (finish(assignment, cx: diagram.cx, cy: diagram.cy), diagram)
    }

    /// The cells of `diagram` (found on a coarser level) drawn on this graph: every unit compared
    /// with the candidates near its cell in `initial` (the projected coarse assignment), then
    /// `rounds` rounds of weight balancing with the centres fixed.
    /// - Complexity: O(rounds · n · candidateCount + K²).
    func refine(_ diagram: Diagram, initial: [Int32], rounds: Int) -> [Int32] {
        var assignment = initial
        var diagram = diagram
        guard gridCount > 1, graph.unitCount > gridCount else { return assignment }
        balanceCells(&assignment, &diagram, rounds: rounds)
        return finish(assignment, cx: diagram.cx, cy: diagram.cy)
    }

    /// `rounds` rounds of: every unit joins its cheapest candidate cell, then every cell's α moves
    /// towards the mean weight.
    func balanceCells(_ assignment: inout [Int32], _ diagram: inout Diagram, rounds: Int) {
        let n = graph.unitCount
        let k = gridCount
        let near = nearestCentres(cx: diagram.cx, cy: diagram.cy)
        let l = min(k, PowerDiagramStart.candidateCount)
        let cellArea = max(graph.area.reduce(0, +) / Double(k), 1e-9)
        let mean = graph.weight.reduce(0, +) / Double(k)
        var w = [Double](repeating: 0, count: k)
        var a = [Double](repeating: 0, count: k)
        // Within one call the centres and `near` stay fixed and only the α move, each by at most
        // `largest` per round: a unit whose cell led every other candidate by more than twice the
        // α drift since it was last compared (`lead`, `drift`) would choose its cell again, so it
        // is not compared again (1 M-point sample: the cheapest-cell pass was 8 % of the run).
        var lead = [Double](repeating: -.infinity, count: n)
        var drift = 0.0
        let slack = 1e-6 * cellArea
        for round in 0..<rounds {
            assignCheapest(&assignment, diagram, near: near, candidates: l, lead: &lead, drift: drift, slack: slack)
            if followAnchors(&assignment), let light {
                // A follower's cell is its anchor's, so its candidates may change under it.
                for u in 0..<n where light.follows[u] { lead[u] = -.infinity }
            }
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
            var largest = 0.0
            for g in 0..<k {
                let cell = min(max(a[g], 0.02 * cellArea), cellArea)
                let before = diagram.alpha[g]
                diagram.alpha[g] += damping * cell * (mean - w[g]) / mean
                largest = max(largest, abs(diagram.alpha[g] - before))
            }
            drift += 2 * largest
        }
    }

    /// Every unit joins its cheapest cell (|x − c|² − α) among the `candidates` nearest centres of
    /// its current cell (`near`), of its own piece with an island plan; ties go to the candidate
    /// listed first.
    ///
    /// A unit with `lead[u]` > `drift` is skipped: when last compared it stayed in its cell, ahead
    /// of every other candidate by `lead[u]` − (the drift then) + `slack`, and the α have since
    /// moved the costs apart by at most `drift` − (the drift then), so it would stay again. A unit
    /// compared now gets its lead (−∞ when it moved or had no rival to measure against; +∞ when
    /// its cell is its only candidate).
    /// - Complexity: O(n · candidates) at most.
    private func assignCheapest(
        _ assignment: inout [Int32], _ diagram: Diagram, near: [Int32], candidates l: Int, lead: inout [Double],
        drift: Double, slack: Double
    ) {
        let gridGroup = light?.gridGroup
        let group = light?.group
        // The centres are read through buffer pointers: three bounds checks per candidate were a
        // quarter of the diagram's instructions (every candidate is a cell index from `near`).
        precondition(diagram.cx.count == gridCount && diagram.cy.count == gridCount && diagram.alpha.count == gridCount)
        precondition(near.allSatisfy { $0 >= 0 && Int($0) < gridCount })
        diagram.cx.withUnsafeBufferPointer { cx in
            diagram.cy.withUnsafeBufferPointer { cy in
                diagram.alpha.withUnsafeBufferPointer { alpha in
                    for u in 0..<graph.unitCount where lead[u] <= drift {
                        let g = Int(assignment[u])
                        let x = graph.x[u]
                        let y = graph.y[u]
                        var best = g
                        var bestCost = Double.infinity
                        var second = Double.infinity
                        for c in 0..<l {
                            let h = Int(near[g * l + c])
                            if let gridGroup, let group, gridGroup[h] != group[u] { continue }
                            let dx = x - cx[h]
                            let dy = y - cy[h]
                            let cost = dx * dx + dy * dy - alpha[h]
                            if cost < bestCost {
                                second = bestCost
                                bestCost = cost
                                best = h
                            } else if cost < second {
                                second = cost
                            }
                        }
                        assignment[u] = Int32(best)
                        if best != g || !bestCost.isFinite {
                            lead[u] = -.infinity
                        } else {
                            lead[u] = second.isFinite ? second - bestCost - slack + drift : .infinity
                        }
                    }
                }
            }
        }
    }

    /// Fills empty grids, then puts light land back with its anchors.
    func finish(_ assignment: [Int32], cx: [Double], cy: [Double]) -> [Int32] {
        var result = fillEmpty(assignment, cx: cx, cy: cy)
        followAnchors(&result)
        return result
    }

    /// Puts every following unit (light land, land moved across a link) in its anchor's grid.
    /// - Returns: whether any unit follows an anchor.
    @discardableResult
    private func followAnchors(_ assignment: inout [Int32]) -> Bool {
        guard let light, light.lightCount > 0 || light.gridGroup != nil else { return false }
        for u in 0..<graph.unitCount where light.follows[u] {
            assignment[u] = assignment[Int(light.anchor[u])]
        }
        return true
    }

    /// Gives every empty grid the unit nearest its centre taken from a grid with several units (of
    /// its own piece, with an island plan).
    private func fillEmpty(_ start: [Int32], cx: [Double], cy: [Double]) -> [Int32] {
        var assignment = start
        var count = [Int](repeating: 0, count: gridCount)
        for g in assignment { count[Int(g)] += 1 }
        var taken = [Bool](repeating: false, count: graph.unitCount)
        if let light { for u in 0..<graph.unitCount where light.follows[u] { taken[u] = true } }
        let gridGroup = light?.gridGroup
        for g in 0..<gridCount where count[g] == 0 {
            var best = -1
            var bestDistance = Double.infinity
            for u in 0..<graph.unitCount where !taken[u] && count[Int(assignment[u])] > 1 {
                if let gridGroup, let light, light.group[u] != gridGroup[g] { continue }
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

    /// Area centroid of each grid's units that do not follow an anchor (grids without such area keep
    /// their previous centre).
    func areaCentroids(_ assignment: [Int32], _ cx: inout [Double], _ cy: inout [Double]) {
        var sa = [Double](repeating: 0, count: gridCount)
        var sx = sa
        var sy = sa
        for u in 0..<graph.unitCount where light?.follows[u] != true {
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

    /// For every centre, its `candidateCount` nearest centres (itself first, then by distance, ties
    /// to the lower index), flattened. The centres are bucketed in a square grid of about one
    /// centre per cell and searched ring by ring outwards until no unsearched cell can hold a
    /// nearer centre (1 M-point sample, 500 grids: the pairwise scan was a tenth of the diagrams).
    /// - Complexity: O(K · candidateCount²) for evenly spread centres, O(K²) at worst.
    func nearestCentres(cx: [Double], cy: [Double]) -> [Int32] {
        let k = gridCount
        let l = min(k, PowerDiagramStart.candidateCount)
        var result = [Int32](repeating: 0, count: k * l)
        guard k > 0 else { return result }
        let buckets = CentreBuckets(cx: cx, cy: cy)
        var dist = [Double](repeating: 0, count: l)
        var index = [Int32](repeating: 0, count: l)
        for g in 0..<k {
            var filled = 0
            let (col, row) = buckets.cell(cx[g], cy[g])
            var ring = 0
            while true {
                buckets.forEachInRing(col, row, ring) { h in
                    let dx = cx[h] - cx[g]
                    let dy = cy[h] - cy[g]
                    let d = h == g ? -1 : dx * dx + dy * dy
                    // Sorted insertion by (distance, index); the last drops out when full.
                    if filled == l, !(d < dist[l - 1] || (d == dist[l - 1] && Int32(h) < index[l - 1])) { return }
                    var i = min(filled, l - 1)
                    while i > 0, dist[i - 1] > d || (dist[i - 1] == d && index[i - 1] > Int32(h)) {
                        dist[i] = dist[i - 1]
                        index[i] = index[i - 1]
                        i -= 1
                    }
                    dist[i] = d
                    index[i] = Int32(h)
                    filled = min(filled + 1, l)
                }
                // Every centre in ring r + 1 or beyond is at least r cells away from g.
                let reach = Double(ring) * buckets.side
                if filled == l, reach * reach > dist[l - 1] { break }
                if ring > buckets.columns + buckets.rows { break }
                ring += 1
            }
            for i in 0..<l { result[g * l + i] = index[i] }
        }
        return result
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
        var stack: [(lo: Int, hi: Int, k: Int, base: Int)] = [(0, order.count, gridCount, 0)]
        if let light, light.lightCount > 0 || light.gridGroup != nil {
            for u in 0..<n where light.follows[u] { weight[Int(light.anchor[u])] += weight[u] }
            order = order.filter { !light.follows[Int($0)] }
            stack = [(0, order.count, gridCount, 0)]
            if let gridGroup = light.gridGroup {
                // Every piece is bisected into its own grids (a consecutive range of grid indices).
                order.sort { light.group[Int($0)] < light.group[Int($1)] || (light.group[Int($0)] == light.group[Int($1)] && $0 < $1) }
                stack = []
                var lo = 0
                var base = 0
                while base < gridCount {
                    let piece = gridGroup[base]
                    var k = 0
                    while base + k < gridCount, gridGroup[base + k] == piece { k += 1 }
                    var hi = lo
                    while hi < order.count, light.group[Int(order[hi])] == piece { hi += 1 }
                    stack.append((lo, hi, k, base))
                    lo = hi
                    base += k
                }
            }
        }
        let norm = max((axis.0 * axis.0 + axis.1 * axis.1).squareRoot(), 1e-300)
        let c = norm > 1e-300 ? axis.0 / norm : 1
        let s = norm > 1e-300 ? axis.1 / norm : 0
        let px = (0..<n).map { c * graph.x[$0] + s * graph.y[$0] }
        let py = (0..<n).map { -s * graph.x[$0] + c * graph.y[$0] }
        let useCount = graph.weight.reduce(0, +) <= 0
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
