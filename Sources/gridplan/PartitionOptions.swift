import ArgumentParser

/// The input and planning options shared by `partition` and `validate` (everything but the output).
///
/// As in every command, an option is named after its property in kebab case (`fillGaps` is `--fill-gaps`,
/// `boundaryID` is `--boundary-id`): ArgumentParser's default, so the name is written once.
struct PartitionOptions: ParsableArguments {
    /// The point formats every command's point reader takes (the help of `--points` here and in evaluate).
    static let pointFormats =
        "GeoJSON, CSV (lon,lat / x,y / POINT_X,POINT_Y columns), Shapefile, GeoPackage, file geodatabase, KML or an Excel .xlsx sheet"

    @Argument(help: "Plan file (YAML) with the same keys as the long options.")
    var plan: String?

    @Option(help: "Jurisdiction boundary: Polygon/MultiPolygon features in GeoJSON, Shapefile (.shp, .zip), GeoPackage, file geodatabase (.gdb) or KML.")
    var boundary: String?
    @Option(help: "Property naming sub-jurisdictions (police-station areas); grids never cross them.")
    var boundaryID: String?
    @Option(help: "Workload points: \(Self.pointFormats).")
    var points: String?
    @Option(help: "Weight field (repeatable); the first is balanced within --tolerance. Default: every point weighs 1.")
    var weight: [String] = []
    @Option(help: "Point property or CSV column copied to points.csv as id.")
    var idField: String?
    @Option(help: "Unit polygons to use instead of hexagons (villages, communities, blocks).")
    var units: String?
    @Option(help: "Property naming the given units.")
    var unitID: String?
    @Option(help: "Hexagon size in metres (distance between opposite edges). Default: chosen from the data.")
    var cellSize: Double?
    @Option(help: "Digitising threshold in m² (default 10000 = 1 ha): holes between or inside station areas smaller than this are filled into the neighbouring station, and smaller station overlaps are summed in one warning. 0 keeps every hole.")
    var fillGaps: Double?
    @Option(help: "Total number of grids (shared among sub-jurisdictions by weight).")
    var grids: Int?
    @Option(help: "Target weight per grid (instead of --grids).")
    var target: Double?
    @Option(help: "Allowed relative deviation of each grid's weight from its jurisdiction's mean (default 0.05).")
    var tolerance: Double?
    @Option(help: "NAME=T: makes a further --weight a hard band too, e.g. incidents=0.10 (repeatable). Default: further weights as well as possible.")
    var weightTolerance: [String] = []
    @Option(help: "CRS of the units file only.")
    var unitsCRS: String?
    @Option(help: "Lines grid edges should follow (streets, railways): GeoJSON LineString/MultiLineString/Polygon; repeatable. Units become street blocks.")
    var barriers: [String] = []
    @Option(help: "Lines or polygons no grid may cross (rivers, canals) except where a --barriers line crosses; water polygons join an adjacent grid; repeatable.")
    var hardBarriers: [String] = []
    @Option(help: "Metric CRS for geometry (default auto: UTM zone of the centroid).")
    var workCRS: String?
    @Option(help: "An earlier grid map (a units.geojson or grids.geojson, or the bureau's own Shapefile/GeoPackage): keep as much of it as balance allows.")
    var previous: String?
    @Option(help: "ID,…: with --previous, these grids keep exactly their units; the others are re-balanced around them (repeatable).")
    var lock: [String] = []
    @Option(help: "Property of the --previous map naming its grids, e.g. BEAT_NUM (default grid_id).")
    var previousID: String?
    @Option(help: "Property of the station areas holding the bureau's own station code, used in grid_code.")
    var stationCode: String?
    @Option(help: "Layer of a multi-layer --boundary file (GeoPackage, file geodatabase, KML).")
    var boundaryLayer: String?
    @Option(help: "Layer of a multi-layer --points file.")
    var pointsLayer: String?
    @Option(help: "Layer of a multi-layer --units file.")
    var unitsLayer: String?
    @Option(help: "Layer of a multi-layer --centers file.")
    var centersLayer: String?
    @Option(help: "Layer of a multi-layer --previous file.")
    var previousLayer: String?
    @OptionGroup var reading: InputReadingOptions
    @Option(help: "Points (police posts): each grid holds exactly one and grows around it; their count per sub-jurisdiction fixes K.")
    var centers: String?
    @Option(help: "Administrative code starting every grid_code, e.g. 330802.")
    var codePrefix: String?
    @Option(help: "Budget for the optimizer in seconds.")
    var timeLimit: Double?
    @Option(help: "Random seed (default 1); same inputs and seed give identical outputs.")
    var seed: UInt64?
    @Option(help: "Worker threads for the optimizer (default: the machine's cores); the result never depends on it.")
    var threads: Int?
}

/// `--out` and `--force` of `partition` and `validate` (validate checks the folder, never writes it).
struct OutputOptions: ParsableArguments {
    @Option(help: "Output folder (validate checks it as partition would, and writes nothing).")
    var out: String?
    @Flag(help: "Replace gridplan outputs already in --out.")
    var force = false
}
