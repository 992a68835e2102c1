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
    var unitShapes: [MultiPolygon]?
    var unitNames: [String]?
    /// Input feature index of each given unit.
    var unitFeatureIndex: [Int]?
    /// Weights carried by given units (when there are no points): [k][unit].
    var unitWeights: [[Double]]?
    /// Police posts (`--centers`) in metres.
    var centers: PointTable?
}

extension PartitionRun {
    /// Checks coordinate ranges, chooses the work CRS and projects everything into it.
    func project(_ raw: RawInputs) throws(PipelineError) -> ProjectedInputs {
        try times.time("project") { () throws(PipelineError) -> ProjectedInputs in
            stage("project", "projecting to a metric CRS")
            for (j, parts) in raw.jurisdictions.parts.enumerated() {
                for (p, shape) in parts.enumerated() {
                    try CoordinateCheck.checkShape(
                        shape, crs: raw.boundaryCRS, file: config.boundaryPath,
                        feature: raw.jurisdictions.featureIndices[j][p])
                }
            }
            if let pointsPath = config.pointsPath {
                try CoordinateCheck.checkPoints(raw.points, crs: raw.pointsCRS, file: pointsPath)
            }
            let workCRS = try self.workCRS(
                config.workCRS, shapes: raw.jurisdictions.parts.flatMap { $0 }, crs: raw.boundaryCRS,
                file: config.boundaryPath)
            var shapes: [MultiPolygon] = []
            var areas: [Double] = []
            for (j, parts) in raw.jurisdictions.parts.enumerated() {
                var repaired: [MultiPolygon] = []
                for (p, part) in parts.enumerated() {
                    let feature = raw.jurisdictions.featureIndices[j][p]
                    let projected = try transform(part, from: raw.boundaryCRS, to: workCRS, file: config.boundaryPath)
                    repaired.append(try repair(projected, file: config.boundaryPath, feature: feature))
                }
                let merged: MultiPolygon
                do {
                    merged = repaired.count == 1 ? repaired[0] : try engine.union(repaired)
                    let area = try engine.area(merged)
                    guard area > 0 else {
                        let name = raw.jurisdictions.names[j]
                        throw PipelineError(
                            .data, "\(config.boundaryPath): \(name.isEmpty ? "the boundary" : "jurisdiction \(name)") has zero area")
                    }
                    areas.append(area)
                } catch let e as GeometryError {
                    throw PipelineError(geometry: e, file: config.boundaryPath)
                } catch let e as PipelineError {
                    throw e
                } catch {
                    throw PipelineError(.internalError, "\(error)")
                }
                shapes.append(merged)
            }
            if shapes.count > 1 {
                shapes = try resolveOverlaps(shapes, names: raw.jurisdictions.names)
                areas = []
                for shape in shapes {
                    do throws(GeometryError) {
                        areas.append(try engine.area(shape))
                    } catch {
                        throw PipelineError(geometry: error, file: config.boundaryPath)
                    }
                }
            }
            var points = raw.points
            do throws(GeometryError) {
                if points.count > 0 {
                    try engine.transform(x: &points.x, y: &points.y, from: raw.pointsCRS, to: workCRS)
                }
            } catch {
                throw PipelineError(geometry: error, file: config.pointsPath ?? "")
            }
            var result = ProjectedInputs(
                workCRS: workCRS, jurisdictions: shapes, jurisdictionAreas: areas, points: points)
            if var centers = raw.centers, let path = config.centersPath {
                do throws(GeometryError) {
                    try engine.transform(x: &centers.points.x, y: &centers.points.y, from: centers.crs, to: workCRS)
                } catch {
                    throw PipelineError(geometry: error, file: path)
                }
                result.centers = centers.points
            }
            if let units = raw.units, let unitsPath = config.unitsPath {
                try projectUnits(units, crs: raw.unitsCRS, workCRS: workCRS, file: unitsPath, into: &result)
            }
            return result
        }
    }

