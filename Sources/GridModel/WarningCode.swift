/// Every warning gridplan can give, once. The raw values are part of the `report.json` contract
/// (`input.warnings[].code`) and are printed by the CLI: never rename one.
public enum WarningCode: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // Readers (GridIO).
    case geometryEmpty = "GEOMETRY_EMPTY"
    case geometryNull = "GEOMETRY_NULL"
    case ringClosed = "RING_CLOSED"
    case weightMissing = "WEIGHT_MISSING"
    case geometrySkipped = "GEOMETRY_SKIPPED"
    case coordinateMissing = "COORDINATE_MISSING"
    case encodingAssumed = "ENCODING_ASSUMED"
    case pointIDReused = "POINT_ID_REUSED"
    // Writers.
    case shapefileFieldRenamed = "SHAPEFILE_FIELD_RENAMED"
    case outputSnapped = "OUTPUT_SNAPPED"
    // Coordinate reference systems.
    case crsFromFile = "CRS_FROM_FILE"
    case crsOverridden = "CRS_OVERRIDDEN"
    case crsSuspectGCJ02 = "CRS_SUSPECT_GCJ02"
    case coordinatesSwappedSuspect = "COORDINATES_SWAPPED_SUSPECT"
    // Boundary and jurisdictions.
    case polygonRepaired = "POLYGON_REPAIRED"
    case jurisdictionOverlap = "JURISDICTION_OVERLAP"
    case boundaryGapFilled = "BOUNDARY_GAP_FILLED"
    case jurisdictionNoWeight = "JURISDICTION_NO_WEIGHT"
    // Points.
    case pointDuplicate = "POINT_DUPLICATE"
    case pointOutsideBoundary = "POINT_OUTSIDE_BOUNDARY"
    case pointFarFromBoundary = "POINT_FAR_FROM_BOUNDARY"
    case pointOutsideGrids = "POINT_OUTSIDE_GRIDS"
    // Given units.
    case unitOutsideBoundary = "UNIT_OUTSIDE_BOUNDARY"
    case unitRepaired = "UNIT_REPAIRED"
    case unitClipped = "UNIT_CLIPPED"
    case unitOverlap = "UNIT_OVERLAP"
    case unitGapFilled = "UNIT_GAP_FILLED"
    case unitBorderSliver = "UNIT_BORDER_SLIVER"
    case unitPartDetached = "UNIT_PART_DETACHED"
    case unitSplit = "UNIT_SPLIT"
    case unitsDoNotCover = "UNITS_DO_NOT_COVER"
    case weightOutsideBoundary = "WEIGHT_OUTSIDE_BOUNDARY"
    // Plans.
    case previousPlanRelaxed = "PREVIOUS_PLAN_RELAXED"
    case lockedGridOutsideTolerance = "LOCKED_GRID_OUTSIDE_TOLERANCE"
    case latticeChanged = "LATTICE_CHANGED"
    case gridNotContiguous = "GRID_NOT_CONTIGUOUS"
    case gridFeaturesMerged = "GRID_FEATURES_MERGED"

    public var description: String { rawValue }
}
