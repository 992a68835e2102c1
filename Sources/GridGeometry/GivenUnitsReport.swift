/// What `GeometryEngine.givenUnits` dropped, clipped, repaired and filled to turn noisy input polygons
/// into an exact coverage of the jurisdictions. Areas are m² in the work CRS; indices are input indices.
///
/// Every field is a count or an area the pipeline can turn into a warning; all zero / empty means the
/// input already tiled the jurisdictions exactly.
public struct GivenUnitsReport: Sendable, Equatable {
    /// Vertices closer than this (metres) to another vertex or another polygon's edge are snapped onto it
    /// before noding: well above the noise of 7-decimal degrees (~1 cm), well below anything drawn.
    public static let vertexSnapMetres = 0.05
    /// Inputs that gave no unit: empty, wholly outside every jurisdiction, or wholly covered by lower-index
    /// inputs (duplicates). Ascending.
    public var outsideSources: [Int32] = []
    /// Inputs that were not valid polygons and were made valid (GEOS MakeValid, structure method). Ascending.
    public var repairedSources: [Int32] = []
    /// Input area lying outside every jurisdiction, clipped away (area covered by several inputs counted once).
    public var clippedArea = 0.0
    /// Pieces of inputs across a jurisdiction border thinner than the snap tolerance (digitising noise): not
    /// made units; their area went to the neighbours on the other side of the border.
    public var borderSliverCount = 0
    public var borderSliverArea = 0.0
    /// Area covered by two or more inputs; each overlap went to the input with the lowest index.
    public var overlapArea = 0.0
    /// Gaps inside a jurisdiction covered by no input (faces of the noded linework), each given whole to the
    /// unit of the same jurisdiction it shares most boundary with: how many, their total and largest area.
    public var gapCount = 0
    public var gapArea = 0.0
    public var largestGapArea = 0.0
    /// Detached minor parts of single-polygon inputs (left over after overlaps went to a lower index), given to
    /// the neighbour they share most boundary with: how many and their total area.
    public var detachedPartCount = 0
    public var detachedPartArea = 0.0
    /// Jurisdiction area no unit could take (a gap touching no unit of its jurisdiction): not covered by units.
    public var uncoveredArea = 0.0
    /// Inputs whose area in one jurisdiction is in several parts (genuine multi-polygons, e.g. an exclave):
    /// each part is its own unit ("<id>_<k>", largest part first), so that every unit is one polygon. Ascending.
    public var splitSources: [Int32] = []

    public init() {}

    /// True when nothing was dropped, clipped, repaired or filled.
    public var isClean: Bool { self == GivenUnitsReport() }
}
