import GridGeometry
import GridModel

/// The planner's own unit polygons (`--units`), cut to the station areas with gaps and overlaps
/// resolved; what was repaired, dropped or filled becomes warnings naming the units file.
struct GivenUnitSource: UnitSource {
    var units: GivenUnits
    var file: String

    var summary: String { "using \(units.shapes.count) given units" }

    func units(_ request: UnitRequest, context: PartitionContext) throws(PipelineError) -> BuiltUnits {
        let set: UnitSet
        do throws(GeometryError) {
            set = try context.engine.givenUnits(
                units.shapes, names: units.names, jurisdictions: request.jurisdictions, snapMetres: 0.5)
        } catch {
            throw .geometry(error, file: file)
        }
        try Self.checkCoverage(set, file: file)
        return BuiltUnits(
            set: set, lattice: nil, cellSizeMetres: nil, description: "\(set.area.count) given units",
            diagnostics: GivenUnitsWarnings.diagnostics(set.givenUnitsReport, file: file, featureIndex: units.featureIndex))
    }
}

extension GivenUnitSource {
    /// Units are a tiling of the station areas (villages, communities) with digitising gaps at most:
    /// gaps are filled into a neighbouring unit, which would give one house footprint the whole
    /// township around it. Units that cover less than half of the station areas as given are refused.
    static func checkCoverage(_ set: UnitSet, file: String) throws(PipelineError) {
        let r = set.givenUnitsReport
        let units = set.area.reduce(0, +)
        let total = units + r.uncoveredArea
        // `gapArea` counts every gap found, the filled ones and those left uncovered.
        let given = units - max(0, r.gapArea - r.uncoveredArea)
        guard total > 0, given < 0.5 * total else { return }
        throw .data(
            "\(file): the units cover \(Format.percent(max(0, given) / total)) of the station areas (\(Format.fixed(max(0, given) / 1e6, 3)) of \(Format.fixed(total / 1e6, 3)) km²); --units takes polygons that tile the station areas, such as villages or communities, and fills only the gaps between them. Buildings or other scattered shapes carry weight: give their points with --points"
        )
    }
}

/// Turns what `givenUnits` dropped, clipped and filled into warnings a GIS clerk can act on.
enum GivenUnitsWarnings {
    /// - Parameters:
    ///   - featureIndex: input feature of each given unit (the report's source indices index this).
    static func diagnostics(_ r: GivenUnitsReport, file: String, featureIndex: [Int]) -> [Diagnostic] {
        func feature(_ sources: [Int32]) -> String {
            guard let first = sources.first.map(Int.init) else { return "" }
            return "first at feature \(featureIndex.indices.contains(first) ? featureIndex[first] : first)"
        }
        func km2(_ m2: Double) -> String { Format.fixed(m2 / 1e6, 4) + " km²" }
        // (code, occurrences, count reported, where, message): a warning is given when it occurred.
        let findings: [(WarningCode, Bool, Int, String, String)] = [
            (
                .unitOutsideBoundary, !r.outsideSources.isEmpty, r.outsideSources.count, feature(r.outsideSources),
                "\(r.outsideSources.count) unit(s) lie outside the boundary (or repeat an earlier unit) and were left out"
            ),
            (
                .unitRepaired, !r.repairedSources.isEmpty, r.repairedSources.count, feature(r.repairedSources),
                "\(r.repairedSources.count) invalid unit polygon(s) made valid"
            ),
            (.unitClipped, r.clippedArea > 0, 1, "", "\(km2(r.clippedArea)) of units outside the boundary clipped away"),
            (.unitOverlap, r.overlapArea > 0, 1, "", "\(km2(r.overlapArea)) covered by two or more units given to the first of them"),
            (
                .unitGapFilled, r.gapCount > 0, r.gapCount, "",
                "\(r.gapCount) gap(s) between units (\(km2(r.gapArea)), largest \(km2(r.largestGapArea))) given to the neighbouring unit sharing most boundary"
            ),
            (
                .unitBorderSliver, r.borderSliverCount > 0, r.borderSliverCount, "",
                "\(r.borderSliverCount) sliver(s) of units across a station border (\(km2(r.borderSliverArea))) left to the other side"
            ),
            (
                .unitPartDetached, r.detachedPartCount > 0, r.detachedPartCount, "",
                "\(r.detachedPartCount) detached part(s) of units (\(km2(r.detachedPartArea))) given to their neighbours"
            ),
            (
                .unitSplit, !r.splitSources.isEmpty, r.splitSources.count, feature(r.splitSources),
                "\(r.splitSources.count) unit(s) in several parts (exclaves, or cut by a station border) became one unit per part"
            ),
            (
                .unitsDoNotCover, r.uncoveredArea > 0, 1, "",
                "\(km2(r.uncoveredArea)) of the boundary is covered by no unit and belongs to no grid"
            ),
        ]
        return findings.filter(\.1).map { Diagnostic(code: $0.0, file: file, location: $0.3, message: $0.4, count: $0.2) }
    }
}
