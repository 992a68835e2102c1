extension Partitioner {
    /// Solves a problem with locked grids: the units of every locked previous grid keep that grid
    /// exactly; the other units are partitioned into the remaining grids of their jurisdiction
    /// (balanced among themselves, previous plan kept where it can be), around the locked ones.
    ///
    /// Grids of a jurisdiction come in the order: the re-balanced grids, then its locked grids by
    /// label. Balance (deviation, within tolerance, notes) is that of the re-balanced grids against
    /// their own mean; a note says how far each locked grid is from the whole jurisdiction's mean
    /// (they are kept as they are, whatever their weight).
    /// - Throws: `PartitionError.invalidProblem` when locks do not fit the previous plan or the grid
    ///   counts.
    static func solveWithLocks(_ problem: PartitionProblem) throws(PartitionError) -> PartitionResult {
        let graph = problem.graph
        let n = graph.unitCount
        let jurisdictions = graph.jurisdictionCount
        guard let previous = problem.previousGrid else {
            throw .invalidProblem("lockedLabels needs previousGrid: a locked grid is a grid of the previous plan")
        }
        let lockedSet = Set(problem.lockedLabels)
        let (lockedPerJurisdiction, freeGrids) = try lockLayout(problem, previous: previous)
        // The sub-problem of free units; jurisdictions without free units drop out.
        var subJurisdiction = [Int32](repeating: -1, count: jurisdictions)
        var subCounts: [Int] = []
        for j in 0..<jurisdictions where freeGrids[j] > 0 {  // lockLayout: free grids exactly where free units
            subJurisdiction[j] = Int32(subCounts.count)
            subCounts.append(freeGrids[j])
        }
        var assignment = [Int32](repeating: 0, count: n)
        var gridBase = [Int](repeating: 0, count: jurisdictions + 1)
        for j in 0..<jurisdictions { gridBase[j + 1] = gridBase[j] + problem.gridsPerJurisdiction[j] }
        var gridLabels = [Int32](repeating: -1, count: gridBase[jurisdictions])
        var subResult: PartitionResult? = nil
        if !subCounts.isEmpty {
            let (units, subGraph) = try freeGraph(
                graph, free: (0..<n).map { !lockedSet.contains(previous[$0]) }, subJurisdiction: subJurisdiction,
                subCount: subCounts.count)
            var sub = PartitionProblem(
                graph: subGraph, gridsPerJurisdiction: subCounts, toleranceFraction: problem.toleranceFraction,
                seed: problem.seed)
            sub.timeLimitSeconds = problem.timeLimitSeconds
            sub.threads = problem.threads
            sub.weightTolerances = problem.weightTolerances
            sub.weightNames = problem.weightNames
            sub.previousGrid = units.map { previous[Int($0)] }
            sub.blockOfUnit = problem.blockOfUnit.map { all in units.map { all[Int($0)] } }
            let result = try solve(sub)
            // Sub-grid g of sub-jurisdiction s is grid (gridBase[j] + g − subBase[s]).
            var subBase = [Int](repeating: 0, count: subCounts.count + 1)
            for s in 0..<subCounts.count { subBase[s + 1] = subBase[s] + subCounts[s] }
            var jurisdictionOf = [Int](repeating: 0, count: subCounts.count)
            for j in 0..<jurisdictions where subJurisdiction[j] >= 0 { jurisdictionOf[Int(subJurisdiction[j])] = j }
            for (i, u) in units.enumerated() {
                let g = Int(result.assignment[i])
                let s = Int(result.gridJurisdiction[g])
                assignment[Int(u)] = Int32(gridBase[jurisdictionOf[s]] + g - subBase[s])
            }
            for g in 0..<result.gridJurisdiction.count {
                let s = Int(result.gridJurisdiction[g])
                gridLabels[gridBase[jurisdictionOf[s]] + g - subBase[s]] = result.gridPreviousLabel[g]
            }
            subResult = result
        }
        // Locked grids after the free ones of their jurisdiction.
        var lockedGrid: [Int32: Int32] = [:]
        for j in 0..<jurisdictions {
            for (i, label) in lockedPerJurisdiction[j].enumerated() {
                let g = Int32(gridBase[j] + freeGrids[j] + i)
                lockedGrid[label] = g
                gridLabels[Int(g)] = label
            }
        }
        for u in 0..<n {
            if let g = lockedGrid[previous[u]] { assignment[u] = g }
        }
        var members: [[Int32]] = Array(repeating: [], count: jurisdictions)
        for u in 0..<n { members[Int(graph.jurisdiction[u])].append(Int32(u)) }
        var result = report(
            problem: problem, assignment: assignment, gridBase: gridBase, members: members,
            links: [Int](repeating: 0, count: jurisdictions), gridLabels: gridLabels,
            iterations: subResult?.iterations ?? 0, timedOut: false, limit: 0)
        // Balance is the re-balanced grids' own (the locked ones are kept whatever they weigh).
        result.maxAbsDeviation = subResult?.maxAbsDeviation ?? 0
        result.withinTolerance = subResult?.withinTolerance ?? true
        result.maxDeviationPerWeight = subResult?.maxDeviationPerWeight ?? []
        result.notes = subResult?.notes ?? []
        result.notes += lockNotes(
            result, problem: problem, members: members, locked: lockedPerJurisdiction, lockedGrid: lockedGrid,
            freeGrids: freeGrids)
        return result
    }

    /// The locked labels of every jurisdiction (ascending) and the grids left for its other units.
    /// - Throws: `PartitionError.invalidProblem` when a label is missing, spans jurisdictions, or the
    ///   locks leave a jurisdiction's other units no grid (or grids no units).
    static func lockLayout(_ problem: PartitionProblem, previous: [Int32]) throws(PartitionError) -> ([[Int32]], [Int]) {
        guard problem.centerUnits == nil else {
            throw .invalidProblem("lockedLabels cannot be combined with centerUnits (posts)")
        }
        let graph = problem.graph
        let n = graph.unitCount
        let jurisdictions = graph.jurisdictionCount
        let lockedSet = Set(problem.lockedLabels)
        // Jurisdiction of every locked label (each must have units, all in one jurisdiction).
        var labelJurisdiction: [Int32: Int32] = [:]
        for u in 0..<n where lockedSet.contains(previous[u]) {
            let j = graph.jurisdiction[u]
            if let seen = labelJurisdiction[previous[u]], seen != j {
                throw .invalidProblem(
                    "locked grid \(previous[u]) has units in jurisdictions \(seen) and \(j); a grid lies in one jurisdiction")
            }
            labelJurisdiction[previous[u]] = j
        }
        for label in problem.lockedLabels.sorted() where labelJurisdiction[label] == nil {
            throw .invalidProblem("locked grid \(label) has no unit in the previous plan")
        }
        var lockedPerJurisdiction: [[Int32]] = Array(repeating: [], count: jurisdictions)
        for label in Array(lockedSet).sorted() {
            if let j = labelJurisdiction[label] { lockedPerJurisdiction[Int(j)].append(label) }
        }
        // Free units per jurisdiction and the grids left for them.
        var freeCount = [Int](repeating: 0, count: jurisdictions)
        for u in 0..<n where !lockedSet.contains(previous[u]) { freeCount[Int(graph.jurisdiction[u])] += 1 }
        var freeGrids = [Int](repeating: 0, count: jurisdictions)
        for j in 0..<jurisdictions {
            freeGrids[j] = problem.gridsPerJurisdiction[j] - lockedPerJurisdiction[j].count
            if freeGrids[j] < 0 || (freeGrids[j] == 0 && freeCount[j] > 0) {
                throw .invalidProblem(
                    "jurisdiction \(j) has \(problem.gridsPerJurisdiction[j]) grids and \(lockedPerJurisdiction[j].count) locked ones, leaving none for its \(freeCount[j]) other units: lock fewer grids or ask for more")
            }
            if freeGrids[j] > 0, freeCount[j] == 0 {
                throw .invalidProblem(
                    "jurisdiction \(j): every unit is in a locked grid, so its \(freeGrids[j]) other grids would be empty: ask for \(lockedPerJurisdiction[j].count) grids")
            }
        }
        return (lockedPerJurisdiction, freeGrids)
    }

    /// The units `free` marks, in ascending order, and their graph: adjacency among themselves
    /// (a locked neighbour's side becomes outer boundary), jurisdictions renumbered by
    /// `subJurisdiction`.
    static func freeGraph(
        _ graph: UnitGraph, free: [Bool], subJurisdiction: [Int32], subCount: Int
    ) throws(PartitionError) -> ([Int32], UnitGraph) {
        let n = graph.unitCount
            var subIndex = [Int32](repeating: -1, count: n)
            var units: [Int32] = []
            for u in 0..<n where free[u] {
                subIndex[u] = Int32(units.count)
                units.append(Int32(u))
            }
            var offsets: [Int32] = [0]
            var neighbors: [Int32] = []
            var shared: [Double] = []
            var cut: [Double] = []
            for u in units {
                for e in Int(graph.offsets[Int(u)])..<Int(graph.offsets[Int(u) + 1]) {
                    let v = Int(graph.neighbors[e])
                    guard subIndex[v] >= 0 else { continue }  // a locked neighbour: outer boundary now
                    neighbors.append(subIndex[v])
                    shared.append(graph.sharedLength[e])
                    if let all = graph.cutLength { cut.append(all[e]) }
                }
                offsets.append(Int32(neighbors.count))
            }
            let pick = { (values: [Double]) in units.map { values[Int($0)] } }
            var subGraph = try UnitGraph(
                offsets: offsets, neighbors: neighbors, sharedLength: shared,
                weights: graph.weights.map(pick), area: pick(graph.area), perimeter: pick(graph.perimeter),
                centroidX: pick(graph.centroidX), centroidY: pick(graph.centroidY),
                jurisdiction: units.map { subJurisdiction[Int(graph.jurisdiction[Int($0)])] },
                jurisdictionCount: subCount)
            if graph.cutLength != nil { subGraph.cutLength = cut }
        return (units, subGraph)
    }

    /// A note per jurisdiction with locked grids: how far each is from the whole jurisdiction's mean.
    static func lockNotes(
        _ result: PartitionResult, problem: PartitionProblem, members: [[Int32]], locked lockedPerJurisdiction: [[Int32]],
        lockedGrid: [Int32: Int32], freeGrids: [Int]
    ) -> [String] {
        let graph = problem.graph
        let jurisdictions = graph.jurisdictionCount
        var notes: [String] = []
        for j in 0..<jurisdictions where !lockedPerJurisdiction[j].isEmpty {
            let total = members[j].reduce(0.0) { $0 + graph.weights[0][Int($1)] }
            guard total > 0 else { continue }
            let mean = total / Double(problem.gridsPerJurisdiction[j])
            let parts = lockedPerJurisdiction[j].map { label -> String in
                let g = Int(lockedGrid[label] ?? 0)
                let deviation = (result.gridWeights[0][g] - mean) / mean * 100
                return "\(label) (\(deviation >= 0 ? "+" : "")\(rounded(deviation))%)"
            }
            let name = jurisdictions == 1 ? "the jurisdiction" : "jurisdiction \(j)"
            notes.append(
                "\(name): locked grids kept as they were: \(parts.joined(separator: ", ")) of the mean; the other \(freeGrids[j]) grids were balanced among themselves")
        }
        return notes
    }
}
