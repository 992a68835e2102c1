import GridGeometry
import GridModel

/// The planner's own unit polygons (`--units`), cut to the station areas with gaps and overlaps
/// resolved; what was repaired, dropped or filled becomes warnings naming the units file.
struct GivenUnitSource: UnitSource {
    var units: GivenUnits
    var file: String

    var summary: String { "using \(units.shapes.count) given units" }

    func units(_ request: UnitRequest, context: PartitionContext) throws(PipelineError) -> BuiltUnits {
        do throws(GeometryError) {
            let set = try context.engine.givenUnits(
                units.shapes, names: units.names, jurisdictions: request.jurisdictions, snapMetres: 0.5)
            return BuiltUnits(
                set: set, lattice: nil, cellSizeMetres: nil, description: "\(set.area.count) given units",
                diagnostics: GivenUnitsWarnings.diagnostics(set.givenUnitsReport, file: file, featureIndex: units.featureIndex))
        } catch {
            throw .geometry(error, file: file)
        }
    }
}

/// Turns what `givenUnits` dropped, clipped and filled into warnings a GIS clerk can act on.
enum GivenUnitsWarnings {
    /// - Parameters:
    ///   - featureIndex: input feature of each given unit (the report's source indices index this).
    static func diagnostics(_ r: GivenUnitsReport, file: String, featureIndex: [Int]) -> [Diagnostic] {
        func feature(_ source: Int32) -> String {
            let i = Int(source)
            return "first at feature \(featureIndex.indices.contains(i) ? featureIndex[i] : i)"
        }
        func km2(_ m2: Double) -> String { Format.fixed(m2 / 1e6, 4) + " km²" }
        var out: [Diagnostic] = []
        if let first = r.outsideSources.first {
            out.append(
                Diagnostic(
                    code: .unitOutsideBoundary, file: file, location: feature(first),
                    message: "\(r.outsideSources.count) unit(s) lie outside the boundary (or repeat an earlier unit) and were left out",
                    count: r.outsideSources.count))
        }
        if let first = r.repairedSources.first {
            out.append(
                Diagnostic(
                    code: .unitRepaired, file: file, location: feature(first),
                    message: "\(r.repairedSources.count) invalid unit polygon(s) made valid", count: r.repairedSources.count))
        }
        if r.clippedArea > 0 {
            out.append(
                Diagnostic(code: .unitClipped, file: file, message: "\(km2(r.clippedArea)) of units outside the boundary clipped away"))
        }
        if r.overlapArea > 0 {
            out.append(
                Diagnostic(
                    code: .unitOverlap, file: file, message: "\(km2(r.overlapArea)) covered by two or more units given to the first of them"
                ))
        }
        if r.gapCount > 0 {
            out.append(
                Diagnostic(
                    code: .unitGapFilled, file: file,
                    message:
                        "\(r.gapCount) gap(s) between units (\(km2(r.gapArea)), largest \(km2(r.largestGapArea))) given to the neighbouring unit sharing most boundary",
                    count: r.gapCount))
        }
        if r.borderSliverCount > 0 {
            out.append(
                Diagnostic(
                    code: .unitBorderSliver, file: file,
                    message:
                        "\(r.borderSliverCount) sliver(s) of units across a station border (\(km2(r.borderSliverArea))) left to the other side",
                    count: r.borderSliverCount))
        }
        if r.detachedPartCount > 0 {
            out.append(
                Diagnostic(
                    code: .unitPartDetached, file: file,
                    message: "\(r.detachedPartCount) detached part(s) of units (\(km2(r.detachedPartArea))) given to their neighbours",
                    count: r.detachedPartCount))
        }
        if let first = r.splitSources.first {
            out.append(
                Diagnostic(
                    code: .unitSplit, file: file, location: feature(first),
                    message:
                        "\(r.splitSources.count) unit(s) in several parts (exclaves, or cut by a station border) became one unit per part",
                    count: r.splitSources.count))
        }
        if r.uncoveredArea > 0 {
            out.append(
                Diagnostic(
                    code: .unitsDoNotCover, file: file,
                    message: "\(km2(r.uncoveredArea)) of the boundary is covered by no unit and belongs to no grid"))
        }
        return out
    }
}
