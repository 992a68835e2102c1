import GridIO
import GridModel
import Testing

@Suite("GeoJSON reader: refused input names the problem and its place")
struct GeoJSONReaderErrorTests {
    /// Expects `json` to fail with `.badData`, a message containing `fragment` and a location containing `at`.
    func expectBad(_ json: String, _ fragment: String, at location: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = featuresError(json) else {
            Issue.record("accepted: \(json.prefix(80))", sourceLocation: sourceLocation)
            return
        }
        #expect(e.kind == .badData, sourceLocation: sourceLocation)
        #expect(e.file == "in.geojson", sourceLocation: sourceLocation)
        #expect(e.message.contains(fragment), "message: \(e.message)", sourceLocation: sourceLocation)
        if !location.isEmpty {
            #expect(e.location.contains(location), "location: \(e.location)", sourceLocation: sourceLocation)
        }
    }

    @Test("NaN, Infinity and -Infinity coordinates are refused with line and column")
    func nonFinite() {
        expectBad("{\"type\":\"Point\",\n\"coordinates\":[NaN,1]}", "NaN", at: "line 2, column 16")
        expectBad("{\"type\":\"Point\",\"coordinates\":[1,Infinity]}", "Infinity", at: "line 1, column 34")
        expectBad("{\"type\":\"Point\",\"coordinates\":[-Infinity,1]}", "Infinity", at: "column 32")
    }

    @Test("a number that overflows a double (1e400) is refused")
    func overflow() {
        expectBad("{\"type\":\"Point\",\"coordinates\":[1e400,1]}", "does not fit a finite double", at: "line 1, column 32")
    }

    @Test("a string where a coordinate belongs is refused")
    func stringCoordinate() {
        expectBad("{\"type\":\"Point\",\"coordinates\":[\"120.5\",1]}", "found a string", at: "column 32")
    }

    @Test("invalid JSON number forms are refused")
    func numberGrammar() {
        expectBad("{\"type\":\"Point\",\"coordinates\":[01,1]}", "leading zero")
        expectBad("{\"type\":\"Point\",\"coordinates\":[1.,1]}", "digit after '.'")
        expectBad("{\"type\":\"Point\",\"coordinates\":[1e,1]}", "exponent")
        expectBad("{\"type\":\"Point\",\"coordinates\":[+1,1]}", "expected a number")
    }

    @Test("nesting deeper than 64 levels is refused without a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000)
        expectBad("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"a\":\(deep)}}", "nesting deeper than 64 levels")
    }

    @Test("empty, whitespace-only and truncated files are refused")
    func emptyAndTruncated() {
        expectBad("", "empty")
        expectBad(" \n ", "empty")
        expectBad("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"prop", "truncated")
        expectBad("{\"type\":\"FeatureCollection\",\"features\":[", "end of the file")
    }

    @Test("content after the object is refused")
    func trailingGarbage() {
        expectBad(square + "\n}", "unexpected content after the end", at: "line 2, column 1")
    }

    @Test("duplicate member names are refused, at every level")
    func duplicates() {
        expectBad("{\"type\":\"Point\",\"type\":\"Point\",\"coordinates\":[1,2]}", "duplicate member \"type\"")
        expectBad(collection(square, properties: "{\"a\":1,\"b\":2,\"a\":3}"), "duplicate member \"a\"", at: "feature 0")
        expectBad(collection(square, properties: "{\"n\":{\"x\":1,\"x\":2}}"), "duplicate member \"x\"")
        let many = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        expectBad(collection(square, properties: "{\(many),\"k7\":0}"), "duplicate member \"k7\"")
    }

    @Test("unsupported geometry types are refused by name")
    func unsupportedTypes() {
        expectBad("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}", "LineString is not supported; expected Polygon or MultiPolygon")
        expectBad(collection("{\"type\":\"GeometryCollection\",\"geometries\":[]}"), "GeometryCollection is not supported", at: "feature 0")
        expectBad("{\"type\":\"Topology\"}", "unknown GeoJSON type \"Topology\"")
        expectBad("[1,2]", "expected a GeoJSON object")
    }

    @Test("rings with fewer than 4 positions are refused")
    func shortRings() {
        expectBad(collection("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}"), "has 3 positions", at: "feature 0")
        expectBad(collection("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0]]]}"), "has 2 positions")
        expectBad("{\"type\":\"Point\",\"coordinates\":[1]}", "at least 2 numbers")
    }

    @Test("invalid UTF-8 (e.g. GBK bytes) is refused with its line")
    func invalidUTF8() {
        var bytes = utf8("{\"type\":\"Feature\",\n\"properties\":{\"name\":\"")
        bytes += [0xC4, 0xE3, 0xBA, 0xC3]  // 你好 in GBK
        bytes += utf8("\"},\"geometry\":null}")
        do {
            _ = try GeoJSONReader.readFeatures(bytes: bytes, file: "gbk.geojson")
            Issue.record("accepted GBK")
        } catch {
            #expect(error.kind == .badData)
            #expect(error.message.contains("not valid UTF-8"))
            #expect(error.location == "line 2, column 23")
        }
    }

    @Test("malformed strings and structure are refused")
    func malformed() {
        expectBad(collection(square, properties: "{\"a\":\"x\ty\"}"), "control character U+0009")
        expectBad(collection(square, properties: "{\"a\":\"\\x\"}"), "invalid escape")
        expectBad(collection(square, properties: "{\"a\":\"\\ud800\"}"), "unpaired surrogate")
        expectBad(collection(square, properties: "{\"a\":1,}"), "trailing comma")
        expectBad("{\"type\":\"MultiPoint\",\"coordinates\":[[1,2],]}", "trailing comma")
        expectBad(collection(square, properties: "{\"a\":tru}"), "invalid literal")
        expectBad("{\"type\":\"FeatureCollection\"}", "no \"features\" member")
        expectBad("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}}]}", "no \"geometry\" member", at: "feature 0, line 1")
        expectBad("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Point\",\"coordinates\":[1,2]}]}", "expected a Feature")
        expectBad("{\"type\":\"Polygon\"}", "no \"coordinates\" member")
    }

    @Test("errors inside a feature name the feature index and the line")
    func featureLocation() {
        let json = "{\"type\":\"FeatureCollection\",\"features\":[\n" + (0..<12).map { _ in collectionFeature(square) }.joined(separator: ",\n")
            + ",\n{\"type\":\"Feature\",\"properties\":{},\n\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,NaN]}}]}"
        expectBad(json, "NaN", at: "feature 12, line 15, column 45")
    }

    @Test("a missing file is kind .missing")
    func missingFile() {
        do {
            _ = try GeoJSONReader.readFeatures(path: "/nonexistent/x.geojson")
            Issue.record("read a missing file")
        } catch {
            #expect(error.kind == .missing)
            #expect(error.description.hasPrefix("/nonexistent/x.geojson: cannot open"))
        }
    }

    @Test("the error description is FILE: message (location)")
    func description() {
        let e = GridIOError(file: "a.geojson", message: "bad", location: "line 3, column 17", kind: .badData)
        #expect(e.description == "a.geojson: bad (line 3, column 17)")
        #expect(GridIOError(file: "a", message: "m", kind: .missing).description == "a: m")
    }

    func collectionFeature(_ g: String) -> String { "{\"type\":\"Feature\",\"properties\":{},\"geometry\":\(g)}" }
}
