internal import CGDAL
import GridIO
import GridModel

/// The fast point path: GDAL's Arrow stream (columnar batches of WKB points and the id and weight
/// columns) instead of one OGR feature per point. Used where the driver has a native stream
/// (GeoPackage in GDAL 3.6) and the layer is of Points; anything else returns nil for the
/// per-feature path.
enum ArrowPoints {
    /// The points, or nil when this path does not apply (no native stream, not a Point layer,
    /// a column type it does not read, a geometry that is not a point).
    static func read(layer: OGRLayerH, schema: PointSchema, file: String) throws(GridIOError) -> (PointTable, [Diagnostic])? {
        guard OGR_L_TestCapability(layer, OLCFastGetArrowStream) != 0, OGR_GT_Flatten(OGR_L_GetGeomType(layer)) == wkbPoint else {
            return nil
        }
        if let c = schema.idColumn, schema.fieldTypes[c] == OFTReal { return nil }  // keep OGR's number-to-text
        var wanted = Set(([schema.idColumn].compactMap { $0 } + schema.weightColumns).map { schema.names[$0] })
        // GDAL 3.6.2's GeoPackage stream returns every geometry as null when no attribute column is
        // read (fixed in 3.6.3, OSGeo/gdal#7106): keep one column so that points without ids or
        // weights still arrive.
        if wanted.isEmpty, let first = schema.names.first { wanted.insert(first) }
        // A layer of bare points: the same bug, so the per-feature path.
        guard !wanted.isEmpty else { return nil }
        let ignored = schema.names.filter { !wanted.contains($0) }
        withCStringArray(ignored) { list in _ = OGR_L_SetIgnoredFields(layer, UnsafeMutablePointer(mutating: list)) }
        defer { _ = OGR_L_SetIgnoredFields(layer, nil) }
        OGR_L_ResetReading(layer)
        let result = try readStream(layer: layer, schema: schema, file: file)
        OGR_L_ResetReading(layer)
        return result
    }

    private static func readStream(layer: OGRLayerH, schema: PointSchema, file: String) throws(GridIOError) -> (PointTable, [Diagnostic])? {
        let stream = UnsafeMutablePointer<ArrowArrayStream>.allocate(capacity: 1)
        defer { stream.deallocate() }
        CPLErrorReset()
        let opened = GDAL.withOptions([("INCLUDE_FID", "NO"), ("MAX_FEATURES_IN_BATCH", "65536")]) { OGR_L_GetArrowStream(layer, stream, $0) }
        guard opened else { return nil }
        // The stream and every array are released before the dataset closes.
        defer { stream.pointee.release?(stream) }
        guard let columns = StreamColumns(stream: stream, layer: layer, schema: schema) else { return nil }

        var table = PointTable(weightNames: schema.weightNames)
        let total = OGR_L_GetFeatureCount(layer, 0)
        if total > 0 { table.reserveCapacity(Int(total)) }
        var counter = DiagnosticCounter()
        var index = 0
        var batch = ArrowArray()
        guard let getNext = stream.pointee.get_next else { return nil }
        while true {
            guard getNext(stream, &batch) == 0 else {
                let why = stream.pointee.get_last_error?(stream).map { String(cString: $0) } ?? ""
                throw GridIOError(file: file, message: "GDAL could not read the points: \(why)", kind: .badData)
            }
            guard batch.release != nil else { break }  // end of stream
            defer { batch.release?(&batch) }
            let applies = try appendRows(
                of: batch, columns: columns, schema: schema, file: file, to: &table, counter: &counter, index: &index)
            guard applies else { return nil }
        }
        return (table, counter.diagnostics(file: file))
    }

    /// Where the geometry, id and weight columns are in the stream's batches, and every column's Arrow format.
    private struct StreamColumns {
        var formats: [String]
        var geometry: Int
        /// nil when the points have no id column.
        var id: Int?
        var weights: [Int]

        /// nil when a column is missing or of a type this path does not read.
        init?(stream: UnsafeMutablePointer<ArrowArrayStream>, layer: OGRLayerH, schema: PointSchema) {
            var arrowSchema = ArrowSchema()
            guard let getSchema = stream.pointee.get_schema, getSchema(stream, &arrowSchema) == 0 else { return nil }
            // The schema is the caller's to release; the names are copied out first.
            defer { arrowSchema.release?(&arrowSchema) }
            var columnNames: [String] = []
            var formats: [String] = []
            for i in 0..<Int(arrowSchema.n_children) {
                let child = arrowSchema.children?[i]?.pointee
                columnNames.append(child?.name.map { String(cString: $0) } ?? "")
                formats.append(child?.format.map { String(cString: $0) } ?? "")
            }
            let geometryName = OGR_L_GetGeometryColumn(layer).map { String(cString: $0) } ?? ""
            guard let geometryColumn = columnNames.firstIndex(of: geometryName.isEmpty ? "wkb_geometry" : geometryName)
                ?? formats.firstIndex(of: "z"), formats[geometryColumn] == "z"
            else { return nil }
            func columnIndex(_ field: Int) -> Int? { columnNames.firstIndex(of: schema.names[field]) }
            let idColumn = schema.idColumn.map(columnIndex)
            if let c = idColumn, c == nil || !["u", "i", "l", "s"].contains(formats[c ?? 0]) { return nil }
            var weightColumns: [Int] = []
            for w in schema.weightColumns {
                guard let c = columnIndex(w), ["i", "l", "s", "c", "g", "f", "u"].contains(formats[c]) else { return nil }
                weightColumns.append(c)
            }
            self.formats = formats
            geometry = geometryColumn
            id = idColumn.flatMap { $0 }
            weights = weightColumns
        }
    }

