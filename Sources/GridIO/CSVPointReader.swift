import GridModel

/// Reads workload points from CSV (Excel and database exports).
///
/// The first row must be a header. Coordinates come from the first pair of columns named
/// `lon,lat`, `lng,lat`, `long,lat`, `longitude,latitude`, `经度,纬度` or `x,y` (case-insensitive,
/// trimmed). The delimiter is ',' or ';' (whichever the header uses more). Quoted fields with ""
/// escapes, CRLF line ends and an Excel UTF-8 BOM are accepted; other encodings are refused.
/// Numbers must be plain finite decimals ("nan", "inf", "0x1p3" and 1e400 are refused).
public enum CSVPointReader {
    static let coordinatePairs: [(String, String)] = [
        ("lon", "lat"), ("lng", "lat"), ("long", "lat"), ("longitude", "latitude"), ("经度", "纬度"), ("x", "y"),
    ]

    /// Points from a CSV file; see `read(bytes:file:idField:weightFields:)`.
    public static func read(path: String, idField: String?, weightFields: [String]) throws(GridIOError)
        -> (points: PointTable, diagnostics: [Diagnostic])
    {
        try read(bytes: InputFile.load(path: path), file: path, idField: idField, weightFields: weightFields)
    }

    /// Points from CSV bytes. `PointTable.sources` holds each point's 1-based line number.
    ///
    /// A row with the wrong number of fields, a non-numeric or non-finite coordinate, or a negative
    /// or non-numeric weight is an error naming its line. An empty weight cell skips the row,
    /// counted once as `WEIGHT_MISSING`. Without weight fields every point weighs 1 (`weights`
    /// and `weightNames` empty). `idField` names the column copied into `ids` ("" without it).
    public static func read(bytes: [UInt8], file: String, idField: String?, weightFields: [String]) throws(GridIOError)
        -> (points: PointTable, diagnostics: [Diagnostic])
    {
        let result: Result<(PointTable, [Diagnostic]), GridIOError> = bytes.withUnsafeBufferPointer { buf in
            do throws(GridIOError) {
                return .success(try parse(buf, file: file, idField: idField, weightFields: weightFields))
            } catch {
                return .failure(error)
            }
        }
        let (points, diagnostics) = try result.get()
        return (points, diagnostics)
    }

    private static func parse(_ buf: UnsafeBufferPointer<UInt8>, file: String, idField: String?, weightFields: [String])
        throws(GridIOError) -> (PointTable, [Diagnostic])
    {
        let start = UTF8Validation.bomLength(buf)
        guard let base = buf.baseAddress, buf.count > start else {
            throw GridIOError(file: file, message: "the file is empty", kind: .badData)
        }
        try UTF8Validation.check(buf, from: start, file: file)
        let delimiter = CSVRecordReader.detectDelimiter(base, from: start, end: buf.count)
        var reader = CSVRecordReader(base: base, end: buf.count, delimiter: delimiter, file: file, pos: start)
        var fields: [CSVRecordReader.Field] = []
        guard try reader.next(into: &fields) else { throw GridIOError(file: file, message: "the file is empty", kind: .badData) }
        let header = fields.map { reader.text($0).trimmingWhitespace }
        let columns = try Columns(header: header, file: file, idField: idField, weightFields: weightFields)

        var table = PointTable(weightNames: weightFields)
        table.reserveCapacity(buf.count / 24)
        var weights = [Double](repeating: 0, count: weightFields.count)
        var diagnostics = DiagnosticCounter()
        rows: while try reader.next(into: &fields) {
            let line = reader.recordLine
            func fail(_ message: String) -> GridIOError {
                GridIOError(file: file, message: message, location: "line \(line)", kind: .badData)
            }
            guard fields.count == header.count else {
                throw fail("row has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header has \(header.count)")
            }
            func number(_ column: Int) -> Double? {
                let f = fields[column]
                return f.hasEscapes ? nil : PlainDecimal.parse(base, from: f.start, to: f.end)
            }
            guard let x = number(columns.x) else {
                throw fail("\(header[columns.x]) is not a finite number: \"\(reader.text(fields[columns.x]).prefix(40))\"")
            }
            guard let y = number(columns.y) else {
                throw fail("\(header[columns.y]) is not a finite number: \"\(reader.text(fields[columns.y]).prefix(40))\"")
            }
            for (k, c) in columns.weights.enumerated() {
                let text = reader.text(fields[c])
                if text.trimmingWhitespace.isEmpty {
                    diagnostics.add(.weightMissing, location: "line \(line)", text: "row(s) skipped: weight \"\(weightFields[k])\" empty")
                    continue rows
                }
                guard let w = number(c) else { throw fail("weight \"\(weightFields[k])\" is not a finite number: \"\(text.prefix(40))\"") }
                guard w >= 0 else { throw fail("weight \"\(weightFields[k])\" is negative (\(text)); weights must be ≥ 0") }
                weights[k] = w
            }
            let id = columns.id.map { reader.text(fields[$0]) } ?? ""
            table.append(x: x, y: y, id: id, weights: weights, source: Int32(clamping: line))
        }
        return (table, diagnostics.diagnostics(file: file))
    }
}

/// Where the columns a point reader needs sit in a CSV header.
struct Columns {
    var x: Int
    var y: Int
    var id: Int?
    var weights: [Int]

    init(header: [String], file: String, idField: String?, weightFields: [String]) throws(GridIOError) {
        let lower = header.map { $0.lowercased() }
        func fail(_ message: String) -> GridIOError {
            GridIOError(file: file, message: message, location: "line 1", kind: .badData)
        }
        func find(_ name: String) -> Int? {
            let n = name.trimmingWhitespace
            return header.firstIndex(of: n) ?? lower.firstIndex(of: n.lowercased())
        }
        var found: (Int, Int)?
        for (a, b) in CSVPointReader.coordinatePairs {
            if let i = lower.firstIndex(of: a), let j = lower.firstIndex(of: b) {
                found = (i, j)
                break
            }
        }
        guard let (xi, yi) = found else {
            if let first = header.first, PlainDecimal.parse(Array(first.utf8)) != nil {
                throw fail("the first row must be a header naming the columns (e.g. lon,lat), found a number")
            }
            throw fail("no coordinate columns: expected lon,lat / lng,lat / longitude,latitude / 经度,纬度 / x,y; the header has \(header.joined(separator: ", "))")
        }
        x = xi
        y = yi
        if let idField {
            guard let i = find(idField) else { throw fail("no column \"\(idField)\" for the id; the header has \(header.joined(separator: ", "))") }
            id = i
        }
        weights = []
        for w in weightFields {
            guard let i = find(w) else { throw fail("no column \"\(w)\" for the weight; the header has \(header.joined(separator: ", "))") }
            weights.append(i)
        }
    }
}
