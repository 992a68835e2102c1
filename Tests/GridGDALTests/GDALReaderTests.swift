import Foundation
import GridGDAL
import GridIO
import GridModel
import Testing

@Suite("GDAL reader", .enabled(if: GDALFixtures.ogr2ogr != nil, "gdal-bin (ogr2ogr) is needed to make the fixtures"))
struct GDALReaderTests {
    func names(_ doc: GeoJSONDocument) -> [String] { doc.features.map { $0[property: "名称"]?.text ?? "-" } }

    /// The townships as a GBK Shapefile in EPSG:4549 (CGCS2000 3-degree GK CM 120E), as ArcGIS keeps them.
    func gbkShapefile(_ dir: String, cpg: Bool) throws -> String {
        try GDALFixtures.write(GDALFixtures.townships, to: dir + "/t.geojson")
        let shp = dir + "/镇街.shp"
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "ESRI Shapefile", "-t_srs", "EPSG:4549", "-lco", "ENCODING=GBK", shp, dir + "/t.geojson"])
        if !cpg { try FileManager.default.removeItem(atPath: dir + "/镇街.cpg") }
        return shp
    }

    @Test("a GBK Shapefile with a .cpg: Chinese names and values, EPSG:4549 from the .prj, features in order")
    func gbkWithCPG() throws {
        let dir = try GDALFixtures.folder("cpg")
        let doc = try GDALReader.readFeatures(path: try gbkShapefile(dir, cpg: true))
        #expect(names(doc) == ["七里乡", "石室乡", "府山街道"])
        #expect(doc.crs == "EPSG:4549")
        #expect(doc.diagnostics.isEmpty, "\(doc.diagnostics)")
        #expect(doc.features.map(\.index) == [0, 1, 2])
        #expect(doc.features[0][property: "人口"] == .number(1729))
        #expect(doc.features[2][property: "面积"] == .null || doc.features[2][property: "面积"] == .number(0))
        // Projected metres: easting around 500 km + offset east of 120°E is negative here (118.8°E), northing ~3.2e6.
        // A Shapefile does not tell Polygon from a one-part MultiPolygon.
        guard let m = doc.features[2].geometry?.multiPolygon else {
            Issue.record("the third township is a polygon with a hole: \(String(describing: doc.features[2].geometry))")
            return
        }
        #expect(m.polygons.count == 1 && m.polygons[0].rings.count == 2)
        let y = m.polygons[0].rings[0][1]
        #expect(y > 3.1e6 && y < 3.3e6, "northing in metres: \(y)")
    }

    @Test("a DBF without .cpg that is not UTF-8 is read as GB18030 with a warning; --encoding gbk reads it silently")
    func gbkWithoutCPG() throws {
        let dir = try GDALFixtures.folder("nocpg")
        let shp = try gbkShapefile(dir, cpg: false)
        let doc = try GDALReader.readFeatures(path: shp)
        #expect(names(doc) == ["七里乡", "石室乡", "府山街道"])
        #expect(doc.diagnostics.map(\.code) == [.encodingAssumed])
        let declared = try GDALReader.readFeatures(path: shp, options: GDALReadOptions(encoding: .gbk))
        #expect(names(declared) == ["七里乡", "石室乡", "府山街道"] && declared.diagnostics.isEmpty)
        #expect(throws: GridIOError.self) { try GDALReader.readFeatures(path: shp, options: GDALReadOptions(encoding: .utf8)) }
    }

    @Test("zipped Shapefile, GeoPackage, file geodatabase and KML give the same three townships")
    func otherFormats() throws {
        let dir = try GDALFixtures.folder("formats")
        let shp = try gbkShapefile(dir, cpg: true)
        let zip = dir + "/townships.zip"
        let parts = ["shp", "shx", "dbf", "prj", "cpg"].map { dir + "/镇街.\($0)" }
        try GDALFixtures.run(GDALFixtures.find("python3"), ["-m", "zipfile", "-c", zip] + parts)
        let reference = try GDALReader.readFeatures(path: shp)
        for (driver, name) in [("GPKG", "t.gpkg"), ("OpenFileGDB", "t.gdb"), ("LIBKML", "t.kml")] {
            try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", driver, dir + "/" + name, dir + "/t.geojson", "-nln", "townships", "-nlt", "MULTIPOLYGON"])
        }
        for path in [zip, dir + "/t.gpkg", dir + "/t.gdb", dir + "/t.kml"] {
            let doc = try GDALReader.readFeatures(path: path)
            #expect(names(doc) == names(reference), "\(path)")
            #expect(doc.features.allSatisfy { $0.geometry?.multiPolygon?.isEmpty == false }, "\(path)")
        }
        #expect(try GDALReader.readFeatures(path: zip).crs == "EPSG:4549")
        #expect(try GDALReader.readFeatures(path: dir + "/t.gpkg").crs == "EPSG:4326")
    }

    @Test("a file with several polygon layers needs the layer named, and the error lists them")
    func layerChoice() throws {
        let dir = try GDALFixtures.folder("layers")
        try GDALFixtures.write(GDALFixtures.townships, to: dir + "/t.geojson")
        let gpkg = dir + "/two.gpkg"
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "GPKG", gpkg, dir + "/t.geojson", "-nln", "stations"])
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-update", gpkg, dir + "/t.geojson", "-nln", "old_grids"])
        do {
            _ = try GDALReader.readFeatures(path: gpkg, options: GDALReadOptions(layerOption: "--boundary-layer"))
            Issue.record("two layers read without a choice")
        } catch {
            #expect(error.message.contains("stations") && error.message.contains("old_grids") && error.message.contains("--boundary-layer"), "\(error)")
        }
        let doc = try GDALReader.readFeatures(path: gpkg, options: GDALReadOptions(layer: "old_grids"))
        #expect(doc.features.count == 3)
        #expect(throws: GridIOError.self) { try GDALReader.readFeatures(path: gpkg, options: GDALReadOptions(layer: "nope")) }
    }

    @Test("an unsupported format is named with the list of supported ones; a line layer is refused naming the feature")
    func refusals() throws {
        do {
            _ = try GDALReader.readFeatures(path: "/tmp/plan.dxf")
            Issue.record("a .dxf was accepted")
        } catch {
            #expect(error.message.contains("unsupported format") && error.message.contains("GeoPackage (.gpkg)"), "\(error)")
        }
        let dir = try GDALFixtures.folder("lines")
        try GDALFixtures.write(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}]}"#,
            to: dir + "/l.geojson")
        try GDALFixtures.run(GDALFixtures.ogr2ogr, ["-f", "GPKG", dir + "/l.gpkg", dir + "/l.geojson"])
        do {
            _ = try GDALReader.readFeatures(path: dir + "/l.gpkg")
            Issue.record("a line was accepted as a polygon")
        } catch {
            #expect(error.message.contains("LINESTRING is not supported") && error.location == "feature 0", "\(error)")
        }
    }
}
