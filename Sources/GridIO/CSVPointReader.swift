import GridModel

/// Reads workload points from CSV (Excel and database exports).
///
/// The first row must be a header. Coordinates come from the columns `CoordinateColumns.find` picks:
/// the ones named (`xField`/`yField`), else the one known pair (lon,lat / x,y / POINT_X,POINT_Y …);
/// two candidate pairs are an error asking which. The delimiter is ',' or ';' (whichever the header
/// uses more). Quoted fields with "" escapes, CRLF line ends and an Excel UTF-8 BOM are accepted.
/// Text is UTF-8 unless `encoding` says GBK or GB18030; an undeclared file that is not UTF-8 but
/// decodes cleanly as GB18030 is read so, with a warning `ENCODING_ASSUMED`.
/// Numbers must be plain finite decimals ("nan", "inf", "0x1p3" and 1e400 are refused).
public enum CSVPointReader {
    /// Points from a CSV file; see `read(bytes:file:idField:weightFields:encoding:xField:yField:)`.
    public static func read(
        path: String, idField: String?, weightFields: [String], encoding: TextEncoding? = nil, xField: String? = nil,
        yField: String? = nil, threads: Int = 1
    ) throws(GridIOError) -> (points: PointTable, diagnostics: [Diagnostic]) {
        try read(
            bytes: InputFile.load(path: path), file: path, idField: idField, weightFields: weightFields, encoding: encoding,
            xField: xField, yField: yField, threads: threads)
    }

    /// Points from CSV bytes. `PointTable.sources` holds each point's 1-based line number.
    ///
    /// A row with the wrong number of fields, or a negative or non-numeric weight, is an error naming
    /// its line. A row whose coordinate is empty or not a finite number is skipped, counted as
    /// `COORDINATE_MISSING` naming the first few lines; an empty weight cell skips the row, counted
    /// as `WEIGHT_MISSING`. Without weight fields every point weighs 1 (`weights` and `weightNames`
    /// empty). `idField` names the column copied into `ids` ("" without it). With `threads` > 1, a
    /// large file without quote characters is parsed in two halves at once (same table, same warnings).
    public static func read(
        bytes: [UInt8], file: String, idField: String?, weightFields: [String], encoding: TextEncoding? = nil,
        xField: String? = nil, yField: String? = nil, threads: Int = 1
    ) throws(GridIOError) -> (points: PointTable, diagnostics: [Diagnostic]) {
        var text = bytes
        var notes: [Diagnostic] = []
        let bom = bytes.withUnsafeBufferPointer { UTF8Validation.bomLength($0) }
        switch encoding {
        case .gbk?, .gb18030?:
            guard let decoded = encoding?.decodeToUTF8(bytes) else {
                throw GridIOError(
                    file: file, message: "not valid \(encoding?.iconvName ?? "") text; check --encoding (\(TextEncoding.namesText))",
                    kind: .badData)
            }
            text = decoded
        case .utf8?:
            break
        case nil:
            let valid = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0, from: bom) } == nil
            if !valid, let decoded = TextEncoding.gb18030.decodeToUTF8(bytes) {
                text = decoded
                notes.append(Diagnostic(
                    code: .encodingAssumed, file: file,
                    message: "not UTF-8; read as GB18030 (GBK), which decodes it cleanly; declare --encoding gbk, gb18030 or utf-8 to be sure"))
            }
        }
        let columnsWanted = (xField, yField)
        let result: Result<(PointTable, [Diagnostic]), GridIOError> = text.withUnsafeBufferPointer { buf in
            do throws(GridIOError) {
                return .success(try parse(
                    buf, file: file, idField: idField, weightFields: weightFields, xField: columnsWanted.0, yField: columnsWanted.1,
                    threads: threads))
            } catch {
                return .failure(error)
            }
        }
        let (points, diagnostics) = try result.get()
        return (points, notes + diagnostics)
    }

    private static func parse(
        _ buf: UnsafeBufferPointer<UInt8>, file: String, idField: String?, weightFields: [String], xField: String?, yField: String?,
        threads: Int
    ) throws(GridIOError) -> (PointTable, [Diagnostic])
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
        let rows = CSVRows(
            header: header, weightFields: weightFields, file: file,
            columns: try Columns(header: header, file: file, idField: idField, weightFields: weightFields, xField: xField, yField: yField))
        guard threads > 1, let half = CSVRows.split(base, from: reader.pos, end: buf.count) else {
            let (table, diagnostics) = try rows.read(&reader)
            return (table, diagnostics.diagnostics(file: file))
        }
        // The second half on another thread; `buf` outlives it (its result is awaited below).
        let bytes = SharedBytes(base: base), end = buf.count, secondLine = reader.line + half.linesBefore
        let tail = BackgroundWork(concurrent: true) { () -> Result<(PointTable, DiagnosticCounter), GridIOError> in
            var second = CSVRecordReader(base: bytes.base, end: end, delimiter: delimiter, file: file, pos: half.start)
            second.line = secondLine
            return Result { () throws(GridIOError) in try rows.read(&second) }
        }
        var first = CSVRecordReader(base: base, end: half.start, delimiter: delimiter, file: file, pos: reader.pos)
        first.line = reader.line
        let head = Result { () throws(GridIOError) in try rows.read(&first) }
        let tailResult = tail.value()
        var (table, diagnostics) = try head.get()
        let (later, laterDiagnostics) = try tailResult.get()
        table.x += later.x
        table.y += later.y
        table.ids += later.ids
        table.sources += later.sources
        for k in table.weights.indices { table.weights[k] += later.weights[k] }
        diagnostics.merge(laterDiagnostics)
        return (table, diagnostics.diagnostics(file: file))
    }
}

