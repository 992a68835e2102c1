extension Partitioner {
    /// Measures the final assignment and explains, in planner words, any miss of the tolerance.
    /// - Complexity: O(n · weights + m).
    static func report(
        problem: PartitionProblem, assignment: [Int32], gridBase: [Int], members: [[Int32]],
        links: [Int], gridLabels: [Int32], iterations: Int, timedOut: Bool, limit: Double
    ) -> PartitionResult {
        let graph = problem.graph
        let gridCount = gridBase[graph.jurisdictionCount]
        var gridJurisdiction = [Int32](repeating: 0, count: gridCount)
        for j in 0..<graph.jurisdictionCount {
            for g in gridBase[j]..<gridBase[j + 1] { gridJurisdiction[g] = Int32(j) }
        }
        let measured = measure(graph, assignment: assignment, gridCount: gridCount)
        let (gridWeights, gridAreas, pp, units, cut, exclaves) = measured
        var notes: [String] = []
        let primary = primaryBalance(
            problem, gridWeights: gridWeights[0], gridAreas: gridAreas, gridBase: gridBase, members: members,
            links: links, exclaves: exclaves, notes: &notes)
        var within = primary.within
        let maxDeviation = primary.maxDeviation
        let perWeight = [maxDeviation]
            + furtherWeights(problem, gridWeights: gridWeights, gridBase: gridBase, members: members, within: &within, notes: &notes)
        if timedOut {
            notes.append(
                "the time limit of \(rounded(limit)) s cut the search short: the plan is the best found so far and may differ between runs; raise --time-limit")
        }
        var result = PartitionResult(
            assignment: assignment, gridJurisdiction: gridJurisdiction, gridWeights: gridWeights,
            maxAbsDeviation: maxDeviation, withinTolerance: within, exclaveParts: exclaves, cutEdges: cut,
            notes: notes, iterations: iterations, gridPreviousLabel: gridLabels, gridPolsbyPopper: pp,
            gridUnitCount: units)
        result.maxDeviationPerWeight = perWeight
        return result
    }

    /// Per grid: the total of every weight, the area, graph Polsby-Popper, units and real parts
    /// beyond the first (exclaves); and the cut edges.
    /// - Complexity: O(n · weights + m).
    static func measure(_ graph: UnitGraph, assignment: [Int32], gridCount: Int) -> (
        gridWeights: [[Double]], areas: [Double], pp: [Double], units: [Int], cut: Int, exclaves: [Int]
    ) {
        let n = graph.unitCount
        var gridWeights = [[Double]](repeating: [Double](repeating: 0, count: gridCount), count: graph.weights.count)
        var area = [Double](repeating: 0, count: gridCount)
        var perimeter = [Double](repeating: 0, count: gridCount)
        var units = [Int](repeating: 0, count: gridCount)
        var cut = 0
        for u in 0..<n {
            let g = Int(assignment[u])
            for k in 0..<graph.weights.count { gridWeights[k][g] += graph.weights[k][u] }
            area[g] += graph.area[u]
            perimeter[g] += graph.perimeter[u]
            units[g] += 1
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
                let v = Int(graph.neighbors[e])
                if assignment[v] == assignment[u] {
                    perimeter[g] -= graph.sharedLength[e]
                } else if v > u {
                    cut += 1
                }
            }
        }
        let pp = (0..<gridCount).map { g in
            perimeter[g] > 0 ? 4 * Double.pi * area[g] / (perimeter[g] * perimeter[g]) : 0
        }
        // Real (link-free) parts per grid.
        let (component, _) = WorkGraph.components(n: n, offsets: graph.offsets, neighbors: sameGridNeighbours(graph, assignment))
        var partsSeen = [Bool](repeating: false, count: n)
        var parts = [Int](repeating: 0, count: gridCount)
        for u in 0..<n where !partsSeen[Int(component[u])] {
            partsSeen[Int(component[u])] = true
            parts[Int(assignment[u])] += 1
        }
        let exclaves = parts.map { max(0, $0 - 1) }

        return (gridWeights, area, pp, units, cut, exclaves)
    }

    /// The primary weight's balance per jurisdiction: whether every grid is within the tolerance
    /// and the largest deviation, with a note for every jurisdiction that misses it (and why) or
    /// reaches across island links.
    ///
    /// A jurisdiction without weight (a points file that covers some of the stations) has its grids
    /// balanced by area: it passes when their areas are within the tolerance of their mean, unless no
    /// jurisdiction carries weight at all (then nothing was balanced).
    static func primaryBalance(
        _ problem: PartitionProblem, gridWeights: [Double], gridAreas: [Double], gridBase: [Int], members: [[Int32]],
        links: [Int], exclaves: [Int], notes: inout [String]
    ) -> (within: Bool, maxDeviation: Double) {
        let graph = problem.graph
        let t = problem.toleranceFraction
        var within = true
        var maxDeviation = 0.0
        let anyWeighted = (0..<graph.jurisdictionCount).contains { j in
            (gridBase[j]..<gridBase[j + 1]).contains { gridWeights[$0] > 0 }
        }
        for j in 0..<graph.jurisdictionCount {
            let k = problem.gridsPerJurisdiction[j]
            let unitsJ = members[j]
            let total = unitsJ.reduce(0.0) { $0 + graph.weights[0][Int($1)] }
            let name = graph.jurisdictionCount == 1 ? "the jurisdiction" : "jurisdiction \(j)"
            if unitsJ.count < k {
                within = false
                notes.append(
                    "\(name) has only \(unitsJ.count) units for \(k) grids, so some grids are empty: use a smaller cell size or fewer grids")
                continue
            }
            if total <= 0 {
                let grids = gridBase[j]..<gridBase[j + 1]
                let meanArea = grids.reduce(0.0) { $0 + gridAreas[$1] } / Double(k)
                let areaDeviation = meanArea > 0 ? grids.map { abs(gridAreas[$0] - meanArea) / meanArea }.max() ?? 0 : 0
                let areaOK = areaDeviation <= t + 1e-9
                within = within && anyWeighted && areaOK
                notes.append(
                    "\(name) carries no weight (no points or all weights zero), so balance is undefined: its \(k) grids were balanced by area instead (max area deviation \(rounded(areaDeviation * 100))%)"
                        + (anyWeighted ? "" : "; check the points and the weight field"))
                continue
            }
            let mean = total / Double(k)
            var worst = 0.0
            for g in gridBase[j]..<gridBase[j + 1] {
                worst = max(worst, abs(gridWeights[g] - mean) / mean)
            }
            maxDeviation = max(maxDeviation, worst)
            let ok = worst <= t + 1e-9
            within = within && ok
            let weighted = unitsJ.filter { graph.weights[0][Int($0)] > 0 }.count
            var heaviest: Int32 = -1
            var heavyCount = 0
            for u in unitsJ where graph.weights[0][Int(u)] > (1 + t) * mean {
                heavyCount += 1
                if heaviest < 0 || graph.weights[0][Int(u)] > graph.weights[0][Int(heaviest)] { heaviest = u }
            }
            if weighted < k {
                notes.append(
                    "\(name): only \(weighted) units carry weight for \(k) grids, so some grids must be empty of weight (deviation 100%): use a smaller cell size or fewer grids")
            }
            if heaviest >= 0 {
                let w = graph.weights[0][Int(heaviest)]
                let ratio = w / ((1 + t) * mean)
                let needed = roundedUp(w / mean - 1)
                let others = heavyCount > 1 ? " (and \(heavyCount - 1) more units are over it)" : ""
                notes.append(
                    "unit \(heaviest) alone weighs \(rounded(ratio))× the upper bound of \(name) (mean \(rounded(mean)) + \(rounded(t * 100))%)\(others): use a smaller cell size or --tolerance \(needed)")
            }
            if !ok, heaviest < 0, weighted >= k {
                notes.append(
                    "\(name): the search could not bring every grid within ±\(rounded(t * 100))% (max deviation \(rounded(worst * 100))%): --tolerance \(roundedUp(worst)) accepts this plan; a smaller cell size gives finer units to balance with")
            }
            if ok, links[j] > 0 {
                let withExclaves = (gridBase[j]..<gridBase[j + 1]).filter { exclaves[$0] > 0 }.count
                if withExclaves > 0 {
                    notes.append(
                        "\(name) has \(links[j] + 1) separate pieces; \(withExclaves) grid(s) reach across the island links, holding an island too light to be a grid or land that balances a piece not a whole number of grids (reported as exclaves)")
                }
            }
        }
        return (within, maxDeviation)
    }

    /// The largest deviation of every further weight over all jurisdictions; a banded one beyond its
    /// band clears `within` and is explained per jurisdiction.
    static func furtherWeights(
        _ problem: PartitionProblem, gridWeights: [[Double]], gridBase: [Int], members: [[Int32]], within: inout Bool,
        notes: inout [String]
    ) -> [Double] {
        let graph = problem.graph
        // Further weights: deviation per weight; a banded one beyond its band is explained.
        var perWeight: [Double] = []
        for w in 1..<max(1, graph.weights.count) {
            var worstAll = 0.0
            for j in 0..<graph.jurisdictionCount {
                let k = problem.gridsPerJurisdiction[j]
                let total = (gridBase[j]..<gridBase[j + 1]).reduce(0.0) { $0 + gridWeights[w][$1] }
                guard total > 0, members[j].count >= k else { continue }
                let mean = total / Double(k)
                var worst = 0.0
                var worstGrid = gridBase[j]
                for g in gridBase[j]..<gridBase[j + 1] where abs(gridWeights[w][g] - mean) / mean > worst {
                    worst = abs(gridWeights[w][g] - mean) / mean
                    worstGrid = g
                }
                worstAll = max(worstAll, worst)
                guard w - 1 < problem.weightTolerances.count, let tw = problem.weightTolerances[w - 1],
                    worst > tw + 1e-9
                else { continue }
                within = false
                let name = graph.jurisdictionCount == 1 ? "the jurisdiction" : "jurisdiction \(j)"
                let heaviest = members[j].max { graph.weights[w][Int($0)] < graph.weights[w][Int($1)] }
                let label = w < problem.weightNames.count ? problem.weightNames[w] : "weight \(w)"
                let heavy = heaviest.map { graph.weights[w][Int($0)] > (1 + tw) * mean } ?? false
                let reason =
                    heavy
                    ? "unit \(heaviest ?? -1) alone holds more than the upper bound of \(label)"
                    : "the search could not balance it together with the primary weight"
                notes.append(
                    "\(name): \(label) is off its ±\(rounded(tw * 100))% band in grid \(worstGrid) (max deviation \(rounded(worst * 100))%): \(reason); a tolerance of \(roundedUp(worst)) for \(label) accepts this plan")
            }
            perWeight.append(worstAll)
        }
        return perWeight
    }

    /// The CSR neighbour list with every entry to another grid replaced by the unit itself, so that
    /// components of it are the grids' real parts.
    private static func sameGridNeighbours(_ graph: UnitGraph, _ assignment: [Int32]) -> [Int32] {
        var result = graph.neighbors
        for u in 0..<graph.unitCount {
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1])
            where assignment[Int(graph.neighbors[e])] != assignment[u] {
                result[e] = Int32(u)
            }
        }
        return result
    }

    /// `x` to two decimals, for messages.
    static func rounded(_ x: Double) -> String {
        "\((x * 100).rounded() / 100)"
    }

    /// `x` rounded up to two decimals (never below x), for suggested tolerances.
    static func roundedUp(_ x: Double) -> String {
        "\((x * 100 + 1e-9).rounded(.up) / 100)"
    }
}
