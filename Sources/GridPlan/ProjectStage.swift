import GridGeometry
import GridModel

/// The inputs in the work CRS (metres), boundaries repaired and merged per jurisdiction.
struct ProjectedInputs {
    var workCRS: String
    /// One shape per jurisdiction, in metres.
    var jurisdictions: [MultiPolygon]
    var jurisdictionAreas: [Double]
    /// Points in metres (same order and weights as read).
    var points: PointTable
    /// The `--units` polygons in metres, when given.
    var givenUnits: GivenUnits?
    /// Police posts (`--centers`) in metres, with their file (for messages).
    var centers: PointFile?
    /// Sub-jurisdiction names in output order.
    var names: JurisdictionNames
    /// The points file (for messages) and the CRSs the boundary and points were read in (for hints).
    var pointsFile: PointFile
    var boundaryCRS: String
    var pointsCRS: String
    /// Holes of the station areas' union, and which were filled (`--fill-gaps`).
    var gaps = StationGaps()
    /// Barrier lines and areas in metres (`--barriers`, `--hard-barriers`); nil without them.
    var barriers: BarrierLayers?
}

/// The `--units` polygons in the work CRS, repaired, with their names and weights.
struct GivenUnits {
    var shapes: [MultiPolygon]
    var names: [String]
    /// Input feature index of each given unit.
    var featureIndex: [Int]
    /// Weights carried by given units (when there are no points): [k][unit].
    var weights: [[Double]]?
}

/// Stage `project`: checks coordinate ranges, chooses the work CRS and projects every input into it,
/// boundaries repaired and merged per jurisdiction.
struct ProjectStage {
    let context: PartitionContext
    private var config: PartitionConfig { context.config }
    private var engine: GeometryEngine { context.engine }

    static func run(_ raw: RawInputs, _ context: PartitionContext) throws(PipelineError) -> ProjectedInputs {
        try context.stage("project", "projecting to a metric CRS") { () throws(PipelineError) -> ProjectedInputs in
            try ProjectStage(context: context).project(raw)
        }
    }

    private func project(_ raw: RawInputs) throws(PipelineError) -> ProjectedInputs {
        try checkCoordinates(raw)
        let workCRS = try context.workCRS(
            config.workCRS, shapes: raw.jurisdictions.parts.flatMap { $0 }, crs: raw.boundaryCRS,
            file: config.boundaryPath)
        var shapes = try mergedJurisdictions(raw.jurisdictions, crs: raw.boundaryCRS, workCRS: workCRS)
        if shapes.count > 1 {
            shapes = try resolveOverlaps(shapes, names: raw.jurisdictions.names)
        }
        let gaps: StationGaps
        (shapes, gaps) = try fillGaps(shapes, names: raw.jurisdictions.names)
        var areas: [Double] = []
        for shape in shapes {
            areas.append(try context.geometry(config.boundaryPath) { () throws(GeometryError) in try engine.area(shape) })
        }
        var points = raw.points.table
        if points.count > 0 {
            try context.geometry(config.pointsPath ?? "") { () throws(GeometryError) in
                try engine.transform(x: &points.x, y: &points.y, from: raw.pointsCRS, to: workCRS, threads: config.workerThreads)
            }
        }
        var result = ProjectedInputs(
            workCRS: workCRS, jurisdictions: shapes, jurisdictionAreas: areas, points: points,
            names: JurisdictionNames(raw.jurisdictions.names, codes: raw.jurisdictions.codes), pointsFile: raw.points,
            boundaryCRS: raw.boundaryCRS, pointsCRS: raw.pointsCRS, gaps: gaps)
        if var centers = raw.centers {
            try context.geometry(centers.file.path) { () throws(GeometryError) in
                try engine.transform(x: &centers.file.table.x, y: &centers.file.table.y, from: centers.crs, to: workCRS)
            }
            result.centers = centers.file
        }
        if let units = raw.units, let unitsPath = config.unitsPath {
            try projectUnits(units.features, crs: units.crs, workCRS: workCRS, file: unitsPath, into: &result)
        }
        if !raw.barriers.isEmpty {
            result.barriers = try BarrierProjection.project(raw.barriers, workCRS: workCRS, context: context)
        }
        return result
    }