    /// Station areas that overlap by digitising slivers (under 1% of the smaller one) give the overlap to
    /// the first in order, with a warning; larger overlaps stop the run naming both.
    private func resolveOverlaps(_ shapes: [MultiPolygon], names: [String]) throws(PipelineError) -> [MultiPolygon] {
        do throws(GeometryError) {
            let labels = names.map { $0.isEmpty ? "the boundary" : $0 }
            let r = try engine.resolveOverlaps(shapes, names: labels, maxShare: 0.01)
            for (a, b, area) in r.overlapArea where area > 0 {
                warn(Diagnostic(
                    code: "JURISDICTION_OVERLAP", file: config.boundaryPath, location: "\(labels[a]) / \(labels[b])",
                    message: "\(labels[a]) and \(labels[b]) overlap by \(Format.fixed(area, 1)) m²; the overlap stays with \(labels[a])"))
            }
            return r.shapes
        } catch {
            throw PipelineError(.data, "\(config.boundaryPath): \(error.message)")
        }
    }

    func transform(_ m: MultiPolygon, from: String, to: String, file: String) throws(PipelineError) -> MultiPolygon {
        try transform([m], from: from, to: to, file: file)[0]
    }

    /// Many shapes in one PROJ call.
    func transform(_ shapes: [MultiPolygon], from: String, to: String, file: String) throws(PipelineError) -> [MultiPolygon] {
        do throws(GeometryError) {
            return try engine.transform(shapes, from: from, to: to)
        } catch {
            throw PipelineError(geometry: error, file: file)
        }
    }

    private func projectUnits(
        _ features: [Feature], crs: String, workCRS: String, file: String, into result: inout ProjectedInputs
    ) throws(PipelineError) {
        var shapes: [MultiPolygon] = []
        var names: [String] = []
        var featureIndex: [Int] = []
        var weights = Array(repeating: [Double](), count: config.weightFields.count)
        let weightsFromUnits = config.pointsPath == nil
        var seen: [String: Int] = [:]
        for f in features {
            guard let geometry = f.geometry else { continue }
            guard let shape = geometry.multiPolygon else {
                throw PipelineError(.data, "\(file): feature \(f.index) is a point; units must be polygons (line \(f.line))")
            }
            try CoordinateCheck.checkShape(shape, crs: crs, file: file, feature: f.index)
            var name = "U\(f.index)"
            if let field = config.unitIdField {
                guard let text = f[property: field]?.text, !text.isEmpty else {
                    throw PipelineError(.data, "\(file): feature \(f.index) has no value for --unit-id \(field) (line \(f.line))")
                }
                name = text
            }
            if let first = seen[name] {
                throw PipelineError(.data, "\(file): feature \(f.index) repeats unit id \(name) of feature \(first)")
            }
            seen[name] = f.index
            if weightsFromUnits {
                for (k, field) in config.weightFields.enumerated() {
                    weights[k].append(try Self.unitWeight(f, field: field, file: file))
                }
            }
            let projected = try transform(shape, from: crs, to: workCRS, file: file)
            shapes.append(try repair(projected, file: file, feature: f.index))
            names.append(name)
            featureIndex.append(f.index)
        }
        guard !shapes.isEmpty else { throw PipelineError(.data, "\(file): no polygon units") }
        result.unitShapes = shapes
        result.unitNames = names
        result.unitFeatureIndex = featureIndex
        if weightsFromUnits { result.unitWeights = weights }
    }

    private static func unitWeight(_ f: Feature, field: String, file: String) throws(PipelineError) -> Double {
        switch f[property: field] {
        case .number(let v) where v.isFinite && v >= 0:
            return v
        case .string(let s):
            if let v = Double(s), v.isFinite, v >= 0, s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" }) {
                return v
            }
            throw PipelineError(.data, "\(file): feature \(f.index) has a non-numeric \(field): \"\(s)\" (line \(f.line))")
        case .null, .none:
            throw PipelineError(.data, "\(file): feature \(f.index) has no \(field) (line \(f.line))")
        default:
            throw PipelineError(.data, "\(file): feature \(f.index) has an invalid \(field) (negative or not a number) (line \(f.line))")
        }
    }
}
