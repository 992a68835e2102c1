internal import CGDAL
import GridIO
import GridModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes layers as a GeoPackage (one file, several layers) or as Shapefiles (one per layer: `.shp`,
/// `.shx`, `.dbf` in UTF-8 with a `.cpg`, and a `.prj`), in WGS84 longitude/latitude (EPSG:4326).
///
/// Files are written under a temporary name beside the target and renamed into place, so a
/// reader never sees half a file. Any GDAL warning while writing (a value truncated, a field
/// renamed by the driver) stops the write: nothing is changed silently.
public enum GDALWriter {
    /// Writes `layers` into one GeoPackage at `path` (replacing it).
    /// - Throws: `.unwritable` with GDAL's text.
    public static func writeGeoPackage(path: String, layers: [VectorLayer]) throws(GridIOError) {
        try writeOneFile(driver: "GPKG", suffix: ".gpkg", path: path, layers: layers)
    }

    /// Writes `layers` as the sheets of one Excel workbook at `path` (replacing it): a workbook keeps
    /// text as text (ids such as `0570` or Chinese names stay as they are, which a CSV opened in Excel
    /// does not promise). The layers carry no geometry (`.none`).
    /// - Throws: `.unwritable` with GDAL's text.
    public static func writeWorkbook(path: String, layers: [VectorLayer]) throws(GridIOError) {
        try writeOneFile(driver: "XLSX", suffix: ".xlsx", path: path, layers: layers)
    }

    /// One file holding every layer, written under a temporary name and renamed into place.
    private static func writeOneFile(driver: String, suffix: String, path: String, layers: [VectorLayer]) throws(GridIOError) {
        let temp = temporaryName(for: path, suffix: suffix)
        _ = unlink(temp)
        do throws(GridIOError) {
            try write(driver: driver, path: temp, file: path, layers: layers.map { ($0, $0.fieldNames) })
        } catch {
            _ = unlink(temp)
            throw error
        }
        guard rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            _ = unlink(temp)
            throw GridIOError(file: path, message: "cannot move into place: \(why)", kind: .unwritable)
        }
    }

    /// The files one Shapefile layer is made of, for `name` (e.g. "grids"): shp, shx, dbf, prj, cpg.
    public static func shapefileNames(_ name: String) -> [String] {
        ["shp", "shx", "dbf", "prj", "cpg"].map { "\(name).\($0)" }
    }

    /// Writes `layer` as the Shapefile `folder/NAME.shp` (+ sidecars), replacing it. Field names are
    /// made to fit the DBF's 10 bytes by `ShapefileFields` (gridplan's own names have fixed short forms);
    /// every other change is returned as a `SHAPEFILE_FIELD_RENAMED` warning, never silent.
    /// - Throws: `.unwritable` with GDAL's text, or `.badData` for a text value over 254 bytes.
    @discardableResult
    public static func writeShapefile(folder: String, layer: VectorLayer) throws(GridIOError) -> [Diagnostic] {
        let (names, renamed) = ShapefileFields.names(for: layer.fieldNames)
        let staging = folder + "/." + layer.name + ".gridplan-shp-\(getpid())"
        _ = mkdir(staging, 0o755)
        defer {
            for n in shapefileNames(layer.name) { _ = unlink(staging + "/" + n) }
            _ = rmdir(staging)
        }
        let file = folder + "/" + layer.name + ".shp"
        try write(driver: "ESRI Shapefile", path: staging + "/" + layer.name + ".shp", file: file, layers: [(layer, names)])
        for n in shapefileNames(layer.name) where access(staging + "/" + n, F_OK) == 0 {
            guard rename(staging + "/" + n, folder + "/" + n) == 0 else {
                throw GridIOError(file: folder + "/" + n, message: "cannot move into place: \(String(cString: strerror(errno)))", kind: .unwritable)
            }
        }
        guard !renamed.isEmpty else { return [] }
        let list = renamed.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
        return [Diagnostic(
            code: .shapefileFieldRenamed, file: file,
            message: "\(renamed.count) field name(s) longer than a Shapefile's 10 bytes renamed: \(list)", count: renamed.count)]
    }

    /// `dir/.NAME.partial-PID.EXT` for `dir/NAME.EXT`.
    static func temporaryName(for path: String, suffix: String) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[...$0]) } ?? ""
        var base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // No ".xlsx." inside the name: GDAL's /vsizip/ would take the archive to end there.
        if base.hasSuffix(suffix) { base.removeLast(suffix.count) }
        return dir + "." + base + ".partial-\(getpid())" + suffix
    }

    /// Creates a dataset with `driver` at `path` and writes every layer with the given column names.
    static func write(driver: String, path: String, file: String, layers: [(VectorLayer, [String])]) throws(GridIOError) {
        GDAL.ensure()
        let (result, messages) = GDAL.collectingMessages { () -> Result<Void, GridIOError> in
            do throws(GridIOError) {
                try create(driver: driver, path: path, file: file, layers: layers)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        if let first = messages.first {
            throw GridIOError(file: file, message: "GDAL warned while writing (nothing kept): \(first)", kind: .unwritable)
        }
    }

    private static func create(driver: String, path: String, file: String, layers: [(VectorLayer, [String])]) throws(GridIOError) {
        func fail(_ what: String) -> GridIOError {
            GridIOError(file: file, message: "\(what): \(GDAL.lastMessage())", kind: .unwritable)
        }
        CPLErrorReset()
        guard let drv = GDALGetDriverByName(driver) else { throw fail("GDAL has no \(driver) driver") }  // borrowed
        guard let handle = GDALCreate(drv, path, 0, 0, 0, GDT_Unknown, nil) else { throw fail("cannot create") }
        let ds = Dataset(handle: handle, path: path)
        // The layer keeps its own reference to the SRS; ours is released here.
        guard let srs = OSRNewSpatialReference(nil) else { throw fail("no spatial reference") }
        defer { OSRRelease(srs) }
        _ = OSRImportFromEPSG(srs, 4326)
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)  // x = longitude
        for (layer, names) in layers {
            try writeLayer(ds, layer: layer, names: names, srs: srs, shapefile: driver == "ESRI Shapefile", fail: fail)
        }
        guard ds.close() else { throw fail("cannot finish the file") }
    }

    private static func writeLayer(
        _ ds: Dataset, layer: VectorLayer, names: [String], srs: OGRSpatialReferenceH, shapefile: Bool, fail: (String) -> GridIOError
    ) throws(GridIOError) {
        guard let h = ds.handle else { throw fail("dataset closed") }
        let geometryType: OGRwkbGeometryType
        switch layer.shapes {
        case .multiPolygons: geometryType = wkbMultiPolygon
        case .points: geometryType = wkbPoint
        case .none: geometryType = wkbNone
        }
        let creation: [(String, String)] = shapefile ? [("ENCODING", "UTF-8")] : []
        let layerSRS = geometryType == wkbNone ? nil : srs
        guard let l = GDAL.withOptions(creation, { GDALDatasetCreateLayer(h, layer.name, layerSRS, geometryType, $0) }) else {
            throw fail("cannot create the layer \(layer.name)")
        }
        let columns = ColumnType.infer(layer.rows, count: names.count)
        for (k, name) in names.enumerated() {
            guard let fd = OGR_Fld_Create(name, columns[k].ogrType) else { throw fail("cannot create the field \(name)") }
            defer { OGR_Fld_Destroy(fd) }  // CreateField copies it
            if columns[k] == .boolean && !shapefile { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            if case .text(let width) = columns[k] {
                if shapefile && width > 254 {
                    throw GridIOError(
                        file: ds.path, message: "field \(name) holds text of \(width) bytes; a Shapefile keeps at most 254 (use --format gpkg)",
                        kind: .badData)
                }
                OGR_Fld_SetWidth(fd, Int32(shapefile ? max(1, width) : 0))
            }
            guard OGR_L_CreateField(l, fd, 0) == OGRERR_NONE else { throw fail("cannot create the field \(name)") }
        }
        let transaction = GDALDatasetStartTransaction(h, 0) == OGRERR_NONE  // GPKG: one transaction; SHP: none
        guard let defn = OGR_L_GetLayerDefn(l) else { throw fail("no layer definition") }  // borrowed
        for (i, row) in layer.rows.enumerated() {
            guard let f = OGR_F_Create(defn) else { throw fail("cannot create a feature") }
            defer { OGR_F_Destroy(f) }  // CreateFeature copies it
            for (k, value) in row.enumerated() { set(f, Int32(k), value, as: columns[k]) }
            switch layer.shapes {
            case .multiPolygons(let m):
                if let g = multiPolygon(m[i]) { _ = OGR_F_SetGeometryDirectly(f, g) }  // f owns g now
            case .points(let x, let y):
                if let g = OGR_G_CreateGeometry(wkbPoint) {
                    OGR_G_SetPoint_2D(g, 0, x[i], y[i])
                    _ = OGR_F_SetGeometryDirectly(f, g)  // f owns g now
                }
            case .none: break
            }
            guard OGR_L_CreateFeature(l, f) == OGRERR_NONE else { throw fail("cannot write feature \(i) of \(layer.name)") }
        }
        if transaction, GDALDatasetCommitTransaction(h) != OGRERR_NONE { throw fail("cannot commit \(layer.name)") }
    }

    private static func set(_ f: OGRFeatureH, _ k: Int32, _ value: JSONValue, as column: ColumnType) {
        switch (value, column) {
        case (.null, _): OGR_F_SetFieldNull(f, k)
        case (.int(let v), .real): OGR_F_SetFieldDouble(f, k, Double(v))
        case (.int(let v), _): OGR_F_SetFieldInteger64(f, k, Int64(v))
        case (.number(let v), _): OGR_F_SetFieldDouble(f, k, v)
        case (.bool(let b), _): OGR_F_SetFieldInteger(f, k, b ? 1 : 0)
        case (.string(let s), _): OGR_F_SetFieldString(f, k, s)
        case (.array, _), (.object, _): OGR_F_SetFieldString(f, k, ColumnType.text(value))
        }
    }

    /// An owned OGR MultiPolygon (nil when empty).
    private static func multiPolygon(_ m: MultiPolygon) -> OGRGeometryH? {
        guard !m.isEmpty, let mp = OGR_G_CreateGeometry(wkbMultiPolygon) else { return nil }
        for p in m.polygons {
            guard let poly = OGR_G_CreateGeometry(wkbPolygon) else { continue }
            for ring in p.rings {
                guard let r = OGR_G_CreateGeometry(wkbLinearRing) else { continue }
                let n = ring.count / 2
                ring.withUnsafeBufferPointer { buf in
                    guard let base = buf.baseAddress else { return }
                    // Strided bulk copy from the interleaved ring.
                    OGR_G_SetPointsZM(
                        r, Int32(n), UnsafeMutableRawPointer(mutating: base), 16, UnsafeMutableRawPointer(mutating: base + 1), 16, nil, 0, nil,
                        0)
                }
                _ = OGR_G_AddGeometryDirectly(poly, r)  // poly owns r
            }
            _ = OGR_G_AddGeometryDirectly(mp, poly)  // mp owns poly
        }
        return mp
    }
}

/// The OGR type a column gets from its values.
enum ColumnType: Equatable {
    case integer
    case real
    case boolean
    /// Width in bytes of the longest value.
    case text(Int)

    var ogrType: OGRFieldType {
        switch self {
        case .integer: return OFTInteger64
        case .real: return OFTReal
        case .boolean: return OFTInteger
        case .text: return OFTString
        }
    }

    /// Integer when every value is, real when numbers mix with integers, text when any value is text.
    static func infer(_ rows: [[JSONValue]], count: Int) -> [ColumnType] {
        (0..<count).map { k in
            var ints = 0, reals = 0, bools = 0, texts = 0, width = 0
            for row in rows {
                switch row[k] {
                case .null: continue
                case .int: ints += 1
                case .number: reals += 1
                case .bool: bools += 1
                case .string(let s):
                    texts += 1
                    width = max(width, s.utf8.count)
                case .array, .object:
                    texts += 1
                    width = max(width, text(row[k]).utf8.count)
                }
            }
            if texts > 0 || (bools > 0 && ints + reals > 0) {
                for row in rows where !isText(row[k]) { width = max(width, text(row[k]).utf8.count) }
                return .text(width)
            }
            if reals > 0 { return .real }
            if bools > 0 { return .boolean }
            return .integer
        }
    }

    private static func isText(_ v: JSONValue) -> Bool {
        if case .string = v { return true }
        return false
    }

    /// A value written into a text column.
    static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s): return s
        case .array(let a): return "[" + a.map(text).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.map { "\($0.0):\(text($0.1))" }.joined(separator: ",") + "}"
        }
    }
}