    /// Appends the points of one batch (`index` counts features across batches); false when a geometry is
    /// not a point or a column is absent, so this path does not apply.
    private static func appendRows(
        of batch: ArrowArray, columns: StreamColumns, schema: PointSchema, file: String, to table: inout PointTable,
        counter: inout DiagnosticCounter, index: inout Int
    ) throws(GridIOError) -> Bool {
        guard let children = batch.children, let geometry = children[columns.geometry]?.pointee else { return false }
        let weightArrays = columns.weights.map { children[$0]?.pointee }
        let idArray = columns.id.flatMap { children[$0]?.pointee }
        var weights = [Double](repeating: 0, count: columns.weights.count)
        rows: for row in 0..<Int(batch.length) {
            defer { index += 1 }
            let at = "feature \(index)"
            for (k, column) in weightArrays.enumerated() {
                guard let column, let w = ArrowColumn.number(column, format: columns.formats[columns.weights[k]], row: row) else {
                    counter.add(.weightMissing, location: at, text: "feature(s) skipped: weight \"\(schema.weightNames[k])\" missing or null")
                    continue rows
                }
                guard w.isFinite else {
                    throw GridIOError(
                        file: file, message: "weight \"\(schema.weightNames[k])\" is not a finite number", location: at, kind: .badData)
                }
                guard w >= 0 else { throw schema.negativeWeight(k, w, file: file, at: at) }
                weights[k] = w
            }
            guard let wkb = ArrowColumn.binary(geometry, row: row), wkb.count >= 21 else {
                counter.add(.geometryNull, location: at, text: "feature(s) without geometry skipped", keep: 5)
                continue
            }
            guard let (x, y) = pointWKB(wkb) else { return false }
            guard !x.isNaN, !y.isNaN else {
                counter.add(.geometryNull, location: at, text: "feature(s) without geometry skipped", keep: 5)
                continue
            }
            let id = idArray.map { ArrowColumn.text($0, format: columns.formats[columns.id ?? 0], row: row) } ?? ""
            table.append(x: x, y: y, id: id, weights: weights, source: Int32(clamping: index))
        }
        return true
    }

    /// x, y of a 2D/Z/M/ZM point in ISO or little/big-endian WKB; nil for any other geometry.
    static func pointWKB(_ b: UnsafeRawBufferPointer) -> (Double, Double)? {
        let little = b[0] == 1
        var type = b.loadUnaligned(fromByteOffset: 1, as: UInt32.self)
        if !little { type = type.byteSwapped }
        guard type & 0x0FFF_FFFF == 1 || [1001, 2001, 3001].contains(type & 0x0FFF_FFFF) else { return nil }
        var xb = b.loadUnaligned(fromByteOffset: 5, as: UInt64.self)
        var yb = b.loadUnaligned(fromByteOffset: 13, as: UInt64.self)
        if !little {
            xb = xb.byteSwapped
            yb = yb.byteSwapped
        }
        return (Double(bitPattern: xb), Double(bitPattern: yb))
    }
}

/// Reading one value out of an Arrow C array (primitive, utf8 and binary layouts).
enum ArrowColumn {
    static func isValid(_ a: ArrowArray, row: Int) -> Bool {
        guard a.null_count != 0, let bitmap = a.buffers?[0] else { return true }
        let bit = row + Int(a.offset)
        return bitmap.load(fromByteOffset: bit >> 3, as: UInt8.self) & (1 << UInt8(bit & 7)) != 0
    }

    /// A numeric (or numeric text) cell; nil when null, empty or unparseable text.
    static func number(_ a: ArrowArray, format: String, row: Int) -> Double? {
        guard isValid(a, row: row), let values = a.buffers?[1] else { return nil }
        let i = row + Int(a.offset)
        switch format {
        case "c": return Double(values.load(fromByteOffset: i, as: Int8.self))
        case "s": return Double(values.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self))
        case "i": return Double(values.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))
        case "l": return Double(values.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))
        case "f": return Double(values.loadUnaligned(fromByteOffset: 4 * i, as: Float.self))
        case "g": return values.loadUnaligned(fromByteOffset: 8 * i, as: Double.self)
        case "u":
            let t = text(a, format: format, row: row).trimmingCharacters()
            guard !t.isEmpty else { return nil }
            guard let v = Double(t), t.allSatisfy({ "0123456789+-.eE".contains($0) }) else { return .nan }
            return v
        default: return nil
        }
    }

    /// A cell as text: utf8 as is, integers in decimal; "" when null.
    static func text(_ a: ArrowArray, format: String, row: Int) -> String {
        guard isValid(a, row: row) else { return "" }
        switch format {
        case "u":
            guard let b = binary(a, row: row) else { return "" }
            return String(decoding: b, as: UTF8.self)
        default:
            return number(a, format: format, row: row).map { String(Int64($0)) } ?? ""
        }
    }

    /// The bytes of a binary/utf8 cell (32-bit offsets), valid while the batch lives; nil when null.
    static func binary(_ a: ArrowArray, row: Int) -> UnsafeRawBufferPointer? {
        guard isValid(a, row: row), let offsets = a.buffers?[1], let data = a.buffers?[2] else { return nil }
        let i = row + Int(a.offset)
        let start = Int(offsets.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))
        let end = Int(offsets.loadUnaligned(fromByteOffset: 4 * (i + 1), as: Int32.self))
        return UnsafeRawBufferPointer(start: data + start, count: end - start)
    }
}
