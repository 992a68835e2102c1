import Foundation
import GridIO
import GridModel
import Testing

@Suite("GeoJSON point files")
struct GeoJSONPointTests {
    func pointFeature(_ coords: String, _ props: String, type: String = "Point") -> String {
        "{\"type\":\"Feature\",\"properties\":\(props),\"geometry\":{\"type\":\"\(type)\",\"coordinates\":\(coords)}}"
    }

    func fc(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
    }

    @Test("points stream into flat arrays with ids, weights and feature indexes")
    func basic() throws {
        let json = fc([
            pointFeature("[118.8,28.9]", "{\"pid\":\"a\",\"calls\":2,\"other\":{\"x\":[1]}}"),
            pointFeature("[118.9,29.0,12.5]", "{\"calls\":\"3.5\",\"pid\":17}"),
            pointFeature("[[1,2],[3,4]]", "{\"pid\":\"m\",\"calls\":4}", type: "MultiPoint"),
        ])
        let r = try GeoJSONReader.readPoints(bytes: utf8(json), file: "p", idField: "pid", weightFields: ["calls"])
        #expect(r.points.x == [118.8, 118.9, 1, 3])
        #expect(r.points.y == [28.9, 29.0, 2, 4])
        #expect(r.points.ids == ["a", "17", "m", "m"])
        #expect(r.points.weights == [[2, 3.5, 2, 2]])
        #expect(r.points.weightNames == ["calls"])
        #expect(r.points.sources == [0, 1, 2, 2])
        #expect(r.diagnostics.isEmpty)
    }

    @Test("without weight fields, weights are empty and ids are empty text")
    func noWeights() throws {
        let r = try GeoJSONReader.readPoints(bytes: utf8(fc([pointFeature("[1,2]", "{}")])), file: "p", idField: nil, weightFields: [])
        #expect(r.points.count == 1 && r.points.weights.isEmpty && r.points.ids == [""])
    }

    @Test("the feature id member stands in for the id field named id")
    func idMember() throws {
        let json = fc(["{\"type\":\"Feature\",\"id\":42,\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}"])
        let r = try GeoJSONReader.readPoints(bytes: utf8(json), file: "p", idField: "id", weightFields: [])
        #expect(r.points.ids == ["42"])
    }

    @Test("missing or null weights and null geometries are skipped and counted once")
    func skippedCounted() throws {
        let json = fc([
            pointFeature("[1,1]", "{\"w\":1}"),
            pointFeature("[2,2]", "{\"w\":null}"),
            pointFeature("[3,3]", "{}"),
            "{\"type\":\"Feature\",\"properties\":{\"w\":1},\"geometry\":null}",
            pointFeature("[4,4]", "null"),
        ])
        let r = try GeoJSONReader.readPoints(bytes: utf8(json), file: "p", idField: nil, weightFields: ["w"])
        #expect(r.points.count == 1)
        let codes = Dictionary(uniqueKeysWithValues: r.diagnostics.map { ($0.code, $0) })
        #expect(codes[.weightMissing]?.count == 3)
        #expect(codes[.weightMissing]?.location == "first: feature 1, line 3")
        #expect(codes[.geometryNull]?.count == 1)
    }

    @Test("negative, non-numeric and NaN-ish weights are errors naming the feature")
    func badWeights() {
        let neg = pointsError(fc([pointFeature("[1,1]", "{\"w\":1}"), pointFeature("[1,1]", "{\"w\":-2}")]), weights: ["w"])
        #expect(neg?.message.contains("negative") == true && neg?.location.hasPrefix("feature 1, line 3") == true)
        let text = pointsError(fc([pointFeature("[1,1]", "{\"w\":\"many\"}")]), weights: ["w"])
        #expect(text?.message.contains("not a finite number") == true && text?.kind == .badData)
        let nan = pointsError(fc([pointFeature("[1,1]", "{\"w\":\"NaN\"}")]), weights: ["w"])
        #expect(nan?.message.contains("not a finite number") == true)
        let inf = pointsError(fc([pointFeature("[1,1]", "{\"w\":\"inf\"}")]), weights: ["w"])
        #expect(inf?.message.contains("not a finite number") == true)
        let bool = pointsError(fc([pointFeature("[1,1]", "{\"w\":true}")]), weights: ["w"])
        #expect(bool?.message.contains("must be a number") == true)
    }

    @Test("a weight field that no feature has is an error naming the first feature's properties")
    func absentField() {
        let e = pointsError(
            fc([pointFeature("[1,1]", "null"), pointFeature("[1,1]", "{\"w\":1,\"人口\":2}"), pointFeature("[1,1]", "{\"x\":1}")]),
            weights: ["pop"])
        #expect(e?.message.contains("no feature has a value for the weight field \"pop\"; the first feature has: w, 人口") == true, "\(e?.message ?? "")")
    }

    @Test("lines and polygons in a point file are skipped and counted as GEOMETRY_SKIPPED, naming the first five; points are kept")
    func nonPointsSkipped() throws {
        let line = "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}"
        var features = [pointFeature("[1,1]", "{\"w\":1}")]
        for k in 0..<6 { features.append("{\"type\":\"Feature\",\"properties\":{\"w\":1},\"geometry\":\(k % 2 == 0 ? square : line)}") }
        features.append("{\"type\":\"Feature\",\"properties\":{\"w\":1},\"geometry\":null}")
        features.append(pointFeature("[2,2]", "{\"w\":1}"))
        let r = try GeoJSONReader.readPoints(bytes: utf8(fc(features)), file: "p.geojson", idField: nil, weightFields: ["w"])
        #expect(r.points.x == [1, 2] && r.points.sources == [0, 8])
        let skipped = try #require(r.diagnostics.first { $0.code == .geometrySkipped })
        #expect(skipped.count == 6)
        #expect(skipped.location.hasPrefix("first: feature 1, line") && skipped.location.components(separatedBy: "; ").count == 5, "\(skipped.location)")
        #expect(r.diagnostics.first { $0.code == .geometryNull }?.count == 1)
        let bare = try GeoJSONReader.readPoints(bytes: utf8(line), file: "l.geojson", idField: nil, weightFields: [])
        #expect(bare.points.count == 0 && bare.diagnostics.map(\.code) == [.geometrySkipped])
        #expect(pointsError("{\"type\":\"Circle\",\"coordinates\":[0,0]}")?.message.contains("unknown GeoJSON type \"Circle\"") == true)
    }

    @Test("a bare Point and a single Feature are point files too, with their crs")
    func bareShapes() throws {
        let bare = "{\"type\":\"Point\",\"coordinates\":[500000,3200000],\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4549\"}}}"
        let r = try GeoJSONReader.readPoints(bytes: utf8(bare), file: "p", idField: nil, weightFields: [])
        #expect(r.points.x == [500000] && r.crs == "EPSG:4549")
    }

    @Test("the path variant reads a file and reports the same as the bytes variant")
    func fromFile() throws {
        let path = "/tmp/gridio-test-points-\(UInt32.random(in: 0...UInt32.max)).geojson"
        let json = fc([pointFeature("[1,2]", "{\"w\":5}")])
        let folder = try OutputFolder(path: path + ".d", force: false)
        try folder.stage(name: "p.geojson", bytes: utf8(json))
        try folder.commit()
        let r = try GeoJSONReader.readPoints(path: path + ".d/p.geojson", idField: nil, weightFields: ["w"])
        #expect(r.points.weights == [[5]])
    }
}
