import GridModel

/// A polygon (or small point) file as read: its features, its legacy CRS and what was repaired.
public struct GeoJSONDocument: Sendable {
    /// All features in file order; `Feature.index` is the 0-based position, `Feature.line` the
    /// 1-based line of its `{`. A bare geometry or a single Feature gives one feature, index 0.
    public var features: [Feature]
    /// The legacy `crs` member normalised to `AUTHORITY:CODE` ("EPSG:4549", "OGC:CRS84"), if any.
    public var crs: String?
    /// Repairs and exclusions, one per code: `RING_CLOSED`, `GEOMETRY_EMPTY`.
    public var diagnostics: [Diagnostic]

    public init(features: [Feature], crs: String?, diagnostics: [Diagnostic]) {
        self.features = features
        self.crs = crs
        self.diagnostics = diagnostics
    }
}

/// Strict, fast GeoJSON reading (RFC 7946 plus the legacy `crs` member) without Foundation's JSON.
///
/// Accepts a FeatureCollection, a single Feature or a bare geometry; geometry types Point,
/// MultiPoint, Polygon and MultiPolygon (others are refused by name). Refuses what importers let
/// through: invalid UTF-8, NaN/Infinity, numbers that overflow a double, strings as coordinates,
/// duplicate member names, nesting deeper than 64 levels, trailing content, truncated or empty
/// files, rings with fewer than 4 positions. Repairs visibly: an unclosed ring is closed and
/// reported as `RING_CLOSED`. Accepts and skips a UTF-8 BOM; 3D positions lose their z.
/// Coordinates are returned as stored (x = longitude or easting), in the file's CRS.
public enum GeoJSONReader {
    /// Maximum nesting of arrays and objects.
    public static let maxDepth = 64

    /// Polygon files (boundaries, units): all features with all properties.
    public static func readFeatures(path: String) throws(GridIOError) -> GeoJSONDocument {
        try readFeatures(bytes: InputFile.load(path: path), file: path)
    }

    /// Polygon files from memory; `file` names the source in messages.
    public static func readFeatures(bytes: [UInt8], file: String) throws(GridIOError) -> GeoJSONDocument {
        var parser = try parse(bytes, file: file, pointMode: false, idField: nil, weightFields: [])
        let features = parser.features
        parser.features = []
        return GeoJSONDocument(features: features, crs: parser.crs, diagnostics: parser.diagnostics.diagnostics(file: file))
    }

    /// Barrier files (streets, railways, rivers): like polygon files, but LineString and MultiLineString
    /// features are read too (`FeatureGeometry.multiLineString`; a LineString is one line). A line needs at
    /// least 2 positions; empty coordinates are taken as null (`GEOMETRY_EMPTY`), as for polygons.
    public static func readLines(path: String) throws(GridIOError) -> GeoJSONDocument {
        try readLines(bytes: InputFile.load(path: path), file: path)
    }

    /// Barrier files from memory; `file` names the source in messages.
    public static func readLines(bytes: [UInt8], file: String) throws(GridIOError) -> GeoJSONDocument {
        var parser = try parse(bytes, file: file, pointMode: false, lineMode: true, idField: nil, weightFields: [])
        let features = parser.features
        parser.features = []
        return GeoJSONDocument(features: features, crs: parser.crs, diagnostics: parser.diagnostics.diagnostics(file: file))
    }

    /// Point files (up to millions of points): streams into flat arrays, extracts only the id and
    /// weight fields, never builds a Feature per point.
    ///
    /// - `idField`: property copied (as text) into `PointTable.ids`; when it is "id" and a feature
    ///   lacks such a property, the feature's `id` member is used. Without it, ids are "".
    /// - Weights: a missing or null (or "") weight skips the point, counted once as
    ///   `WEIGHT_MISSING` with the count and the first feature; a numeric string is accepted;
    ///   a negative, non-finite or non-numeric weight is an error naming the feature; a weight
    ///   field that no feature has is an error. Without weight fields every point weighs 1 and
    ///   `weights` is empty.
    /// - MultiPoint: each position becomes a point and the feature's weight is split evenly
    ///   among them (weight ÷ positions), so totals are conserved.
    /// - Features with null geometry are skipped and counted (`GEOMETRY_NULL`); empty
    ///   coordinates likewise (`GEOMETRY_EMPTY`); LineString, Polygon and other non-point features too
    ///   (`GEOMETRY_SKIPPED`, naming the first five).
    /// - `PointTable.sources` holds each point's feature index.
    /// - Complexity: O(file size); memory is the file's bytes plus the result.
    public static func readPoints(path: String, idField: String?, weightFields: [String]) throws(GridIOError)
        -> (points: PointTable, crs: String?, diagnostics: [Diagnostic])
    {
        try readPoints(bytes: InputFile.load(path: path), file: path, idField: idField, weightFields: weightFields)
    }

    /// Point files from memory; see `readPoints(path:idField:weightFields:)`.
    public static func readPoints(bytes: [UInt8], file: String, idField: String?, weightFields: [String]) throws(GridIOError)
        -> (points: PointTable, crs: String?, diagnostics: [Diagnostic])
    {
        let parser = try parse(bytes, file: file, pointMode: true, idField: idField, weightFields: weightFields)
        try parser.checkFieldsSeen()
        return (parser.points, parser.crs, parser.diagnostics.diagnostics(file: file))
    }

    private static func parse(
        _ bytes: [UInt8], file: String, pointMode: Bool, lineMode: Bool = false, idField: String?, weightFields: [String]
    ) throws(GridIOError) -> GeoJSONParser
    {
        let result: Result<GeoJSONParser, GridIOError> = bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress, !buf.isEmpty else {
                return .failure(GridIOError(file: file, message: "the file is empty", kind: .badData))
            }
            do throws(GridIOError) {
                let start = UTF8Validation.bomLength(buf)
                try UTF8Validation.check(buf, from: start, file: file)
                let scanner = JSONScanner(base: base, count: buf.count, start: start, file: file, maxDepth: maxDepth)
                var parser = GeoJSONParser(scanner: scanner, pointMode: pointMode, idField: idField, weightFields: weightFields)
                parser.lineMode = lineMode
                if pointMode { parser.points.reserveCapacity(min(buf.count / 40, 1 << 26)) }
                try parser.parseDocument()
                return .success(parser)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
