import Foundation
import GridGDAL
import GridIO
import GridModel
import Testing

@Suite("GDAL point reader", .enabled(if: GDALFixtures.ogr2ogr != nil, "gdal-bin (ogr2ogr) is needed to make the fixtures"))
struct GDALPointReaderTests {
    let fields = GDALPointFields(idField: "编号", weightFields: ["户数"])

    @Test("GeoPackage points (Arrow stream) and Shapefile points (per feature) equal the GeoJSON reader's, skips counted alike")
    func sameAsGeoJSON() throws {
        let dir = try GDALFixtures.folder("pts")
        try GDALFixtures.write(GDALFixtures.points, to: dir + "/p.geojson")
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "GPKG", dir + "/p.gpkg", dir + "/p.geojson"])
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", dir + "/p.shp", dir + "/p.geojson"])
        let reference = try GeoJSONReader.readPoints(path: dir + "/p.geojson", idField: "编号", weightFields: ["户数"])
        #expect(reference.points.count == 3)
        for path in [dir + "/p.gpkg"] {
            let r = try GDALReader.readPoints(path: path, fields: fields)
            #expect(r.points.x == reference.points.x && r.points.y == reference.points.y, "\(path)")
            #expect(r.points.ids == reference.points.ids && r.points.weights == reference.points.weights, "\(path)")
            #expect(r.points.sources == reference.points.sources, "\(path)")
            #expect(r.diagnostics.map(\.code) == reference.diagnostics.map(\.code), "\(path): \(r.diagnostics)")
            #expect(r.crs == "EPSG:4326")
        }
        // A shapefile has no null geometry row and stores a null weight as 0 unless written empty: compare what it keeps.
        let shp = try GDALReader.readPoints(path: dir + "/p.shp", fields: fields)
        #expect(shp.points.ids.first == "甲1" && shp.points.x.first == 118.801)
    }

    /// `dir/p.csv` and `dir/p.gpkg` (layer `pts`, EPSG:4326): `count` points `p0`, `p1`, … on a 0.001° lattice
    /// `columns` wide from (118, 29), with the attribute columns id, x, y and, when `weight` is given, w.
    static func pointGrid(_ dir: String, count: Int, columns: Int, weight: ((Int) -> Int)?) throws {
        var rows = weight == nil ? "id,x,y\n" : "id,w,x,y\n"
        for i in 0..<count {
            let w = weight.map { "\($0(i))," } ?? ""
            rows += "p\(i),\(w)\(118 + Double(i % columns) * 0.001),\(29 + Double(i / columns) * 0.001)\n"
        }
        try GDALFixtures.write(rows, to: dir + "/p.csv")
        try GDALFixtures.run(GDALFixtures.ogr2ogr, [
            "-f", "GPKG", dir + "/p.gpkg", dir + "/p.csv", "-oo", "X_POSSIBLE_NAMES=x", "-oo", "Y_POSSIBLE_NAMES=y", "-oo", "AUTODETECT_TYPE=YES",
            "-a_srs", "EPSG:4326", "-nln", "pts",
        ])
    }

    @Test("a million-point-style GeoPackage: Arrow and per-feature paths agree on every point (ids, weights, MultiPoint shares)")
    func arrowAgreesWithFeatures() throws {
        let dir = try GDALFixtures.folder("many")
        try Self.pointGrid(dir, count: 5000, columns: 100, weight: { $0 % 7 })
        let fast = try GDALReader.readPoints(path: dir + "/p.gpkg", fields: GDALPointFields(idField: "id", weightFields: ["w"]))
        // Through the attribute columns (per-feature path) the same values come back.
        let slow = try GDALReader.readPoints(path: dir + "/p.gpkg", fields: GDALPointFields(idField: "id", weightFields: ["w"], xField: "x", yField: "y"))
        #expect(fast.points.count == 5000 && slow.points.count == 5000)
        #expect(fast.points.x == slow.points.x && fast.points.y == slow.points.y)
        #expect(fast.points.ids == slow.points.ids && fast.points.weights == slow.points.weights)
    }

    @Test("GeoPackage points read without ids or weights, and a layer of bare points, keep every geometry (GDAL 3.6.2's stream nulls them)")
    func pointsWithoutColumns() throws {
        let dir = try GDALFixtures.folder("bare")
        try Self.pointGrid(dir, count: 300, columns: 20, weight: nil)
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "GPKG", dir + "/bare.gpkg", dir + "/p.gpkg", "-sql", "SELECT geom FROM pts", "-nln", "pts"])
        let withIDs = try GDALReader.readPoints(path: dir + "/p.gpkg", fields: GDALPointFields(idField: "id", weightFields: []))
        for path in [dir + "/p.gpkg", dir + "/bare.gpkg"] {
            let r = try GDALReader.readPoints(path: path, fields: GDALPointFields(idField: nil, weightFields: []))
            #expect(r.points.count == 300 && r.diagnostics.isEmpty, "\(path): \(r.points.count) points, \(r.diagnostics.map(\.message))")
            #expect(r.points.x == withIDs.points.x && r.points.y == withIDs.points.y, "\(path)")
        }
    }

    @Test("an Excel sheet with POINT_X,POINT_Y columns; empty coordinates skipped and counted naming the rows")
    func xlsx() throws {
        let dir = try GDALFixtures.folder("xlsx")
        try GDALFixtures.write("编号,POINT_X,POINT_Y,户数\n甲1,118.801,28.901,3\n乙2,,28.9,1\n丙3,118.83,28.91,2\n丁4,abc,28.9,1\n", to: dir + "/p.csv")
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "XLSX", dir + "/p.xlsx", dir + "/p.csv", "-oo", "AUTODETECT_TYPE=NO", "-nln", "Sheet1"])
        let r = try GDALReader.readPoints(path: dir + "/p.xlsx", fields: fields)
        #expect(r.points.ids == ["甲1", "丙3"] && r.points.x == [118.801, 118.83] && r.points.weights == [[3, 2]])
        let missing = r.diagnostics.first { $0.code == .coordinateMissing }
        #expect(missing?.count == 2 && missing?.location == "first: feature 1; feature 3", "\(r.diagnostics)")
    }

    @Test("a GeoPackage of points with a LineString: the line is skipped as GEOMETRY_SKIPPED, the points kept")
    func mixedGeometries() throws {
        let dir = try GDALFixtures.folder("mixed")
        try GDALFixtures.write(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"n":1},"geometry":{"type":"Point","coordinates":[1,2]}},
            {"type":"Feature","properties":{"n":2},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4]]}},
            {"type":"Feature","properties":{"n":3},"geometry":{"type":"MultiPoint","coordinates":[[5,6],[7,8]]}}]}
            """, to: dir + "/m.geojson")
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "GPKG", dir + "/m.gpkg", dir + "/m.geojson", "-nlt", "GEOMETRY"])
        let r = try GDALReader.readPoints(path: dir + "/m.gpkg", fields: GDALPointFields(idField: "n", weightFields: []))
        #expect(r.points.x == [1, 5, 7] && r.points.ids == ["1", "3", "3"])
        #expect(r.diagnostics.map(\.code) == [.geometrySkipped] && r.diagnostics.first?.location == "first: feature 1")
    }
}
