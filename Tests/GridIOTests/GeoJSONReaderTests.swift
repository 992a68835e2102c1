import GridIO
import GridModel
import Testing

@Suite("GeoJSON reader: accepted shapes")
struct GeoJSONReaderAcceptTests {
    @Test("a FeatureCollection gives features with index, line, id and ordered properties")
    func collectionFeatures() throws {
        let json = """
            {"type": "FeatureCollection",
             "features": [
              {"type": "Feature", "id": 7, "properties": {"name": "柯城区", "code": "330802", "n": 3.5, "ok": true, "x": null, "nested": {"a": [1, 2]}},
               "geometry": \(square)},
              {"type": "Feature", "id": "b", "properties": null, "geometry": null}
             ]}
            """
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(json), file: "b.geojson")
        #expect(doc.features.count == 2)
        let f = doc.features[0]
        #expect(f.index == 0 && f.line == 3)
        #expect(f.id == .number(7))
        #expect(f.properties.map(\.name) == ["name", "code", "n", "ok", "x", "nested"])
        #expect(f[property: "name"] == .string("柯城区"))
        #expect(f[property: "code"] == .string("330802"))
        #expect(f[property: "n"] == .number(3.5))
        #expect(f[property: "ok"] == .bool(true))
        #expect(f[property: "x"] == .null)
        #expect(f[property: "nested"] == .json("{\"a\": [1, 2]}"))
        #expect(f.geometry == .polygon(Polygon(rings: [[0, 0, 1, 0, 1, 1, 0, 1, 0, 0]])))
        #expect(doc.features[1].geometry == nil && doc.features[1].line == 5 && doc.features[1].index == 1)
        #expect(doc.features[1].id == .string("b"))
        #expect(doc.crs == nil && doc.diagnostics.isEmpty)
    }

    @Test("a single Feature and a bare geometry are read as feature 0")
    func singleFeatureAndBareGeometry() throws {
        let single = try GeoJSONReader.readFeatures(bytes: utf8("{\"type\":\"Feature\",\"properties\":{\"a\":1},\"geometry\":\(square)}"), file: "f")
        #expect(single.features.count == 1 && single.features[0][property: "a"] == .number(1))
        let bare = try GeoJSONReader.readFeatures(bytes: utf8(square), file: "g")
        #expect(bare.features.count == 1 && bare.features[0].index == 0 && bare.features[0].properties.isEmpty)
        #expect(bare.features[0].geometry?.multiPolygon?.polygons.count == 1)
    }

    @Test("member order does not matter: coordinates before type, features before type")
    func memberOrder() throws {
        let json = "{\"features\":[{\"geometry\":{\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]],\"type\":\"Polygon\"},\"properties\":{},\"type\":\"Feature\"}],\"type\":\"FeatureCollection\"}"
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(json), file: "o")
        #expect(doc.features[0].geometry == .polygon(Polygon(rings: [[0, 0, 1, 0, 1, 1, 0, 0]])))
    }

    @Test("MultiPolygon with holes, 3D positions lose z")
    func multiPolygon3D() throws {
        let g = "{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0,5],[4,0,5],[4,4,5],[0,4,5],[0,0,5]],[[1,1,0],[1,2,0],[2,2,0],[1,1,0]]],[[[10,10],[11,10],[11,11],[10,10]]]]}"
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(g), file: "m")
        let m = try #require(doc.features[0].geometry?.multiPolygon)
        #expect(m.polygons.count == 2)
        #expect(m.polygons[0].rings.count == 2)
        #expect(m.polygons[0].rings[0] == [0, 0, 4, 0, 4, 4, 0, 4, 0, 0])
    }

    @Test("Point and MultiPoint geometries are read in polygon mode too")
    func pointsInFeatures() throws {
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(collection("{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],[3,4]]}")), file: "p")
        #expect(doc.features[0].geometry == .multiPoint([1, 2, 3, 4]))
    }

    @Test("a UTF-8 BOM is skipped and CRLF line ends count as lines")
    func bomAndCRLF() throws {
        let json = "\u{FEFF}{\"type\":\"FeatureCollection\",\r\n\"features\":[\r\n{\"type\":\"Feature\",\"properties\":{\"名称\":\"衢州\"},\"geometry\":\(square)}]}\r\n"
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(json), file: "bom")
        #expect(doc.features[0].line == 3)
        #expect(doc.features[0][property: "名称"] == .string("衢州"))
    }

    @Test("escapes in strings and keys are decoded, surrogate pairs included")
    func escapes() throws {
        let json = collection(square, properties: "{\"a\\u0062\":\"x\\n\\\"y\\\" \\u00e9 \\ud83d\\ude00 \\/\"}")
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(json), file: "e")
        #expect(doc.features[0][property: "ab"] == .string("x\n\"y\" é 😀 /"))
    }

    @Test("a 1 MB property string is read whole")
    func largeString() throws {
        let big = String(repeating: "区划abc", count: 1_000_000 / 9)
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(collection(square, properties: "{\"big\":\"\(big)\"}")), file: "big")
        #expect(doc.features[0][property: "big"] == .string(big))
    }

    @Test("the legacy crs member is read and normalised")
    func legacyCRS() throws {
        let epsg = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4549\"}},\"features\":[]}"
        #expect(try GeoJSONReader.readFeatures(bytes: utf8(epsg), file: "c").crs == "EPSG:4549")
        let crs84 = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[]}"
        #expect(try GeoJSONReader.readFeatures(bytes: utf8(crs84), file: "c").crs == "OGC:CRS84")
        let bare = "{\"type\":\"Polygon\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:4490\"}},\"coordinates\":[[[0,0],[1,0],[1,1],[0,0]]]}"
        #expect(try GeoJSONReader.readFeatures(bytes: utf8(bare), file: "c").crs == "EPSG:4490")
        #expect(LegacyCRSName.normalize("http://www.opengis.net/def/crs/EPSG/0/4326") == "EPSG:4326")
    }

    @Test("an unclosed ring is closed and reported as RING_CLOSED")
    func ringClosed() throws {
        let open = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1]]]}"
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(collection(open) ), file: "r")
        #expect(doc.features[0].geometry == .polygon(Polygon(rings: [[0, 0, 1, 0, 1, 1, 0, 0]])))
        #expect(doc.diagnostics.map(\.code) == [.ringClosed])
        #expect(doc.diagnostics[0].count == 1 && doc.diagnostics[0].location.contains("feature 0"))
    }

    @Test("empty coordinates are taken as null geometry and reported")
    func emptyCoordinates() throws {
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(collection("{\"type\":\"Polygon\",\"coordinates\":[]}")), file: "e")
        #expect(doc.features[0].geometry == nil)
        #expect(doc.diagnostics.map(\.code) == [.geometryEmpty])
    }

    @Test("numbers parse exactly: random decimals match the standard library")
    func numbersExact() throws {
        var rng = SplitMix(seed: 42)
        var texts: [String] = []
        for _ in 0..<20_000 {
            let digits = Int(rng.next() % 17) + 1
            var m = ""
            for k in 0..<digits { m.append(Character(String(k == 0 ? rng.next() % 9 + 1 : rng.next() % 10))) }
            let point = Int(rng.next() % UInt64(digits + 1))
            var t = point == digits ? m : String(m.prefix(point).isEmpty ? "0" : m.prefix(point)) + "." + m.dropFirst(point)
            if rng.next() % 3 == 0 { t += "e\(Int(rng.next() % 60) - 30)" }
            if rng.next() % 2 == 0 { t = "-" + t }
            texts.append(t)
        }
        texts += ["0", "-0", "0.1", "1e22", "1e23", "9007199254740993", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308", "123456789012345678901234567890"]
        let positions = texts.map { "[\($0),\($0)]" }.joined(separator: ",")
        let json = "{\"type\":\"MultiPoint\",\"coordinates\":[\(positions)]}"
        let doc = try GeoJSONReader.readFeatures(bytes: utf8(json), file: "n")
        guard case .multiPoint(let xy) = doc.features[0].geometry else {
            Issue.record("not a MultiPoint")
            return
        }
        for (k, t) in texts.enumerated() {
            let expected = try #require(Double(t))
            #expect(xy[2 * k].bitPattern == expected.bitPattern, "\(t)")
        }
    }
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
