import GridGDAL
import GridIO
import GridModel

/// How the bureau's own files are read: their text encoding, the coordinate columns of a points table,
/// and which layer of a multi-layer file (GeoPackage, file geodatabase, KML) each input is.
public struct InputFormatOptions: Sendable {
    /// `--encoding`: DBF and CSV text; nil: a Shapefile's `.cpg`, else UTF-8, else GB18030 with a warning.
    public var encoding: TextEncoding?
    /// `--x-field` / `--y-field` (or `--lon-field` / `--lat-field`): coordinate columns of a points table.
    public var xField: String?
    public var yField: String?
    /// `--boundary-layer`, `--points-layer`, `--units-layer`, `--centers-layer`, `--previous-layer`.
    public var boundaryLayer: String?
    public var pointsLayer: String?
    public var unitsLayer: String?
    public var centersLayer: String?
    public var previousLayer: String?

    public init() {}
}

/// A configuration that carries `InputFormatOptions` (partition, validate and evaluate).
protocol ReadsInputFormats {
    var inputFormat: InputFormatOptions { get }
}

extension PartitionConfig: ReadsInputFormats {}
extension EvaluateConfig: ReadsInputFormats {}

/// How an input file is read, decided from its name.
enum InputFileKind: Equatable {
    /// `.geojson`, `.json` or no extension: gridplan's GeoJSON reader.
    case geoJSON
    /// `.csv`, `.tsv`, `.txt`: gridplan's CSV reader (points only).
    case delimitedText
    /// Shapefile, zipped Shapefile, GeoPackage, file geodatabase, KML, XLSX: GDAL.
    case gdal

    /// The kind for `path`.
    /// - Throws: `.input` naming the supported formats for any other extension.
    init(path: String) throws(PipelineError) {
        let lower = path.lowercased()
        if GDALFormat.handles(lower) {
            self = .gdal
        } else if [".csv", ".tsv", ".txt"].contains(where: { lower.hasSuffix($0) }) {
            self = .delimitedText
        } else if [".geojson", ".json"].contains(where: { lower.hasSuffix($0) }) || !Self.hasExtension(lower) {
            self = .geoJSON
        } else {
            throw .input(GridIOError(file: path, message: "unsupported format; gridplan reads \(GDALFormat.readableText)", kind: .badData))
        }
    }

    private static func hasExtension(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return name.index(after: dot) != name.endIndex
    }
}
