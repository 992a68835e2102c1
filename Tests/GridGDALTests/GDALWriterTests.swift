import Foundation
import GridGDAL
import GridIO
import GridModel
import Testing

@Suite("GDAL writer", .enabled(if: GDALFixtures.ogrinfo != nil, "gdal-bin (ogrinfo) checks the written files"))
struct GDALWriterTests {
    func square(_ x: Double) -> MultiPolygon {
        MultiPolygon(Polygon(rings: [[x, 28.9, x + 0.01, 28.9, x + 0.01, 28.91, x, 28.91, x, 28.9]]))
    }

    var grids: VectorLayer {
        VectorLayer(
            name: "grids",
            features: [
                OutputFeature(
                    id: 1,
                    properties: [
                        ("grid_id", .string("府山-01")), ("jurisdiction", .string("府山街道")), ("weight", .number(12.5)), ("points", .int(3)),
                        ("polsby_popper", .number(0.61)), ("perimeter_km", .number(4.4)), ("居民户数合计", .number(2)),
                    ], geometry: square(118.8)),
                OutputFeature(
                    id: 2,
                    properties: [
                        ("grid_id", .string("府山-02")), ("jurisdiction", .string("府山街道")), ("weight", .number(11)), ("points", .int(2)),
                        ("polsby_popper", .number(0.58)), ("perimeter_km", .number(4.1)), ("居民户数合计", .number(5)),
                    ], geometry: square(118.81)),
            ])
    }

    var points: VectorLayer {
        VectorLayer(
            name: "points", fieldNames: ["point_index", "id", "grid_id"],
            rows: [[.int(0), .string("甲1"), .string("府山-01")], [.int(1), .string("乙2"), .null]],
            shapes: .points(x: [118.801, 118.9], y: [28.901, 29.0]))
    }

    @Test("one GeoPackage with grids and points: ogrinfo silent, every feature and field back through GDALReader")
    func geoPackage() throws {
        let dir = try GDALFixtures.folder("wgpkg")
        let path = dir + "/plan.gpkg"
        try GDALWriter.writeGeoPackage(path: path, layers: [grids, points])
        let info = try GDALFixtures.run(GDALFixtures.ogrinfo, ["-ro", "-al", "-so", path])
        #expect(!info.contains("Warning") && !info.contains("ERROR"), "\(info)")
        #expect(info.contains("Layer name: grids") && info.contains("Layer name: points"))
        let back = try GDALReader.readFeatures(path: path, options: GDALReadOptions(layer: "grids"))
        #expect(back.features.count == 2 && back.crs == "EPSG:4326")
        #expect(back.features[0].properties.map(\.name) == grids.fieldNames)
        #expect(back.features[1][property: "grid_id"] == .string("府山-02") && back.features[1][property: "居民户数合计"] == .number(5))
        let pts = try GDALReader.readPoints(path: path, fields: GDALPointFields(idField: "id", weightFields: []), options: GDALReadOptions(layer: "points"))
        #expect(pts.points.ids == ["甲1", "乙2"] && pts.points.x == [118.801, 118.9])
        #expect(!FileManager.default.fileExists(atPath: dir + "/.plan.gpkg.partial-\(getpid()).gpkg"))
    }

    @Test("a Shapefile in UTF-8 with .cpg and .prj; documented short names; a long Chinese name is renamed and reported, never cut mid-character")
    func shapefile() throws {
        let dir = try GDALFixtures.folder("wshp")
        let notes = try GDALWriter.writeShapefile(folder: dir, layer: grids)
        #expect(try String(contentsOfFile: dir + "/grids.cpg", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "UTF-8")
        #expect(try String(contentsOfFile: dir + "/grids.prj", encoding: .utf8).contains("WGS_1984"))
        #expect(notes.map(\.code) == [.shapefileFieldRenamed] && notes[0].message.contains("居民户数合计 → 居民户"), "\(notes)")
        let info = try GDALFixtures.run(GDALFixtures.ogrinfo, ["-ro", "-al", dir + "/grids.shp"])
        #expect(!info.contains("Warning") && !info.contains("ERROR"), "\(info)")
        let back = try GDALReader.readFeatures(path: dir + "/grids.shp")
        #expect(back.diagnostics.isEmpty && back.crs == "EPSG:4326")
        #expect(back.features.map { $0[property: "grid_id"] } == [.string("府山-01"), .string("府山-02")])
        #expect(back.features[0].properties.map(\.name) == ["grid_id", "juris", "weight", "points", "pp", "perim_km", "居民户"])
        #expect(back.features[0][property: "juris"] == .string("府山街道"))
    }

    @Test("Shapefile field names fit 10 bytes: fixed short forms, cut at characters, suffixed when taken")
    func fieldNames() {
        let (names, renamed) = ShapefileFields.names(for: ["grid_id", "polsby_popper", "incidents_2023", "incidents_2024", "面积平方公里"])
        #expect(names == ["grid_id", "pp", "incidents_", "incident_2", "面积平"])
        #expect(renamed.map(\.from) == ["incidents_2023", "incidents_2024", "面积平方公里"])
        #expect(names.allSatisfy { $0.utf8.count <= 10 })
    }
}
