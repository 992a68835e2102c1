internal import CGDAL
import GridIO
import GridModel

/// What a point read needs besides the file: the id and weight fields, and coordinate columns for
/// tables without geometry (Excel sheets) or when named.
public struct GDALPointFields: Sendable {
    public var idField: String?
    public var weightFields: [String]
    /// Coordinate columns (`--x-field/--y-field`); when set, they are used instead of the geometry.
    public var xField: String?
    public var yField: String?

    public init(idField: String?, weightFields: [String], xField: String? = nil, yField: String? = nil) {
        self.idField = idField
        self.weightFields = weightFields
        self.xField = xField
        self.yField = yField
    }
}

extension GDALReader {
    /// Points of the chosen layer, with the same rules as `GeoJSONReader.readPoints`: a MultiPoint's
    /// weight is shared among its positions; null or empty geometries (`GEOMETRY_NULL`), non-point
    /// geometries (`GEOMETRY_SKIPPED`), empty or non-numeric coordinates in a table
    /// (`COORDINATE_MISSING`) and missing weights (`WEIGHT_MISSING`) skip the point, counted, naming
    /// the first ones; a negative or non-numeric weight is an error. `PointTable.sources` holds each
    /// feature's 0-based position. A GeoPackage point layer is read through GDAL's Arrow stream.
    /// - Complexity: O(features); the Arrow path reads a million GeoPackage points in about 0.1 s.
    public static func readPoints(path: String, fields: GDALPointFields, options: GDALReadOptions = GDALReadOptions())
        throws(GridIOError) -> (points: PointTable, crs: String?, diagnostics: [Diagnostic])
    {
        let ((points, diagnostics), crs, notes) = try withOpenLayer(path: path, options: options, wantPoints: true) {
            (layer, file) throws(GridIOError) in
            let schema = try PointSchema(layer: layer, fields: fields, file: file)
            if schema.xColumn == nil, let fast = try ArrowPoints.read(layer: layer, schema: schema, file: file) {
                return (fast, .utf8)
            }
            return try readPoints(layer: layer, schema: schema, file: file)
        }
        return (points, crs, notes + diagnostics)
    }

    /// The per-feature path: any driver, geometry or coordinate columns.
    static func readPoints(layer: OGRLayerH, schema: PointSchema, file: String) throws(GridIOError)
        -> ((PointTable, [Diagnostic]), LayerText)
    {
        var table = PointTable(weightNames: schema.weightNames)
        let n = OGR_L_GetFeatureCount(layer, 0)
        if n > 0 { table.reserveCapacity(Int(n)) }
        var text = LayerText.utf8
        var counter = DiagnosticCounter()
        var weights = [Double](repeating: 0, count: schema.weightColumns.count)
        OGR_L_ResetReading(layer)
        var index = 0
        features: while let f = OGR_L_GetNextFeature(layer) {
            defer {
                OGR_F_Destroy(f)  // owned
                index += 1
            }
            let at = "feature \(index)"
            for (k, c) in schema.weightColumns.enumerated() {
                switch try schema.number(f, c) {
                case .value(let w):
                    guard w >= 0 else { throw schema.negativeWeight(k, w, file: file, at: at) }
                    weights[k] = w
                case .missing:
                    counter.add(.weightMissing, location: at, text: "feature(s) skipped: weight \"\(schema.weightNames[k])\" missing or null")
                    continue features
                case .invalid(let s):
                    throw GridIOError(
                        file: file, message: "weight \"\(schema.weightNames[k])\" is not a finite number: \"\(s.prefix(40))\"", location: at,
                        kind: .badData)
                }
            }
            var id = ""
            if let c = schema.idColumn, OGR_F_IsFieldSetAndNotNull(f, Int32(c)) != 0, let p = OGR_F_GetFieldAsString(f, Int32(c)) {
                if let s = String(validatingCString: p) { id = s } else {
                    text = .notUTF8
                    id = String(cString: p)
                }
            }
            let source = Int32(clamping: index)
            if let xc = schema.xColumn, let yc = schema.yColumn {
                guard case .value(let x) = try schema.number(f, xc), case .value(let y) = try schema.number(f, yc) else {
                    counter.add(
                        .coordinateMissing, location: at,
                        text: "feature(s) skipped: \(schema.names[xc]) or \(schema.names[yc]) empty or not a finite number", keep: 5)
                    continue features
                }
                table.append(x: x, y: y, id: id, weights: weights, source: source)
                continue
            }
            guard let g = OGR_F_GetGeometryRef(f), OGR_G_IsEmpty(g) == 0 else {  // borrowed
                counter.add(.geometryNull, location: at, text: "feature(s) without geometry skipped", keep: 5)
                continue
            }
            switch OGR_GT_Flatten(OGR_G_GetGeometryType(g)) {
            case wkbPoint:
                table.append(x: OGR_G_GetX(g, 0), y: OGR_G_GetY(g, 0), id: id, weights: weights, source: source)
            case wkbMultiPoint:
                var xy: [Double] = []
                for i in 0..<OGR_G_GetGeometryCount(g) {
                    guard let p = OGR_G_GetGeometryRef(g, i), OGR_G_IsEmpty(p) == 0 else { continue }  // borrowed
                    xy += [OGR_G_GetX(p, 0), OGR_G_GetY(p, 0)]
                }
                let m = xy.count / 2
                guard m > 0 else { continue }
                let share = weights.map { $0 / Double(m) }
                for i in 0..<m { table.append(x: xy[2 * i], y: xy[2 * i + 1], id: id, weights: share, source: source) }
            default:
                counter.add(
                    .geometrySkipped, location: at, text: "feature(s) that are not points (LineString, Polygon …) skipped", keep: 5)
            }
        }
        return ((table, counter.diagnostics(file: file)), text)
    }
}

