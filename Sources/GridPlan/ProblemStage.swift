import Foundation
import GridGeometry
import GridModel
import GridOptimizer

/// Police posts given with `--centers`: the unit each lies in, grouped by jurisdiction.
struct Centers {
    /// Unit of each centre, in grid order (jurisdiction 0's centres first, then input order).
    var units: [UnitID]
    /// Centres per jurisdiction: this fixes K there.
    var perJurisdiction: [Int]
}

/// The optimization problem and the earlier plan it was posed with.
struct PosedProblem {
    var problem: PartitionProblem
    var previous: PreviousPlan?
}

/// Stage `graph`: places the police posts in their units, labels the units with the earlier plan,
/// shares the grids among jurisdictions and builds the unit graph the optimizer works on.
struct ProblemStage {
    let context: PartitionContext
    let names: JurisdictionNames
    private var config: PartitionConfig { context.config }

    static func run(
        _ a: Aggregated, units: BuiltUnits, projected: ProjectedInputs, earlier: EarlierMap?, _ context: PartitionContext
    ) throws(PipelineError) -> PosedProblem {
        try context.stage("graph", nil) { () throws(PipelineError) -> PosedProblem in
            let stage = ProblemStage(context: context, names: projected.names)
            var centers: Centers?
            if let file = projected.centers {
                centers = try stage.placeCenters(file, units: units, jurisdictionCount: projected.jurisdictions.count)
            }
            var previous: PreviousPlan?
            if let earlier {
                previous = try PreviousPlan.label(earlier, units: units.set, workCRS: projected.workCRS, context: context)
            }
            let problem = try stage.makeProblem(a, units: units, centers: centers, previous: previous)
            return PosedProblem(problem: problem, previous: previous)
        }
    }

    /// Places each centre (work CRS) in its unit and checks that they can anchor distinct grids.
    private func placeCenters(_ file: PointFile, units: BuiltUnits, jurisdictionCount: Int) throws(PipelineError) -> Centers {
        let path = file.path, table = file.table
        let located = UnitID.located(
            try context.geometry(path) { () throws(GeometryError) in
                try context.engine.assignPoints(x: table.x, y: table.y, units: units.set, lattice: units.lattice)
            })
        var firstAt: [UnitID: Int] = [:]  // lookups only
        var placed: [UnitID] = []
        var perJurisdiction = Array(repeating: 0, count: jurisdictionCount)
        for i in 0..<table.count {
            guard let u = located[i] else {
                throw .data("\(path): centre \(i) lies outside the boundary (\(file.location(of: i)))")
            }
            if let other = firstAt[u] {
                throw .data(
                    "\(path): centres \(other) and \(i) fall in the same unit \(units.set.names[u.index]); use a smaller --cell-size or merge them (\(file.location(of: i)))"
                )
            }
            firstAt[u] = i
            placed.append(u)
            perJurisdiction[Int(units.set.jurisdiction[u.index])] += 1
        }
        for j in 0..<jurisdictionCount where perJurisdiction[j] == 0 {
            throw .data("\(path): \(names.label(j)) has no centre; every sub-jurisdiction needs at least one")
        }
        let order = (0..<table.count).sorted {
            let ja = units.set.jurisdiction[placed[$0].index], jb = units.set.jurisdiction[placed[$1].index]
            return ja != jb ? ja < jb : $0 < $1
        }
        return Centers(units: order.map { placed[$0] }, perJurisdiction: perJurisdiction)
    }

