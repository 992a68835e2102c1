/// The numbers reported for one grid (grids.geojson properties and report.json `grids`).
struct GridStats {
    var gridID: String
    var gridCode: String
    var jurisdiction: String
    /// Totals of every weight field, primary first.
    var weights: [Double]
    var points: Int
    var units: Int
    var areaKm2: Double
    var perimeterKm: Double
    var polsbyPopper: Double
    var deviation: Double
    var exclaves: Int
}
