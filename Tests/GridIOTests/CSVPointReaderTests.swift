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

    @Test("an empty, non-numeric or non-finite coordinate skips the row, counted as COORDINATE_MISSING naming the first five lines")
    func badCoordinates() throws {
        let r = try read("lon,lat\nnan,2\n1,inf\n0x1p3,2\n1e400,2\n1,abc\n,2\n5,6\n")
        #expect(r.points.x == [5] && r.points.sources == [8])
        let d = try #require(r.diagnostics.first { $0.code == .coordinateMissing })
        #expect(d.count == 6 && d.location == "first: line 2; line 3; line 4; line 5; line 6", "\(d)")
    }

    /// 你好,1,2 in GBK after a UTF-8 header.
    var gbkBytes: [UInt8] { utf8("name,lon,lat\n") + [0xC4, 0xE3, 0xBA, 0xC3] + utf8(",1,2\n") }

    @Test("an undeclared GBK file is read as GB18030 with ENCODING_ASSUMED; --encoding gbk reads it silently; declared UTF-8 refuses it")
    func gbk() throws {
        let assumed = try CSVPointReader.read(bytes: gbkBytes, file: "g.csv", idField: "name", weightFields: [])
        #expect(assumed.points.ids == ["你好"] && assumed.diagnostics.map(\.code) == [.encodingAssumed])
        let declared = try CSVPointReader.read(bytes: gbkBytes, file: "g.csv", idField: "name", weightFields: [], encoding: .gbk)
        #expect(declared.points.ids == ["你好"] && declared.diagnostics.isEmpty)
        #expect(throws: GridIOError.self) {
            try CSVPointReader.read(bytes: gbkBytes, file: "g.csv", idField: nil, weightFields: [], encoding: .utf8)
        }
        // Bytes that are neither UTF-8 nor GB18030 (a lone 0xFF) are refused, naming the line.
        let bad = utf8("lon,lat\n") + [0xFF] + utf8("1,2\n")
        #expect(throws: GridIOError.self) { try CSVPointReader.read(bytes: bad, file: "b.csv", idField: nil, weightFields: []) }
        #expect(TextEncoding(name: "CP936") == .gbk && TextEncoding(name: "GB18030") == .gb18030 && TextEncoding(name: "latin1") == nil)
    }

    @Test("POINT_X,POINT_Y are found; named columns win; two candidate pairs are an error asking which")
    func coordinateColumns() throws {
        let arc = try read("OBJECTID,POINT_X,POINT_Y\n1,500123.5,3200456.25\n")
        #expect(arc.points.x == [500123.5] && arc.points.y == [3200456.25])
        let both = "id,X,Y,lon,lat\n1,500000,3200000,118.8,28.9\n"
        do {
            _ = try read(both)
            Issue.record("two pairs accepted")
        } catch let error as GridIOError {
            #expect(error.message.contains("lon,lat and X,Y") && error.message.contains("--x-field"), "\(error)")
        }
        let chosen = try CSVPointReader.read(bytes: utf8(both), file: "p.csv", idField: nil, weightFields: [], xField: "lon", yField: "lat")
        #expect(chosen.points.x == [118.8])
        let projected = try CSVPointReader.read(bytes: utf8(both), file: "p.csv", idField: nil, weightFields: [], xField: "x", yField: "Y")
        #expect(projected.points.y == [3200000])
        #expect(throws: GridIOError.self) {
            try CSVPointReader.read(bytes: utf8(both), file: "p.csv", idField: nil, weightFields: [], xField: "east", yField: "lat")
        }
    }

    @Test("repeated ids warn (POINT_DUPLICATE for the same place, POINT_ID_REUSED elsewhere) and every point is kept")
    func duplicates() throws {
        let r = try read("id,lon,lat\na,1,2\na,1,2\nb,3,4\nb,3,5\n,1,2\n,1,2\n", id: "id")
        #expect(r.points.count == 6)
        let d = PointDuplicates.diagnostics(r.points, file: "p.csv") { "line \(r.points.sources[$0])" }
        #expect(d.map(\.code) == [.pointDuplicate, .pointIDReused])
        #expect(d[0].location == "first: line 3 repeats line 2" && d[1].location.contains("line 5 has the id \"b\" of line 4"), "\(d)")
    }

    @Test("ids are compared as Strings: ASCII ids by their bytes, others by canonical equivalence")
    func duplicateIDsCompareAsStrings() {
        // Many ASCII ids, one repeated late at another place: found through the byte table.
        var ascii = PointTable(weightNames: [])
        for i in 0..<5000 { ascii.append(x: Double(i), y: 0, id: "p\(i)", weights: [], source: Int32(i + 2)) }
        ascii.append(x: 1, y: 1, id: "p4321", weights: [], source: 5002)
        ascii.append(x: 7, y: 0, id: "p7", weights: [], source: 5003)
        let d = PointDuplicates.diagnostics(ascii, file: "p.csv") { "line \(ascii.sources[$0])" }
        #expect(d.map(\.code) == [.pointIDReused, .pointDuplicate] && d.map(\.count) == [1, 1], "\(d)")
        #expect(d[0].location.contains("line 5002 has the id \"p4321\" of line 4323") && d[1].location == "first: line 5003 repeats line 9", "\(d)")
        // "\u{212A}" (KELVIN SIGN) is canonically the letter K: the same id as a String, not as bytes.
        var kelvin = PointTable(weightNames: [])
        kelvin.append(x: 1, y: 2, id: "K1", weights: [], source: 2)
        kelvin.append(x: 1, y: 2, id: "\u{212A}1", weights: [], source: 3)
        let k = PointDuplicates.diagnostics(kelvin, file: "p.csv") { "line \(kelvin.sources[$0])" }
        #expect(k.map(\.code) == [.pointDuplicate], "\(k)")
    }

    @Test("a large file read in two halves gives the same table, warnings and errors as one pass")
    func halvesEqualOnePass() throws {
        // 160 k rows (> 4 MiB), rows with an empty coordinate or weight in both halves.
        var text = "id,lon,lat,w\r\n"
        for i in 0..<160_000 {
            let lon = i % 40_000 == 7 ? "" : "118.\(100_000 + i)"
            let w = i % 50_000 == 3 ? "" : "\(i % 9)"
            text += "p\(i),\(lon),29.\(200_000 + i),\(w)\r\n"
        }
        let bytes = Array(text.utf8)
        let one = try CSVPointReader.read(bytes: bytes, file: "p.csv", idField: "id", weightFields: ["w"])
        let two = try CSVPointReader.read(bytes: bytes, file: "p.csv", idField: "id", weightFields: ["w"], threads: 2)
        #expect(one.points.count > 159_000)
        #expect(one.points.x == two.points.x && one.points.y == two.points.y && one.points.ids == two.points.ids)
        #expect(one.points.weights == two.points.weights && one.points.sources == two.points.sources)
        #expect(one.diagnostics == two.diagnostics && one.diagnostics.map(\.count) == [4, 4], "\(two.diagnostics)")
        // A bad row late in the file is named by its line either way.
        let bad = Array((text + "x,1\r\n" + "p,118.1,29.1,1\r\n").utf8)
        for threads in [1, 2] {
            #expect(throws: GridIOError(file: "p.csv", message: "row has 2 fields, the header has 4", location: "line 160002", kind: .badData)) {
                try CSVPointReader.read(bytes: bad, file: "p.csv", idField: "id", weightFields: ["w"], threads: threads)
            }
        }
    }
}