/// The base of bytes that another thread reads while the owner waits for it.
private struct SharedBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
}

/// Turns CSV records into points: the columns found in the header, the rules for each row.
struct CSVRows: Sendable {
    var header: [String]
    var weightFields: [String]
    var file: String
    var columns: Columns

    /// Where to cut the rows after `from` into two halves: the first line start at or after the
    /// middle, and the line breaks before it. Nil when the bytes hold a quote (a line break may be
    /// inside a field) or are too few to be worth a second thread.
    static func split(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> (start: Int, linesBefore: Int)? {
        guard end - from >= 1 << 22 else { return nil }
        for i in from..<end where base[i] == UInt8(ascii: "\"") { return nil }
        var mid = from + (end - from) / 2
        while mid < end && base[mid - 1] != 0x0A { mid += 1 }
        guard mid < end else { return nil }
        var lines = 0
        for i in from..<mid where base[i] == 0x0A { lines += 1 }
        return (mid, lines)
    }

    /// Every row `reader` has left, as points, and the rows skipped (counted).
    func read(_ reader: inout CSVRecordReader) throws(GridIOError) -> (PointTable, DiagnosticCounter) {
        let base = reader.base
        var fields: [CSVRecordReader.Field] = []
        var table = PointTable(weightNames: weightFields)
        table.reserveCapacity((reader.end - reader.pos) / 24)
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
            guard let x = number(columns.x), let y = number(columns.y) else {
                diagnostics.add(
                    .coordinateMissing, location: "line \(line)",
                    text: "row(s) skipped: \(header[columns.x]) or \(header[columns.y]) empty or not a finite number", keep: 5)
                continue rows
            }
            for (k, c) in columns.weights.enumerated() {
                // The text is made only for a field that is not a plain number (most rows never need it).
                if let w = number(c), w >= 0 {
                    weights[k] = w
                    continue
                }
                let text = reader.text(fields[c])
                if text.trimmingWhitespace.isEmpty {
                    diagnostics.add(.weightMissing, location: "line \(line)", text: "row(s) skipped: weight \"\(weightFields[k])\" empty")
                    continue rows
                }
                guard number(c) != nil else { throw fail("weight \"\(weightFields[k])\" is not a finite number: \"\(text.prefix(40))\"") }
                throw fail("weight \"\(weightFields[k])\" is negative (\(text)); weights must be ≥ 0")
            }
            let id = columns.id.map { reader.text(fields[$0]) } ?? ""
            table.append(x: x, y: y, id: id, weights: weights, source: Int32(clamping: line))
        }
        return (table, diagnostics)
    }
}

/// Where the columns a point reader needs sit in a CSV header.
struct Columns: Sendable {
    var x: Int
    var y: Int
    var id: Int?
    var weights: [Int]

    init(header: [String], file: String, idField: String?, weightFields: [String], xField: String?, yField: String?)
        throws(GridIOError)
    {
        let lower = header.map { $0.lowercased() }
        func fail(_ message: String) -> GridIOError {
            GridIOError(file: file, message: message, location: "line 1", kind: .badData)
        }
        func find(_ name: String) -> Int? {
            let n = name.trimmingWhitespace
            return header.firstIndex(of: n) ?? lower.firstIndex(of: n.lowercased())
        }
        (x, y) = try CoordinateColumns.find(header: header, xField: xField, yField: yField, file: file, location: "line 1")
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
