import GridGeometry
import GridModel

/// Output work started as soon as its inputs exist, on the core that the single-threaded stages
/// (units, aggregate, graph) leave idle: the points' lon/lat once `project` is done, the units'
/// output shapes once `units` is done. The write stage takes the results; failures surface there,
/// in the order a sequential write would meet them. Each job has its own `GeometryEngine`.
///
/// With one thread (`--threads 1`) each job runs at once where it is started.
final class WriteAhead {
    typealias LonLat = (lon: [Double], lat: [Double])

    private let concurrent: Bool
    private(set) var pointsLonLat: BackgroundWork<Result<LonLat, GeometryError>>?
    private(set) var unitShapes: BackgroundWork<Result<OutputShapes, GeometryError>>?

    init(threads: Int) {
        concurrent = threads > 1
    }

    /// Starts converting the points (metres in `workCRS`) to lon/lat.
    @discardableResult
    func startPoints(_ points: PointTable, workCRS: String) -> BackgroundWork<Result<LonLat, GeometryError>> {
        let x = points.x, y = points.y
        let work = BackgroundWork(concurrent: concurrent) { () -> Result<LonLat, GeometryError> in
            var lon = x, lat = y
            guard !lon.isEmpty else { return .success((lon, lat)) }
            do throws(GeometryError) {
                try GeometryEngine().transform(x: &lon, y: &lat, from: workCRS, to: "EPSG:4326")
                return .success((lon, lat))
            } catch {
                return .failure(error)
            }
        }
        pointsLonLat = work
        return work
    }

    /// Starts making the units' shapes as written (lon/lat, 7 decimals, valid).
    @discardableResult
    func startUnits(_ shapes: [MultiPolygon], workCRS: String) -> BackgroundWork<Result<OutputShapes, GeometryError>> {
        let work = BackgroundWork(concurrent: concurrent) { () -> Result<OutputShapes, GeometryError> in
            do throws(GeometryError) {
                return .success(try GeometryEngine().outputShapes(shapes, from: workCRS))
            } catch {
                return .failure(error)
            }
        }
        unitShapes = work
        return work
    }

    /// Waits for the jobs started (their results are dropped): before the run ends with an error,
    /// so that no GEOS/PROJ work outlives it.
    func wait() {
        _ = pointsLonLat?.value()
        _ = unitShapes?.value()
    }
}