    /// Every boundary part and every point within the range of its declared CRS.
    private func checkCoordinates(_ raw: RawInputs) throws(PipelineError) {
        for (j, parts) in raw.jurisdictions.parts.enumerated() {
            for (p, shape) in parts.enumerated() {
                try CoordinateCheck.checkShape(
                    shape, crs: raw.boundaryCRS, file: config.boundaryPath,
                    feature: raw.jurisdictions.featureIndices[j][p])
            }
        }
        if config.pointsPath != nil {
            try CoordinateCheck.checkPoints(raw.points, crs: raw.pointsCRS)
        }
    }

    /// One shape per jurisdiction in the work CRS: its features projected, repaired and merged; a
    /// jurisdiction of zero area stops the run.
    private func mergedJurisdictions(_ jurisdictions: Jurisdictions, crs: String, workCRS: String) throws(PipelineError)
        -> [MultiPolygon]
    {
        var shapes: [MultiPolygon] = []
        for (j, parts) in jurisdictions.parts.enumerated() {
            var repaired: [MultiPolygon] = []
            for (p, part) in parts.enumerated() {
                let feature = jurisdictions.featureIndices[j][p]
                repaired.append(try context.project(part, from: crs, to: workCRS, file: config.boundaryPath, feature: feature))
            }
            let merged: MultiPolygon
            do {
                merged = repaired.count == 1 ? repaired[0] : try engine.union(repaired)
                let area = try engine.area(merged)
                guard area > 0 else {
                    let name = jurisdictions.names[j]
                    throw PipelineError.data(
                        "\(config.boundaryPath): \(name.isEmpty ? "the boundary" : "jurisdiction \(name)") has zero area")
                }
            } catch let e as GeometryError {
                throw PipelineError.geometry(e, file: config.boundaryPath)
            } catch let e as PipelineError {
                throw e
            } catch {
                throw PipelineError.internalFailure("\(error)")
            }
            shapes.append(merged)
        }
        return shapes
    }

    /// Station areas that overlap by digitising slivers (under 1% of the smaller one) give the overlap to
    /// the first in order, with a warning; larger overlaps stop the run naming both.
    private func resolveOverlaps(_ shapes: [MultiPolygon], names: [String]) throws(PipelineError) -> [MultiPolygon] {
        do throws(GeometryError) {
            let labels = names.map { $0.isEmpty ? "the boundary" : $0 }
            let r = try engine.resolveOverlaps(shapes, names: labels, maxShare: 0.01)
            // Overlaps below the digitising threshold are noise: one line for all of them.
            let threshold = config.fillGapsSquareMetres
            let small = r.overlapArea.filter { $0.2 > 0 && $0.2 < threshold }
            if let first = small.first {
                context.warn(
                    Diagnostic(
                        code: .jurisdictionOverlap, file: config.boundaryPath, location: "\(labels[first.0]) / \(labels[first.1])",
                        message: "\(small.count) overlap(s) between station areas under \(Format.area(threshold)) (digitising noise; \(Format.area(small.reduce(0) { $0 + $1.2 })) in all, largest \(Format.area(small.map { $0.2 }.max() ?? 0))) each stay with the first station of the pair",
                        count: small.count))
            }
            for (a, b, area) in r.overlapArea where area >= threshold && area > 0 {
                context.warn(
                    Diagnostic(
                        code: .jurisdictionOverlap, file: config.boundaryPath, location: "\(labels[a]) / \(labels[b])",
                        message: "\(labels[a]) and \(labels[b]) overlap by \(Format.area(area)); the overlap stays with \(labels[a])"
                    ))
            }
            return r.shapes
        } catch {
            throw PipelineError.data("\(config.boundaryPath): \(error.message)")
        }
    }

