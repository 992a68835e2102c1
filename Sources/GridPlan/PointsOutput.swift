import GridGeometry
import GridIO
import GridModel

/// points.csv, made and staged on a thread of its own while the write stage builds the other files.
///
/// A plain Sendable value: the points (metres), each point's unit and each unit's `grid_id`. Its own
/// `GeometryEngine` (GEOS and PROJ contexts are per task) converts the points to lon/lat.
struct PointsOutput: Sendable {
    var points: PointTable
    var pointUnit: [UnitID?]
    /// `grid_id` of each unit's grid.
    var unitGridIDs: [String]
    var workCRS: String
    /// Where to stage the file, and the path to name in messages.
    var stagingFile: String
    var targetFile: String
    /// Whether the caller needs lon/lat back (GeoPackage, Shapefile, workbook).
    var keepLonLat: Bool

    /// Lon/lat (7-decimal rounding happens in the writers) when `keepLonLat`, else empty arrays.
    typealias LonLat = (lon: [Double], lat: [Double])

    /// Converts the points to lon/lat, formats points.csv and writes it (flushed) at `stagingFile`.
    func run() -> Result<LonLat, PipelineError> {
        var lon = points.x, lat = points.y
        if points.count > 0 {
            do throws(GeometryError) {
                try GeometryEngine().transform(x: &lon, y: &lat, from: workCRS, to: "EPSG:4326")
            } catch {
                return .failure(.geometry(error, file: "points.csv"))
            }
        }
        do throws(GridIOError) {
            try OutputFolder.writeFile(stagingFile, bytes: csv(lon: lon, lat: lat), reportedAs: targetFile)
        } catch {
            return .failure(.input(error))
        }
        return .success(keepLonLat ? (lon, lat) : ([], []))
    }

    /// Every input point in input order: point_index, id, lon, lat, grid_id (empty when excluded).
    private func csv(lon: [Double], lat: [Double]) -> [UInt8] {
        var csv = CSVRowWriter(header: GISLayers.pointFields, reservingRows: points.count)
        for i in 0..<points.count {
            csv.int(i)
            csv.text(points.ids.isEmpty ? "" : points.ids[i])
            csv.number(lon[i], decimals: 7)
            csv.number(lat[i], decimals: 7)
            csv.text(gridID(of: i) ?? "")
            csv.endRow()
        }
        return csv.bytes
    }

    /// The point's `grid_id`, nil when it was excluded.
    func gridID(of i: Int) -> String? {
        guard !pointUnit.isEmpty, let u = pointUnit[i] else { return nil }
        return unitGridIDs[u.index]
    }
}
