import GridIO
import GridModel

/// The kind of a points file, decided once from its name, and how a place in it is named.
///
/// `.csv`, `.tsv` and `.txt` are delimited text (a place is a line); everything else is GeoJSON
/// (`.geojson`, `.json`; a place is a feature). A new format (e.g. a GDAL layer) is one more case here
/// and one more branch in `PointInput.read`.
enum PointFileKind: Sendable, Equatable {
    case delimitedText
    case geoJSON

    init(path: String) {
        let lower = path.lowercased()
        self = [".csv", ".tsv", ".txt"].contains { lower.hasSuffix($0) } ? .delimitedText : .geoJSON
    }

    /// "line N" or "feature N" for a point's source number (`PointTable.sources`).
    func location(_ source: Int) -> String {
        switch self {
        case .delimitedText: return "line \(source)"
        case .geoJSON: return "feature \(source)"
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
    static func read(
        _ path: String, idField: String?, weightFields: [String], warn: (Diagnostic) -> Void
    ) throws(PipelineError) -> PointFile {
        let kind = PointFileKind(path: path)
        do throws(GridIOError) {
            switch kind {
            case .delimitedText:
                let (table, diagnostics) = try CSVPointReader.read(path: path, idField: idField, weightFields: weightFields)
                for d in diagnostics { warn(d) }
                return PointFile(path: path, kind: kind, table: table, fileCRS: nil)
            case .geoJSON:
                let (table, crs, diagnostics) = try GeoJSONReader.readPoints(path: path, idField: idField, weightFields: weightFields)
                for d in diagnostics { warn(d) }
                return PointFile(path: path, kind: kind, table: table, fileCRS: crs)
            }
        } catch {
            throw .input(error)
        }
    }
}