    /// Holes of the station areas' union below `--fill-gaps` go to the station sharing most boundary with
    /// them (digitising gaps between hand-drawn polygons); larger holes (enclaves, lakes) stay.
    private func fillGaps(_ shapes: [MultiPolygon], names: [String]) throws(PipelineError) -> ([MultiPolygon], StationGaps) {
        let threshold = config.fillGapsSquareMetres
        let r = try context.geometry(config.boundaryPath) { () throws(GeometryError) in
            try engine.fillGaps(shapes, maxFillArea: threshold)
        }
        let filled = r.gaps.filled
        if filled.count > 0 {
            context.warn(
                Diagnostic(
                    code: .boundaryGapFilled, file: config.boundaryPath,
                    message: "\(filled.count) hole(s) under \(Format.area(threshold)) between or inside the station areas (\(Format.area(filled.totalArea)) in all, largest \(Format.area(filled.largestArea))) filled into the station sharing most boundary; \(r.gaps.all.count - filled.count) larger hole(s) kept (--fill-gaps sets the threshold)",
                    count: filled.count))
        }
        return (r.stations, r.gaps)
    }

    private func projectUnits(
        _ features: [Feature], crs: String, workCRS: String, file: String, into result: inout ProjectedInputs
    ) throws(PipelineError) {
        var shapes: [MultiPolygon] = []
        var names: [String] = []
        var featureIndex: [Int] = []
        var weights = Array(repeating: [Double](), count: config.weightFields.count)
        let weightsFromUnits = config.pointsPath == nil
        // A field no unit has is a misspelt name, not a gap in one unit: name what the units have.
        if let field = config.unitIdField { try PipelineError.requireProperty(field, option: "--unit-id", file: file, features: features) }
        for field in weightsFromUnits ? config.weightFields : [] {
            try PipelineError.requireProperty(field, option: "--weight", file: file, features: features)
        }
        var seen: [String: Int] = [:]
        for f in features {
            guard let geometry = f.geometry else { continue }
            guard let shape = geometry.multiPolygon else {
                throw PipelineError.data("\(file): feature \(f.index) is a point; units must be polygons (line \(f.line))")
            }
            try CoordinateCheck.checkShape(shape, crs: crs, file: file, feature: f.index)
            var name = "U\(f.index)"
            if let field = config.unitIdField {
                guard let text = f[property: field]?.text, !text.isEmpty else {
                    throw PipelineError.data("\(file): feature \(f.index) has no value for --unit-id \(field) (line \(f.line))")
                }
                name = text
            }
            if let first = seen[name] {
                throw PipelineError.data("\(file): feature \(f.index) repeats unit id \(name) of feature \(first)")
            }
            seen[name] = f.index
            if weightsFromUnits {
                for (k, field) in config.weightFields.enumerated() {
                    weights[k].append(try Self.unitWeight(f, field: field, file: file))
                }
            }
            shapes.append(try context.project(shape, from: crs, to: workCRS, file: file, feature: f.index))
            names.append(name)
            featureIndex.append(f.index)
        }
        guard !shapes.isEmpty else { throw PipelineError.data("\(file): no polygon units") }
        result.givenUnits = GivenUnits(
            shapes: shapes, names: names, featureIndex: featureIndex, weights: weightsFromUnits ? weights : nil)
    }

    private static func unitWeight(_ f: Feature, field: String, file: String) throws(PipelineError) -> Double {
        switch f[property: field] {
        case .number(let v) where v.isFinite && v >= 0:
            return v
        case .string(let s):
            if let v = Double(s), v.isFinite, v >= 0,
                s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" })
            {
                return v
            }
            throw PipelineError.data("\(file): feature \(f.index) has a non-numeric \(field): \"\(s)\" (line \(f.line))")
        case .null, .none:
            throw PipelineError.data("\(file): feature \(f.index) has no \(field) (line \(f.line))")
        default:
            throw PipelineError.data("\(file): feature \(f.index) has an invalid \(field) (negative or not a number) (line \(f.line))")
        }
    }
}
