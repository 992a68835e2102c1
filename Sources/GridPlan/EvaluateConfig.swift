/// Everything `gridplan evaluate` needs: an existing grid map and what to score it against.
///
/// Paths are as the user gave them.
public struct EvaluateConfig: Sendable {
    /// The grid map: GeoJSON polygons, one or more features per grid.
    public var gridsPath: String
    /// Property of the grid features that names each grid; features sharing a value form one grid.
    public var gridIdField: String
    /// Property of the grid features naming their sub-jurisdiction (e.g. a police district); deviation
    /// is then relative to the sub-jurisdiction's mean. nil: one jurisdiction, mean over all grids.
    public var boundaryIdField: String?
    public var pointsPath: String?
    /// Weight fields; the first is the primary weight. Empty: every point weighs 1.
    public var weightFields: [String] = []
    public var idField: String?
    /// Jurisdiction boundary, for `gaps_km2` and `overlaps_km2`.
    public var boundaryPath: String?
    /// An earlier grid map (e.g. a `grids.geojson`), for `changed_weight_share`.
    public var previousPath: String?
    /// Property naming the earlier map's grids; nil: `--grid-id` when present there, else `grid_id`.
    public var previousIdField: String?
    /// CRS of all inputs; nil: each file's legacy `crs` member, else EPSG:4326.
    public var inputCRS: String?
    /// Per-file CRS declarations that override `inputCRS` for that file (as in `partition`).
    public var gridsCRS: String?
    public var pointsCRS: String?
    public var boundaryCRS: String?
    /// Encodings, coordinate columns and layers of the input files.
    public var inputFormat = InputFormatOptions()
    /// Metric CRS for geometry; "auto" = UTM zone of the grid map's centre.
    public var workCRS: String = "auto"
    /// Relative deviation drawn as the band in the histogram and counted as `within_tolerance`.
    public var toleranceFraction: Double = 0.05
    /// Barrier lines (`--barriers`): `barrier_share` is the share of the interior boundary (between grids of
    /// one sub-jurisdiction) within `barrierDistanceMetres` of them. Polygons count by their outlines.
    public var barrierPaths: [String] = []
    public var barrierDistanceMetres: Double = 25
    /// CRS of the barrier files (overrides `inputCRS` for them).
    public var barriersCRS: String?
    public var outputPath: String
    public var force: Bool = false

    public init(gridsPath: String, gridIdField: String, outputPath: String) {
        self.gridsPath = gridsPath
        self.gridIdField = gridIdField
        self.outputPath = outputPath
    }
}
