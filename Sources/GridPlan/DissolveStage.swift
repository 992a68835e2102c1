import GridGeometry
import GridModel

/// The grids as shapes (metres) with their statistics, in output order.
struct DissolvedGrids {
    var numbering: GridNumbering
    /// Shape per output position, metres.
    var shapes: [MultiPolygon]
    /// Stats per output position.
    var stats: [GridStats]
    /// What moved since `--previous`.
    var changes: PlanChanges?
    /// With `--barriers`: share of the interior boundary between grids of one station on a barrier line.
    var barrierShare: Double?
    /// Grids with more parts than the optimizer declared islands, counted by the write stage on the
    /// shapes as written (which also sets each grid's `exclaves` from them); 0 until then.
    var splitGrids = 0
}

/// How a new plan differs from an earlier one.
struct PlanChanges {
    /// "unit_id" or "location": how units were matched to the earlier plan.
    var method: String
    /// The units that changed grid, in all and per new grid.
    var moved: UnitChanges
    /// Per new grid (optimizer index): its earlier id ("" for a new grid).
    var earlierID: [String]
    /// New grids that kept an earlier grid's id, and how many grids the earlier plan had.
    var keptGrids: Int
    var earlierGrids: Int
}

/// Stage `dissolve`: merges each grid's units into one shape, numbers the grids (keeping earlier ids
/// with `--previous`) and measures them.
enum DissolveStage {
    static func run(
        units: BuiltUnits, solution: Solution, aggregated a: Aggregated, names: JurisdictionNames, _ context: PartitionContext
    ) throws(PipelineError) -> DissolvedGrids {
        let r = solution.result
        let k = r.gridJurisdiction.count
        let config = context.config
        return try context.stage("dissolve", "dissolving units into \(k) grids") { () throws(PipelineError) -> DissolvedGrids in
            let pieces: [(shape: MultiPolygon, area: Double, perimeter: Double)]
            do throws(GeometryError) {
                pieces = try context.engine.dissolve(units: units.set, assignment: r.assignment, gridCount: k, threads: config.workerThreads)
            } catch {
                throw PipelineError.internalFailure("dissolving grids: \(error.message)")
            }
            var numbering = numberGrids(units: units, solution: solution)
            let (earlierCode, changes) = adoptEarlier(
                &numbering, solution: solution, weights: a.unitWeights[0], areas: units.set.area, names: names)
            let codes = gridCodes(numbering: numbering, earlier: earlierCode, solution: solution, names: names, prefix: config.codePrefix ?? "")
            var unitCount = Array(repeating: 0, count: k), pointCount = unitCount
            for u in 0..<solution.gridOfUnit.count {
                unitCount[solution.gridOfUnit[u].index] += 1
                pointCount[solution.gridOfUnit[u].index] += a.pointsPerUnit[u]
            }
            let share = units.blocks?.barrierShare(assignment: r.assignment, gridCount: k)
            var shapes: [MultiPolygon] = []
            var stats: [GridStats] = []
            for g in numbering.order {
                let j = Int(r.gridJurisdiction[g])
                let piece = pieces[g]
                let weights = (0..<a.weightNames.count).map { r.gridWeights.indices.contains($0) ? r.gridWeights[$0][g] : 0 }
                let mean = solution.meanWeight[j]
                let id = numbering.ids[g]
                stats.append(
                    GridStats(
                        gridID: id,
                        gridCode: codes[g],
                        jurisdiction: names.name(j),
                        weights: weights, points: pointCount[g], units: unitCount[g],
                        areaKm2: piece.area / 1e6, perimeterKm: piece.perimeter / 1000,
                        polsbyPopper: Compactness.polsbyPopper(area: piece.area, perimeter: piece.perimeter),
                        deviation: mean > 0 ? (weights[0] - mean) / mean : 0,
                        exclaves: max(0, piece.shape.polygons.count - 1),
                        barrierShare: share.map { $0.share(g) }))
                shapes.append(piece.shape)
            }
            return DissolvedGrids(
                numbering: numbering, shapes: shapes, stats: stats, changes: changes,
                barrierShare: share.map(\.share))
        }
    }

    /// Grid numbering by sub-jurisdiction and position: centroids area-weighted over the units, rows of
    /// the mean grid's size.
    private static func numberGrids(units: BuiltUnits, solution: Solution) -> GridNumbering {
        let k = solution.result.gridJurisdiction.count
        var cx = Array(repeating: 0.0, count: k), cy = cx, area = cx
        for u in 0..<solution.gridOfUnit.count {
            let g = solution.gridOfUnit[u].index
            let w = units.set.area[u]
            cx[g] += units.set.centroidX[u] * w
            cy[g] += units.set.centroidY[u] * w
            area[g] += w
        }
        for g in 0..<k where area[g] > 0 {
            cx[g] /= area[g]
            cy[g] /= area[g]
        }
        let meanArea = area.reduce(0, +) / Double(max(1, k))
        return GridNumbering(
            jurisdiction: solution.result.gridJurisdiction, centroidX: cx, centroidY: cy, bandHeight: meanArea.squareRoot())
    }

    /// `grid_code` per optimizer grid: the earlier plan's code where the grid kept one; else, with
    /// `--station-code`, prefix + the station's own code + a 3-digit sequence in output order (past any
    /// code the earlier plan used); else prefix + `grid_id`.
    private static func gridCodes(
        numbering: GridNumbering, earlier: [String?], solution: Solution, names: JurisdictionNames, prefix: String
    ) -> [String] {
        let jurisdiction = solution.result.gridJurisdiction
        var used = Set(earlier.compactMap { $0 })
        if let previous = solution.previous { used.formUnion(previous.gridCodes.filter { !$0.isEmpty }) }
        var sequences: [Int32: IDSequence] = [:]
        var codes = numbering.ids.map { prefix + $0 }
        for g in numbering.order {
            if let code = earlier[g] {
                codes[g] = code
            } else if let station = names.code(Int(jurisdiction[g])) {
                var sequence = sequences[jurisdiction[g]] ?? IDSequence(prefix: prefix + station, next: 1, width: 3)
                codes[g] = sequence.take(avoiding: &used)
                sequences[jurisdiction[g]] = sequence
            }
        }
        return codes
    }

    /// With `--previous`: grids keep the earlier ids and codes of the grids they mostly were, and what moved.
    private static func adoptEarlier(
        _ numbering: inout GridNumbering, solution: Solution, weights: [Double], areas: [Double], names: JurisdictionNames
    ) -> (codes: [String?], changes: PlanChanges?) {
        let k = solution.result.gridJurisdiction.count
        guard let previous = solution.previous else { return (Array(repeating: nil, count: k), nil) }
        let label = previous.match(assignment: solution.gridOfUnit, gridCount: k, weights: weights)
        numbering.adopt(
            earlier: label.map { $0 >= 0 ? previous.gridIDs[$0] : nil }, jurisdiction: solution.result.gridJurisdiction,
            everyEarlier: previous.gridIDs, stationCode: names.code)
        let codes = label.map { $0 >= 0 && !previous.gridCodes[$0].isEmpty ? previous.gridCodes[$0] : nil }
        let changes = PlanChanges(
            method: previous.method,
            moved: previous.changes(assignment: solution.gridOfUnit, gridLabel: label, weights: weights, areas: areas),
            earlierID: label.map { $0 >= 0 ? previous.gridIDs[$0] : "" }, keptGrids: label.filter { $0 >= 0 }.count,
            earlierGrids: previous.gridIDs.count)
        return (codes, changes)
    }
}
