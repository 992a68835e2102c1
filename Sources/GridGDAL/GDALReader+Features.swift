internal import CGDAL
import GridIO
import GridModel

extension GDALReader {
    /// Every feature of `layer` with all its attributes; `.notUTF8` when some text was not UTF-8
    /// (the caller then reopens the file with an encoding).
    static func readFeatures(layer: OGRLayerH, file: String) throws(GridIOError) -> (([Feature], [Diagnostic]), LayerText) {
        let fields = FieldList(layer: layer)
        var features: [Feature] = []
        var text = FieldList.nameIsUTF8(layer) ? LayerText.utf8 : .notUTF8
        var counter = DiagnosticCounter()
        OGR_L_ResetReading(layer)
        var index = 0
        while let f = OGR_L_GetNextFeature(layer) {
            defer {
                OGR_F_Destroy(f)  // owned: GetNextFeature hands over a new feature
                index += 1
            }
            var properties: [Property] = []
            properties.reserveCapacity(fields.names.count)
            for k in fields.names.indices {
                let (value, ok) = fields.value(f, k)
                if !ok { text = .notUTF8 }
                properties.append(Property(name: fields.names[k], value: value))
            }
            var geometry: FeatureGeometry?
            if let g = OGR_F_GetGeometryRef(f) {  // borrowed, owned by f
                geometry = try Self.geometry(g, file: file, index: index, polygonal: true)
                if geometry == nil {
                    counter.add(.geometryEmpty, location: "feature \(index)", text: "geometries that are empty taken as null")
                }
            }
            let fid = OGR_F_GetFID(f)
            features.append(Feature(
                index: index, line: 0, id: fid == Int64(OGRNullFID) ? nil : .number(Double(fid)), geometry: geometry,
                properties: properties))
        }
        return ((features, counter.diagnostics(file: file)), text)
    }

    /// A GDAL geometry as gridplan's value; nil when empty. Curves are linearised, Z/M dropped;
    /// polygonal collections (KML MultiGeometry) become a MultiPolygon.
    /// - Throws: `.badData` for lines (and points when `polygonal`), naming the feature.
    static func geometry(_ g: OGRGeometryH, file: String, index: Int, polygonal: Bool) throws(GridIOError) -> FeatureGeometry? {
        if OGR_G_IsEmpty(g) != 0 { return nil }
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
        func unsupported() -> GridIOError {
            let name = OGR_G_GetGeometryName(g).map { String(cString: $0) } ?? "?"
            let expected = polygonal ? "Polygon or MultiPolygon" : "Point or MultiPoint"
            return GridIOError(file: file, message: "\(name) is not supported; expected \(expected)", location: "feature \(index)", kind: .badData)
        }
        switch type {
        case wkbPoint:
            return .point(x: OGR_G_GetX(g, 0), y: OGR_G_GetY(g, 0))
        case wkbMultiPoint:
            var xy: [Double] = []
            for i in 0..<OGR_G_GetGeometryCount(g) {
                guard let p = OGR_G_GetGeometryRef(g, i), OGR_G_IsEmpty(p) == 0 else { continue }  // borrowed
                xy.append(OGR_G_GetX(p, 0))
                xy.append(OGR_G_GetY(p, 0))
            }
            return xy.isEmpty ? nil : .multiPoint(xy)
        case wkbPolygon:
            return polygon(g).map { .polygon($0) }
        case wkbMultiPolygon, wkbGeometryCollection:
            var polygons: [Polygon] = []
            for i in 0..<OGR_G_GetGeometryCount(g) {
                guard let part = OGR_G_GetGeometryRef(g, i) else { continue }  // borrowed
                switch try geometry(part, file: file, index: index, polygonal: polygonal) {
                case .polygon(let p)?: polygons.append(p)
                case .multiPolygon(let m)?: polygons += m.polygons
                case nil: continue
                default: throw unsupported()
                }
            }
            return polygons.isEmpty ? nil : .multiPolygon(MultiPolygon(polygons: polygons))
        case wkbCurvePolygon, wkbMultiSurface:
            // Owned linear copy (arcs approximated at GDAL's default step), destroyed here.
            guard let linear = OGR_G_GetLinearGeometry(g, 0, nil) else { throw unsupported() }
            defer { OGR_G_DestroyGeometry(linear) }
            return try geometry(linear, file: file, index: index, polygonal: polygonal)
        default:
            throw unsupported()
        }
    }

