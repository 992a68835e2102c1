internal import CGDAL
import GridIO
import GridModel

/// How to open a file through GDAL.
public struct GDALReadOptions: Sendable {
    /// The layer to read (`--boundary-layer` …); nil: the file's only suitable layer.
    public var layer: String?
    /// The option that names the layer, for messages ("--boundary-layer").
    public var layerOption: String
    /// The DBF text encoding declared on the command line; it wins over a `.cpg`.
    public var encoding: TextEncoding?

    public init(layer: String? = nil, layerOption: String = "--layer", encoding: TextEncoding? = nil) {
        self.layer = layer
        self.layerOption = layerOption
        self.encoding = encoding
    }
}

/// Reads Shapefiles (plain or zipped), GeoPackages, file geodatabases, KML and Excel workbooks through GDAL
/// into gridplan's own values: polygon layers as `Feature`s (like `GeoJSONReader.readFeatures`) and
/// point layers as a `PointTable` (like `GeoJSONReader.readPoints`).
///
/// Coordinates are returned as stored (x = longitude or easting), with the layer's CRS as
/// `AUTHORITY:CODE` when GDAL identifies one, else as WKT (which PROJ accepts). Text is UTF-8: a
/// Shapefile's `.cpg` says its DBF encoding, `GDALReadOptions.encoding` overrides it, and a DBF without
/// either whose text is not UTF-8 is read as GB18030 with a warning `ENCODING_ASSUMED`.
public enum GDALReader {
    /// Polygon features of the chosen layer, in layer order; `Feature.index` is the 0-based position,
    /// `Feature.line` is 0 (not a text file), `Feature.id` the FID.
    /// - Throws: `.missing` when GDAL cannot open the file; `.badData` for a missing or ambiguous layer,
    ///   a line geometry, or text not valid in the declared encoding.
    public static func readFeatures(path: String, options: GDALReadOptions = GDALReadOptions()) throws(GridIOError) -> GeoJSONDocument {
        let ((features, diagnostics), crs, notes) = try withOpenLayer(path: path, options: options, wantPoints: false) {
            (layer, file) throws(GridIOError) in try readFeatures(layer: layer, file: file)
        }
        return GeoJSONDocument(features: features, crs: crs, diagnostics: notes + diagnostics)
    }

    /// Opens `path` (with the encoding rule above: a second open as GB18030 when an undeclared DBF
    /// is not UTF-8), picks the layer and hands it to `body`.
    static func withOpenLayer<R>(
        path: String, options: GDALReadOptions, wantPoints: Bool,
        _ body: (OGRLayerH, String) throws(GridIOError) -> (R, LayerText)
    ) throws(GridIOError) -> (R, crs: String?, diagnostics: [Diagnostic]) {
        guard let format = GDALFormat(path: path) else {
            throw GridIOError(file: path, message: "unsupported format; gridplan reads \(GDALFormat.readableText)", kind: .badData)
        }
        var encoding = options.encoding
        var notes: [Diagnostic] = []
        for attempt in 0..<2 {
            let openOptions = format.isShapefileLike ? encoding.map { [("ENCODING", $0.iconvName)] } ?? [] : []
            let ds = try Dataset.open(format.gdalPath(path), file: path, options: openOptions, allowedDrivers: format.drivers)
            let layer = try pickLayer(ds, file: path, options: options, wantPoints: wantPoints)
            let (result, text) = try body(layer, path)
            let crs = layerCRS(layer)
            if text == .notUTF8 {
                if attempt == 0, encoding == nil, ds.driverName == "ESRI Shapefile" {
                    encoding = .gb18030
                    notes.append(Diagnostic(
                        code: .encodingAssumed, file: path,
                        message: "the attribute table (DBF) is not UTF-8 and has no .cpg; read as GB18030 (GBK); declare --encoding gbk, gb18030 or utf-8 to be sure"))
                    continue
                }
                let declared = encoding.map { "\($0.iconvName), as declared," } ?? "UTF-8"
                throw GridIOError(
                    file: path, message: "attribute text is not valid \(declared); declare the encoding with --encoding (\(TextEncoding.namesText))",
                    kind: .badData)
            }
            return (result, crs, notes)
        }
        throw GridIOError(file: path, message: "attribute text could not be decoded", kind: .badData)
    }

    /// The layer named in `options`, or the only layer of the wanted kind.
    static func pickLayer(_ ds: Dataset, file: String, options: GDALReadOptions, wantPoints: Bool) throws(GridIOError) -> OGRLayerH {
        let layers = ds.layers
        func describe() -> String {
            layers.map { "\($0.name) (\(geometryName($0.handle)), \(OGR_L_GetFeatureCount($0.handle, 0)) features)" }
                .joined(separator: ", ")
        }
        if let wanted = options.layer {
            if let l = layers.first(where: { $0.name == wanted }) ?? layers.first(where: { $0.name.lowercased() == wanted.lowercased() }) {
                return l.handle
            }
            throw GridIOError(file: file, message: "no layer \"\(wanted)\"; the file has \(describe())", kind: .badData)
        }
        guard !layers.isEmpty else { throw GridIOError(file: file, message: "the file has no vector layer", kind: .badData) }
        if layers.count == 1 { return layers[0].handle }
        let suitable = layers.filter { l in
            let t = OGR_GT_Flatten(OGR_L_GetGeomType(l.handle))
            if wantPoints { return t == wkbPoint || t == wkbMultiPoint || t == wkbNone }
            return t == wkbPolygon || t == wkbMultiPolygon || t == wkbCurvePolygon || t == wkbMultiSurface || t == wkbUnknown
        }
        if suitable.count == 1 { return suitable[0].handle }
        throw GridIOError(
            file: file, message: "the file has \(layers.count) layers: \(describe()); name one with \(options.layerOption)", kind: .badData)
    }

    static func geometryName(_ layer: OGRLayerH) -> String {
        OGRGeometryTypeToName(OGR_L_GetGeomType(layer)).map { String(cString: $0) } ?? "?"
    }

    /// The layer's CRS as `EPSG:NNNN` (or another authority) when identified, else WKT2; nil when none.
    static func layerCRS(_ layer: OGRLayerH) -> String? {
        // Borrowed; cloned because AutoIdentifyEPSG mutates it.
        guard let borrowed = OGR_L_GetSpatialRef(layer), let srs = OSRClone(borrowed) else { return nil }
        defer { OSRRelease(srs) }
        _ = OSRAutoIdentifyEPSG(srs)
        if let name = OSRGetAuthorityName(srs, nil), let code = OSRGetAuthorityCode(srs, nil) {
            return String(cString: name) + ":" + String(cString: code)
        }
        var wkt: UnsafeMutablePointer<CChar>? = nil
        let done = GDAL.withOptions([("FORMAT", "WKT2_2019")]) { opts in
            OSRExportToWktEx(srs, &wkt, GDAL.constList(opts)) == OGRERR_NONE
        }
        let text = GDAL.take(wkt)
        return done ? text : nil
    }
}

/// Whether every attribute string of a layer was valid UTF-8.
enum LayerText: Equatable {
    case utf8
    case notUTF8
}

extension GDALFormat {
    /// Formats whose text encoding comes from a DBF (the ENCODING open option applies).
    var isShapefileLike: Bool { self == .shapefile || self == .zippedShapefile }
}
