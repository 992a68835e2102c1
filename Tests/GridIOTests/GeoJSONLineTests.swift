import GridIO
import GridModel
import Testing

@Suite("GeoJSON reader: barrier files with lines")
struct GeoJSONLineTests {
    func read(_ json: String) throws(GridIOError) -> GeoJSONDocument {
        try GeoJSONReader.readLines(bytes: Array(json.utf8), file: "streets.geojson")
    }

    func error(_ json: String) -> GridIOError? {
        do {
            _ = try read(json)
            return nil
        } catch {
            return error
        }
    }

    @Test("LineString, MultiLineString and Polygon features are read with their coordinates")
    func linesAndPolygons() throws {
        let doc = try read(
            """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"name":"Damen"},"geometry":{"type":"LineString","coordinates":[[1,2],[3,4,5]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[],[[2,2],[3,3],[4,4]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
            {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[]}}
            ]}
            """)
        #expect(doc.features.count == 4)
        #expect(doc.features[0].geometry?.lines == [[1, 2, 3, 4]])
        #expect(doc.features[1].geometry?.lines == [[0, 0, 1, 1], [2, 2, 3, 3, 4, 4]])
        #expect(doc.features[2].geometry?.multiPolygon?.polygons.count == 1)
        #expect(doc.features[2].geometry?.lines == nil)
        #expect(doc.features[3].geometry == nil)
        #expect(doc.diagnostics.map { $0.code.rawValue } == ["GEOMETRY_EMPTY"])
    }

    @Test("a line with one position is refused with feature, line and column")
    func shortLine() {
        let e = error("{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[1,2]]}}]}")
        #expect(e?.kind == .badData)
        #expect(e?.file == "streets.geojson")
        #expect(e?.message.contains("the LineString has 1 position(s); a line needs at least 2") == true, "\(e?.message ?? "")")
        #expect(e?.location.contains("feature 0, line 2, column 81") == true, "\(e?.location ?? "")")
        let m = error("{\"type\":\"MultiLineString\",\"coordinates\":[[[0,0],[1,1]],[[5,5]]]}")
        #expect(m?.message.contains("line 2 of the MultiLineString has 1 position(s)") == true, "\(m?.message ?? "")")
    }

    @Test("polygon files still refuse lines, point files skip them; barrier files refuse GeometryCollection")
    func otherModesRefuseLines() throws {
        let line = "{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}"
        #expect(throws: GridIOError.self) { try GeoJSONReader.readFeatures(bytes: Array(line.utf8), file: "b.geojson") }
        let points = try GeoJSONReader.readPoints(bytes: Array(line.utf8), file: "p.geojson", idField: nil, weightFields: [])
        #expect(points.points.count == 0)
        let e = error("{\"type\":\"GeometryCollection\",\"geometries\":[]}")
        #expect(e?.message.contains("expected LineString, MultiLineString, Polygon or MultiPolygon") == true, "\(e?.message ?? "")")
        let s = error("{\"type\":\"LineString\",\"coordinates\":[[0,\"x\"],[1,1]]}")
        #expect(s?.message.contains("found a string") == true)
    }
}