    /// Shares the grids among jurisdictions and builds the unit graph.
    private func makeProblem(
        _ a: Aggregated, units: BuiltUnits, centers: Centers?, previous: PreviousPlan?
    ) throws(PipelineError) -> PartitionProblem {
        // Real lengths for every kind of unit; street blocks add each link's metres off the barrier lines.
        let set = units.graphSet
        let jCount = Int((set.jurisdiction.max() ?? -1) + 1)
        var jWeight = Array(repeating: 0.0, count: jCount)
        var jArea = Array(repeating: 0.0, count: jCount)
        var jUnits = Array(repeating: 0, count: jCount)
        for u in set.area.indices {
            let j = Int(set.jurisdiction[u])
            jWeight[j] += a.unitWeights[0][u]
            jArea[j] += set.area[u]
            jUnits[j] += 1
        }
        // One line for all stations without weight (a points file covering a few stations of a county).
        let empty = (0..<jCount).filter { jWeight[$0] <= 0 }
        if let first = empty.first {
            let listed = empty.prefix(5).map { names.label($0) }.joined(separator: ", ") + (empty.count > 5 ? ", …" : "")
            context.warn(
                Diagnostic(
                    code: .jurisdictionNoWeight, file: config.pointsPath ?? config.unitsPath ?? "",
                    location: names.label(first),
                    message: "\(empty.count) of \(jCount) station area(s) hold no weight (\(listed)): each gets one grid (or its share by area), balanced by area",
                    count: empty.count))
        }
        let perJurisdiction: [Int]
        if let centers {
            perJurisdiction = centers.perJurisdiction
            let k = perJurisdiction.reduce(0, +)
            if let asked = config.gridCount, asked != k {
                throw PipelineError.usage(
                    "--grids \(asked) disagrees with the \(k) centres in \(config.centersPath ?? ""); leave --grids out")
            }
        } else if let k = config.gridCount {
            guard k >= jCount else {
                throw PipelineError.usage("--grids \(k) is fewer than the \(jCount) sub-jurisdictions (every one needs a grid)")
            }
            perJurisdiction = GridApportionment.largestRemainder(total: k, weights: jWeight, fallback: jArea)
        } else {
            perJurisdiction = GridApportionment.forTarget(config.targetWeight ?? 1, weights: jWeight)
        }
        for j in 0..<jCount where perJurisdiction[j] > jUnits[j] {
            throw PipelineError.data(
                "\(config.boundaryPath): \(names.label(j)) gets \(perJurisdiction[j]) grids but has only \(jUnits[j]) units; use a smaller --cell-size or fewer --grids"
            )
        }
        let locked = try lockedLabels(previous)
        context.announce("graph", "\(set.area.count) units, \(set.neighbors.count / 2) adjacencies, \(perJurisdiction.reduce(0, +)) grids")
        do throws(PartitionError) {
            // The optimizer sees lengths and positions to 0.1 mm and areas to the cm²: the same map read
            // in another CRS (a Shapefile in Gauss-Krüger, GeoJSON in WGS84) differs by nanometres after a
            // round trip through PROJ, and such noise must not decide between equal hexagon edges or tied
            // moves. A sliver smaller than the step keeps its own value.
            let quantized = { (v: [Double]) in v.map { v in ((v * 1e4).rounded() / 1e4).nonZero(or: v) } }
            var graph = try UnitGraph(
                offsets: set.offsets, neighbors: set.neighbors, sharedLength: quantized(set.sharedLength),
                weights: a.unitWeights, area: quantized(set.area), perimeter: quantized(set.perimeter),
                centroidX: quantized(set.centroidX), centroidY: quantized(set.centroidY),
                jurisdiction: set.jurisdiction, jurisdictionCount: jCount)
            graph.cutLength = units.graphCutLength.map(quantized)
            var problem = PartitionProblem(
                graph: graph, gridsPerJurisdiction: perJurisdiction,
                toleranceFraction: config.toleranceFraction, seed: config.seed)
            problem.timeLimitSeconds = config.timeLimitSeconds
            problem.threads = config.workerThreads
            problem.centerUnits = centers?.units.map(\.rawValue)
            problem.previousGrid = previous?.unitLabel.map { Int32($0) }
            problem.lockedLabels = locked
            problem.weightNames = a.weightNames
            // Street blocks: the pieces of a split block may move to a neighbouring grid together.
            problem.blockOfUnit = units.blocks?.block
            problem.weightTolerances = a.weightNames.dropFirst().map { name in
                config.weightTolerances.first { $0.name == name }?.fraction
            }
            return problem
        } catch {
            throw PipelineError.internalFailure("unit graph rejected by the optimizer: \(error)")
        }
    }

    /// The earlier plan's labels of the `--lock` grid ids.
    /// - Throws: `PipelineError.data` naming the `--previous` file when an id is not one of its grids.
    private func lockedLabels(_ previous: PreviousPlan?) throws(PipelineError) -> [Int32] {
        guard !config.lockedGridIDs.isEmpty, let previous else { return [] }
        var labels: [Int32] = []
        for id in config.lockedGridIDs {
            guard let label = previous.gridIDs.firstIndex(of: id) else {
                let some = previous.gridIDs.prefix(5).joined(separator: ", ") + (previous.gridIDs.count > 5 ? ", …" : "")
                throw PipelineError.data(
                    "\(config.previousPath ?? ""): --lock \(id) is not a grid of the earlier map (its grids: \(some))")
            }
            if !labels.contains(Int32(label)) { labels.append(Int32(label)) }
        }
        return labels
    }
}

extension Double {
    /// Self, or `original` when self is zero.
    fileprivate func nonZero(or original: Double) -> Double { self == 0 ? original : self }
}
