import GridGeometry
import GridIO
import GridModel

/// points.csv, made and staged on a thread of its own while the write stage builds the other files.
///
/// A plain Sendable value: the points (their ids), their lon/lat (converted ahead, `WriteAhead`),
/// each point's unit and each unit's `grid_id`.
struct PointsOutput: Sendable {
    var points: PointTable
    var lonLat: BackgroundWork<Result<WriteAhead.LonLat, GeometryError>>
    var pointUnit: [UnitID?]
    /// `grid_id` of each unit's grid.
    var unitGridIDs: [String]
    /// Where to stage the file, and the path to name in messages.
    var stagingFile: String
    var targetFile: String
    /// Whether the caller needs lon/lat back (GeoPackage, Shapefile, workbook).
    var keepLonLat: Bool

    /// Formats points.csv and writes it (flushed) at `stagingFile`; returns the lon/lat (7-decimal
    /// rounding happens in the writers) when `keepLonLat`, else empty arrays.
    func run() -> Result<WriteAhead.LonLat, PipelineError> {
        let lon: [Double], lat: [Double]
        switch lonLat.value() {
        case .success(let converted): (lon, lat) = converted
        case .failure(let error): return .failure(.geometry(error, file: "points.csv"))
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