    /// A polygon's rings as interleaved x, y (Z dropped); nil when it has no exterior ring.
    static func polygon(_ g: OGRGeometryH) -> Polygon? {
        var rings: [[Double]] = []
        for r in 0..<OGR_G_GetGeometryCount(g) {
            guard let ring = OGR_G_GetGeometryRef(g, r) else { continue }  // borrowed
            let n = Int(OGR_G_GetPointCount(ring))
            guard n > 0 else { continue }
            var xy = [Double](repeating: 0, count: 2 * n)
            xy.withUnsafeMutableBufferPointer { buf in
                guard let base = buf.baseAddress else { return }
                // Strided bulk copy: x into even slots, y into odd slots (16 bytes apart).
                _ = OGR_G_GetPoints(ring, base, 16, base + 1, 16, nil, 0)
            }
            rings.append(xy)
        }
        return rings.isEmpty ? nil : Polygon(rings: rings)
    }
}

/// A layer's attribute fields: names (UTF-8) and how to read each one.
struct FieldList {
    enum Kind {
        case integer
        case boolean
        case real
        case text
    }

    var names: [String] = []
    var kinds: [Kind] = []

    init(layer: OGRLayerH) {
        guard let defn = OGR_L_GetLayerDefn(layer) else { return }  // borrowed
        for i in 0..<OGR_FD_GetFieldCount(defn) {
            guard let fd = OGR_FD_GetFieldDefn(defn, i) else { continue }  // borrowed
            let raw = OGR_Fld_GetNameRef(fd)
            names.append(raw.map { String(validatingCString: $0) ?? String(cString: $0) } ?? "field\(i)")
            switch OGR_Fld_GetType(fd) {
            case OFTInteger, OFTInteger64: kinds.append(OGR_Fld_GetSubType(fd) == OFSTBoolean ? .boolean : .integer)
            case OFTReal: kinds.append(.real)
            default: kinds.append(.text)
            }
        }
    }

    /// Field `k` of feature `f`, and false when its text is not UTF-8 (kept with U+FFFD meanwhile).
    func value(_ f: OGRFeatureH, _ k: Int) -> (PropertyValue, Bool) {
        let i = Int32(k)
        guard OGR_F_IsFieldSetAndNotNull(f, i) != 0 else { return (.null, true) }
        switch kinds[k] {
        case .integer: return (.number(Double(OGR_F_GetFieldAsInteger64(f, i))), true)
        case .boolean: return (.bool(OGR_F_GetFieldAsInteger(f, i) != 0), true)
        case .real: return (.number(OGR_F_GetFieldAsDouble(f, i)), true)
        case .text:
            guard let p = OGR_F_GetFieldAsString(f, i) else { return (.null, true) }  // borrowed until the next call on f
            if let s = String(validatingCString: p) { return (.string(s), true) }
            return (.string(String(cString: p)), false)
        }
    }

    /// True when the field names themselves were valid UTF-8.
    static func nameIsUTF8(_ layer: OGRLayerH) -> Bool {
        guard let defn = OGR_L_GetLayerDefn(layer) else { return true }
        for i in 0..<OGR_FD_GetFieldCount(defn) {
            if let fd = OGR_FD_GetFieldDefn(defn, i), let p = OGR_Fld_GetNameRef(fd), String(validatingCString: p) == nil { return false }
        }
        return true
    }
}
