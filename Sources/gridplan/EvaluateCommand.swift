import ArgumentParser
import GridIO
import GridPlan

/// `gridplan evaluate --grids FILE --grid-id FIELD [options]`: score an existing grid map.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score an existing grid map with the same metrics as partition.",
        discussion: """
            Writes report.json and report.html: weight per grid and its spread (coefficient of variation, deviation \
            from the mean), compactness, parts per grid, points outside every grid, overlaps, and with --boundary the \
            gaps; with --previous, the share of the weight whose grid changed.
            """)

    @Option(help: "The grid map: GeoJSON Polygon/MultiPolygon features.")
    var grids: String
    @Option(help: "Property naming each grid; features sharing a value are one grid.")
    var gridID: String
    @Option(help: "Property of the grid features naming their sub-jurisdiction; deviation is then relative to its mean.")
    var boundaryID: String?
    @Option(help: "Workload points: \(PartitionOptions.pointFormats) (the first layer).")
    var points: String?
    @Option(help: "Weight field of the points (repeatable); the first is the primary weight. Default: every point weighs 1.")
    var weight: [String] = []
    @Option(help: "Point property or CSV column holding the point id.")
    var idField: String?
    @Option(help: "Jurisdiction boundary, to measure gaps and grid area outside it.")
    var boundary: String?
    @Option(help: "An earlier grid map (e.g. grids.geojson) to compare with.")
    var previous: String?
    @Option(help: "Property naming the earlier map's grids (default: --grid-id if present there, else grid_id).")
    var previousID: String?
    @Option(help: "CRS of the grid map only (overrides --input-crs).")
    var gridsCRS: String?
    @Option(help: "Metric CRS for geometry (default auto: UTM zone of the centre).")
    var workCRS: String = "auto"
    @Option(help: "Lines the grid edges are scored against (streets, railways, rivers): GeoJSON lines or polygon outlines; repeatable.")
    var barriers: [String] = []
    @Option(help: "Interior grid boundary within this many metres of a barrier counts as following it (default 25).")
    var barrierDistance: Double = 25
    @Option(help: "Relative deviation shown as the tolerance band (default 0.05).")
    var tolerance: Double = 0.05
    @OptionGroup var reading: InputReadingOptions
    @Option(help: "Output folder.")
    var out: String
    @Flag(help: "Replace gridplan outputs already in --out.")
    var force = false
    @OptionGroup var flags: ConsoleFlags

    func run() throws {
        var config = EvaluateConfig(gridsPath: grids, gridIdField: gridID, outputPath: out)
        config.boundaryIdField = boundaryID
        config.pointsPath = points
        config.weightFields = weight
        config.idField = idField
        config.boundaryPath = boundary
        config.previousPath = previous
        config.previousIdField = previousID
        config.gridsCRS = gridsCRS
        config.workCRS = workCRS
        config.toleranceFraction = tolerance
        config.barrierPaths = barriers
        config.barrierDistanceMetres = barrierDistance
        config.force = force
        let reading = self.reading
        config.inputCRS = reading.inputCRS
        config.boundaryCRS = reading.boundaryCRS
        config.pointsCRS = reading.pointsCRS
        config.barriersCRS = reading.barriersCRS
        try flags.run(
            configure: { () throws(PlanOptions.Failure) in
                var c = config
                c.inputFormat = try reading.resolve { (_: String) throws(PlanOptions.Failure) -> String? in nil }
                return c
            }, pipeline: EvaluatePipeline.run, lines: \.summary)
    }
}
