import GridIO
import GridModel
import Testing

@Suite("CSV point reader")
struct CSVPointReaderTests {
    func read(_ text: String, id: String? = nil, weights: [String] = []) throws -> (points: PointTable, diagnostics: [Diagnostic]) {
        try CSVPointReader.read(bytes: utf8(text), file: "pts.csv", idField: id, weightFields: weights)
    }

    @Test("lon,lat with id and weight; sources are line numbers")
    func basic() throws {
        let r = try read("id,lon,lat,calls\np1,118.8,28.9,2\np2,118.9,29.0,0.5\n", id: "id", weights: ["calls"])
        #expect(r.points.x == [118.8, 118.9] && r.points.y == [28.9, 29.0])
        #expect(r.points.ids == ["p1", "p2"] && r.points.weights == [[2, 0.5]] && r.points.sources == [2, 3])
    }

    @Test("header variants: lng/lat, Longitude/Latitude, x/y, 经度/纬度, trimmed and case-insensitive")
    func headerVariants() throws {
        #expect(try read("lng,lat\n1,2\n").points.x == [1])
        #expect(try read(" Longitude , LATITUDE \n1,2\n").points.y == [2])
        #expect(try read("X,Y\n500000,3200000\n").points.x == [500000])
        #expect(try read("名称,经度,纬度\n衢州,118.87,28.97\n", id: "名称").points.ids == ["衢州"])
    }

    @Test("semicolon delimiter, Excel BOM, CRLF and quoted fields with \"\" escapes")
    func excelVariants() throws {
        let r = try read("\u{FEFF}name;lon;lat;w\r\n\"A; \"\"big\"\" one\";1.5;2.5;3\r\n\"multi\nline\";1;2;4\r\n", id: "name", weights: ["w"])
        #expect(r.points.ids == ["A; \"big\" one", "multi\nline"])
        #expect(r.points.weights == [[3, 4]])
        #expect(r.points.sources == [2, 3])
    }

    @Test("without weight fields every point weighs 1: weights and weightNames are empty")
    func unweighted() throws {
        let r = try read("lon,lat\n1,2\n\n3,4")
        #expect(r.points.count == 2 && r.points.weights.isEmpty && r.points.weightNames.isEmpty)
    }

    @Test("an empty weight cell skips the row, counted once as WEIGHT_MISSING")
    func emptyWeight() throws {
        let r = try read("lon,lat,w\n1,2,\n3,4, \n5,6,1\n", weights: ["w"])
        #expect(r.points.x == [5])
        #expect(r.diagnostics.map(\.code) == [.weightMissing] && r.diagnostics[0].count == 2)
        #expect(r.diagnostics[0].location == "first: line 2")
    }

    @Test("wrong rows are errors with their 1-based line")
    func wrongRows() {
        let cases: [(String, [String], String, String)] = [
            ("lon,lat\n1,2\n3\n", [], "row has 1 field, the header has 2", "line 3"),
            ("lon,lat\nnan,2\n", [], "lon is not a finite number", "line 2"),
            ("lon,lat\n1,inf\n", [], "lat is not a finite number", "line 2"),
            ("lon,lat\n0x1p3,2\n", [], "not a finite number", "line 2"),
            ("lon,lat\n1e400,2\n", [], "not a finite number", "line 2"),
            ("lon,lat\n1,abc\n", [], "not a finite number", "line 2"),
            ("lon,lat,w\n1,2,-1\n", ["w"], "negative", "line 2"),
            ("lon,lat,w\n1,2,x\n", ["w"], "weight \"w\" is not a finite number", "line 2"),
            ("lon,lat,w\n1,2,NaN\n", ["w"], "not a finite number", "line 2"),
            ("lon,lat\n\"1\"x,2\n", [], "after a closing quote", "line 2"),
            ("lon,lat\n\"1,2\n", [], "unterminated quoted field", "line 2"),
            ("a,b\n1,2\n", [], "no coordinate columns", "line 1"),
            ("1.5,2.5\n1,2\n", [], "first row must be a header", "line 1"),
            ("lon,lat\n1,2\n", ["pop"], "no column \"pop\"", "line 1"),
            ("", [], "empty", ""),
        ]
        for (text, weights, fragment, location) in cases {
            let e = csvError(text, weights: weights)
            #expect(e?.kind == .badData, "\(text)")
            #expect(e?.message.contains(fragment) == true, "\(text): \(e?.message ?? "accepted")")
            #expect(e?.location == location, "\(text): \(e?.location ?? "")")
        }
    }

    @Test("GBK bytes are refused as not UTF-8")
    func gbk() {
        var bytes = utf8("name,lon,lat\n")
        bytes += [0xC4, 0xE3] + utf8(",1,2\n")
        #expect(throws: GridIOError.self) { try CSVPointReader.read(bytes: bytes, file: "g.csv", idField: nil, weightFields: []) }
    }
}
