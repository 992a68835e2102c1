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
    /// With `--barriers`: the share of the grid's boundary with other grids of its station that lies on a
    /// barrier line (partition) or within the barrier distance (evaluate); 0 when it has no such boundary.
    var barrierShare: Double?
}