/// Where the id, weight and coordinate fields sit in a layer.
struct PointSchema {
    var names: [String]
    var fieldTypes: [OGRFieldType]
    var idColumn: Int?
    var weightColumns: [Int]
    var weightNames: [String]
    var xColumn: Int?
    var yColumn: Int?

    init(layer: OGRLayerH, fields: GDALPointFields, file: String) throws(GridIOError) {
        names = []
        fieldTypes = []
        if let defn = OGR_L_GetLayerDefn(layer) {  // borrowed
            for i in 0..<OGR_FD_GetFieldCount(defn) {
                guard let fd = OGR_FD_GetFieldDefn(defn, i) else { continue }  // borrowed
                names.append(OGR_Fld_GetNameRef(fd).map { String(cString: $0) } ?? "")
                fieldTypes.append(OGR_Fld_GetType(fd))
            }
        }
        let header = names
        func column(_ name: String, _ role: String) throws(GridIOError) -> Int {
            if let i = header.firstIndex(of: name) ?? header.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return i }
            throw GridIOError(
                file: file, message: "no field \"\(name)\" for the \(role); the layer has \(header.joined(separator: ", "))", kind: .badData)
        }
        idColumn = try fields.idField.map { (n: String) throws(GridIOError) in try column(n, "id") }
        weightColumns = []
        for w in fields.weightFields { weightColumns.append(try column(w, "weight")) }
        weightNames = fields.weightFields
        let hasGeometry = OGR_GT_Flatten(OGR_L_GetGeomType(layer)) != wkbNone
        if fields.xField != nil || fields.yField != nil || !hasGeometry {
            let (x, y) = try CoordinateColumns.find(header: header, xField: fields.xField, yField: fields.yField, file: file, location: "")
            xColumn = x
            yColumn = y
        }
    }

    enum Number {
        case value(Double)
        case missing
        case invalid(String)
    }

    /// A numeric field as a number, or text parsed as a plain finite decimal.
    func number(_ f: OGRFeatureH, _ c: Int) throws(GridIOError) -> Number {
        let i = Int32(c)
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return .missing }
        switch fieldTypes[c] {
        case OFTInteger, OFTInteger64: return .value(Double(OGR_F_GetFieldAsInteger64(f, i)))
        case OFTReal:
            let v = OGR_F_GetFieldAsDouble(f, i)
            return v.isFinite ? .value(v) : .invalid(String(v))
        default:
            guard let p = OGR_F_GetFieldAsString(f, i) else { return .missing }  // borrowed
            let s = String(cString: p)
            let t = s.trimmingCharacters()
            if t.isEmpty { return .missing }
            guard let v = Double(t), v.isFinite, t.allSatisfy({ "0123456789+-.eE".contains($0) }) else { return .invalid(s) }
            return .value(v)
        }
    }
}

extension String {
    /// Without leading and trailing whitespace.
    func trimmingCharacters() -> String {
        var s = self[...]
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension PointSchema {
    /// The error for a negative value `w` of the k-th weight at `at` (one wording for both point paths).
    func negativeWeight(_ k: Int, _ w: Double, file: String, at: String) -> GridIOError {
        GridIOError(
            file: file, message: "weight \"\(weightNames[k])\" is negative (\(w)); weights must be ≥ 0", location: at, kind: .badData)
    }
}
