import GridIO
import GridModel
import Testing

@Suite("GeoJSON, JSON and CSV writers")
struct WriterTests {
    /// A clockwise square with a counter-clockwise hole: both wound the wrong way for RFC 7946.
    let wrongWay = Polygon(rings: [
        [120.0, 29.0, 120.0, 29.1, 120.1, 29.1, 120.1, 29.0, 120.0, 29.0],
        [120.02, 29.02, 120.04, 29.02, 120.04, 29.04, 120.02, 29.04],
    ])

    func output() -> [OutputFeature] {
        [
            OutputFeature(
                id: 1,
                properties: [("grid_id", .string("G01")), ("jurisdiction", .string("柯城区\n\"东\"")), ("weight", .number(1234.5)),
                             ("points", .int(12)), ("ok", .bool(true)), ("none", .null)],
                geometry: MultiPolygon(wrongWay)),
            OutputFeature(
                id: 2, properties: [("grid_id", .string("G02")), ("jurisdiction", .string("")), ("weight", .number(0.1 + 0.2)),
                                    ("points", .int(0)), ("ok", .bool(false)), ("none", .null)],
                geometry: MultiPolygon(Polygon(rings: [[118.123456789, 28.987654321, 118.2, 28.98, 118.2, 29.1]]))),
        ]
    }

    @Test("written GeoJSON reads back: MultiPolygon, rewound rings, closed, same properties")
    func roundTrip() throws {
        let bytes = GeoJSONWriter.featureCollection(output(), name: "grids")
        let doc = try GeoJSONReader.readFeatures(bytes: bytes, file: "grids.geojson")
        #expect(doc.features.count == 2 && doc.crs == nil && doc.diagnostics.isEmpty)
        let f = doc.features[0]
        #expect(f.id == .number(1))
        #expect(f[property: "jurisdiction"] == .string("柯城区\n\"东\""))
        #expect(f[property: "weight"] == .number(1234.5))
        #expect(f[property: "none"] == .null)
        guard case .multiPolygon(let m) = f.geometry else {
            Issue.record("not a MultiPolygon")
            return
        }
        #expect(Ring.signedArea(m.polygons[0].rings[0]) > 0, "exterior counter-clockwise")
        #expect(Ring.signedArea(m.polygons[0].rings[1]) < 0, "hole clockwise")
        #expect(m.polygons[0].rings[1].count == 10, "hole closed on output")
        guard case .multiPolygon(let m2) = doc.features[1].geometry else { return }
        #expect(Array(m2.polygons[0].rings[0].prefix(2)) == [118.1234568, 28.9876543])
    }

    @Test("the output is RFC 7946 text: no crs, no BOM, at most 7 decimals, no exponent or -0")
    func textRules() {
        let text = String(decoding: GeoJSONWriter.featureCollection(output(), name: "grids"), as: UTF8.self)
        #expect(!text.contains("crs"))
        #expect(text.hasPrefix("{\"type\":\"FeatureCollection\",\"name\":\"grids\",\"features\":["))
        #expect(text.contains("\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[120,29],[120.1,29],[120.1,29.1],[120,29.1],[120,29]]"))
        #expect(text.contains("\"weight\":0.3,"))
        #expect(text.contains("\"jurisdiction\":\"柯城区\\n\\\"东\\\"\""))
        let coords = text.split(separator: "\"coordinates\":").dropFirst().map { $0.prefix { $0 != "}" } }
        for c in coords {
            for number in c.split(whereSeparator: { "[],".contains($0) }) {
                #expect(!number.contains("e") && number != "-0")
                if let dot = number.firstIndex(of: ".") { #expect(number.distance(from: dot, to: number.endIndex) - 1 <= 7, "\(number)") }
                #expect(!number.hasSuffix("0") || !number.contains("."), "\(number)")
            }
        }
    }

    @Test("the same features give the same bytes")
    func determinism() {
        #expect(GeoJSONWriter.featureCollection(output(), name: "grids") == GeoJSONWriter.featureCollection(output(), name: "grids"))
    }

    @Test("coordinates round to 7 decimals in shortest form, without -0")
    func coordinateText() {
        func text(_ x: Double) -> String {
            let bytes = GeoJSONWriter.featureCollection(
                [OutputFeature(id: 1, properties: [], geometry: MultiPolygon(Polygon(rings: [[x, 0, 1, 0, 1, 1, x, 0]])))], name: nil)
            let s = String(decoding: bytes, as: UTF8.self)
            guard let r = s.range(of: "[[[[") else { return "" }
            return String(s[r.upperBound...].prefix { $0 != "," })
        }
        #expect(text(1.2) == "1.2")
        #expect(text(-0.00000001) == "0")
        #expect(text(-120.00000005) == "-120.0000001" || text(-120.00000005) == "-120")
        #expect(text(0.1 + 0.2) == "0.3")
        #expect(text(1e-7) == "0.0000001")
        #expect(text(179.99999999) == "180")
    }

    @Test("JSON values serialise compactly and prettily, doubles with a decimal point")
    func jsonValues() {
        let v = JSONValue.object([("a", .int(-3)), ("b", .number(2)), ("c", .array([.number(1.0 / 3), .null])), ("d", .object([])), ("e", .string("\u{1}é"))])
        #expect(String(decoding: JSONWriter.serialize(v, pretty: false), as: UTF8.self)
            == "{\"a\":-3,\"b\":2.0,\"c\":[0.3333333333,null],\"d\":{},\"e\":\"\\u0001é\"}")
        #expect(String(decoding: JSONWriter.serialize(.object([("a", .array([.int(1)]))]), pretty: true), as: UTF8.self)
            == "{\n  \"a\": [\n    1\n  ]\n}\n")
        #expect(String(decoding: JSONWriter.serialize(.number(12345678.9876), pretty: false), as: UTF8.self) == "12345678.99")
        #expect(String(decoding: JSONWriter.serialize(.number(-0.0), pretty: false), as: UTF8.self) == "0.0")
        #expect(JSONValue.object([("a", .int(1))]) != JSONValue.object([("b", .int(1))]))
    }

    @Test("CSV fields are quoted only where needed")
    func csv() {
        let bytes = CSVWriter.write(header: ["point_index", "id", "lon"], rows: [["0", "a,b", "1.5"], ["1", "say \"hi\"", ""], ["2", "多\n行", " x"]])
        #expect(String(decoding: bytes, as: UTF8.self)
            == "point_index,id,lon\n0,\"a,b\",1.5\n1,\"say \"\"hi\"\"\",\n2,\"多\n行\",\" x\"\n")
        let back = try? CSVPointReader.read(
            bytes: CSVWriter.write(header: ["id", "lon", "lat"], rows: [["a,b", "1", "2"]]), file: "rt.csv", idField: "id", weightFields: [])
        #expect(back?.points.ids == ["a,b"])
    }
}
