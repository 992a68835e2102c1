import GridIO
import GridModel

/// The files of the built-in sample: `boundary.geojson`, `points.csv` and `plan.yml`.
public enum SampleFiles {
    /// File name and content of each sample file, in a fixed order.
    public static func make(_ county: SampleCounty, grids: Int = 60) -> [(name: String, bytes: [UInt8])] {
        let features = county.stations.enumerated().map { i, station in
            OutputFeature(
                id: i + 1,
                properties: [("station", .string(station.name)), ("station_code", .string("0\(i + 1)"))],
                geometry: station.shape)
        }
        let boundary = GeoJSONWriter.featureCollection(features, name: "boundary")
        let rows = county.points.map { p in
            [p.id, fixed7(p.lon), fixed7(p.lat), String(p.population), String(p.incidents)]
        }
        let points = CSVWriter.write(header: ["id", "lon", "lat", "population", "incidents"], rows: rows)
        let plan = """
            # gridplan plan for the built-in sample county (made by `gridplan sample`).
            # Paths are relative to this file; options given on the command line win.
            boundary: boundary.geojson
            boundary-id: station
            points: points.csv
            id-field: id
            weight: [population, incidents]
            grids: \(grids)
            tolerance: 0.05
            code-prefix: "330802"
            seed: 1
            out: ../../out/sample

            """
        return [("boundary.geojson", boundary), ("points.csv", points), ("plan.yml", Array(plan.utf8))]
    }

    static func fixed7(_ v: Double) -> String { Format.fixed(v, 7) }
}
