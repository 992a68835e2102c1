import GridGDAL
import GridIO
import GridModel

/// The kind of a points file, decided once from its name, and how a place in it is named.
///
/// `.csv`, `.tsv` and `.txt` are delimited text (a place is a line); Shapefile, GeoPackage, file
/// geodatabase, KML and XLSX go through GDAL (a place is a feature, 0-based in layer order); `.geojson`,
/// `.json` and names without an extension are GeoJSON (a place is a feature); anything else is refused.
enum PointFileKind: Sendable, Equatable {
    case delimitedText
    case geoJSON
    case gdal

    init(path: String) throws(PipelineError) {
        switch try InputFileKind(path: path) {
        case .delimitedText: self = .delimitedText
        case .geoJSON: self = .geoJSON
        case .gdal: self = .gdal
        }
    }

    /// "line N" or "feature N" for a point's source number (`PointTable.sources`).
    func location(_ source: Int) -> String {
        switch self {
        case .delimitedText: return "line \(source)"
        case .geoJSON, .gdal: return "feature \(source)"
        }
    }
}

/// A points file as read: the table, the file's own CRS (when it declares one) and its kind.
struct PointFile {
    var path: String
    var kind: PointFileKind
    var table: PointTable
    /// The CRS the file declares (GeoJSON's legacy `crs` member); nil when it declares none.
    var fileCRS: String?

    /// How point `i` of the table is named in messages.
    func location(of i: Int) -> String {
        kind.location(table.sources.indices.contains(i) ? Int(table.sources[i]) : i)
    }
}

/// The one reader of point files, for `--points` and `--centers` of every command.
enum PointInput {
    /// Reads `path` (kind from its name), passing the reader's repairs on as warnings.
    /// - Parameters:
    ///   - format: encoding and coordinate columns (CSV, XLSX, DBF).
    ///   - layer: the layer of a multi-layer file; `layerOption` names its option in messages.
    static func read(
        _ path: String, idField: String?, weightFields: [String], format: InputFormatOptions = InputFormatOptions(),
        layer: String? = nil, layerOption: String = "--points-layer", threads: Int = 1, warn: (Diagnostic) -> Void
    ) throws(PipelineError) -> PointFile {
        let kind = try PointFileKind(path: path)
        do throws(GridIOError) {
            let file: PointFile
            var diagnostics: [Diagnostic]
            switch kind {
            case .delimitedText:
                let r = try CSVPointReader.read(
                    path: path, idField: idField, weightFields: weightFields, encoding: format.encoding, xField: format.xField,
                    yField: format.yField, threads: threads)
                diagnostics = r.diagnostics
                file = PointFile(path: path, kind: kind, table: r.points, fileCRS: nil)
            case .geoJSON:
                let r = try GeoJSONReader.readPoints(path: path, idField: idField, weightFields: weightFields)
                diagnostics = r.diagnostics
                file = PointFile(path: path, kind: kind, table: r.points, fileCRS: r.crs)
            case .gdal:
                let r = try GDALReader.readPoints(
                    path: path,
                    fields: GDALPointFields(idField: idField, weightFields: weightFields, xField: format.xField, yField: format.yField),
                    options: GDALReadOptions(layer: layer, layerOption: layerOption, encoding: format.encoding))
                diagnostics = r.diagnostics
                file = PointFile(path: path, kind: kind, table: r.points, fileCRS: r.crs)
            }
            diagnostics += PointDuplicates.diagnostics(file.table, file: path) { file.location(of: $0) }
            for d in diagnostics { warn(d) }
            return file
        } catch {
            throw .input(error)
        }
    }
}
