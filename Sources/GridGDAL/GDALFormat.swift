/// The file formats gridplan reads and writes through GDAL, chosen by file name.
public enum GDALFormat: String, Sendable, CaseIterable {
    case shapefile
    case zippedShapefile
    case geoPackage
    case fileGeodatabase
    case kml
    case xlsx

    /// The format a file name asks for (case-insensitive extension), or nil.
    public init?(path: String) {
        var p = path.lowercased()
        while p.hasSuffix("/") { p.removeLast() }
        if p.hasSuffix(".shp") || p.hasSuffix(".dbf") {
            self = .shapefile
        } else if p.hasSuffix(".zip") {
            self = .zippedShapefile
        } else if p.hasSuffix(".gpkg") {
            self = .geoPackage
        } else if p.hasSuffix(".gdb") {
            self = .fileGeodatabase
        } else if p.hasSuffix(".kml") {
            self = .kml
        } else if p.hasSuffix(".xlsx") {
            self = .xlsx
        } else {
            return nil
        }
    }

    /// True when `path` names a file gridplan reads through GDAL.
    public static func handles(_ path: String) -> Bool { GDALFormat(path: path) != nil }

    /// The formats read, for messages and the README: GeoJSON and CSV are read by gridplan itself.
    public static let readableText =
        "GeoJSON (.geojson, .json), CSV (.csv, points), Shapefile (.shp, or zipped .zip), GeoPackage (.gpkg), "
        + "ESRI file geodatabase (.gdb folder), KML (.kml), Excel workbook (.xlsx, points)"

    /// GDAL drivers allowed to open it (LIBKML reads KML ExtendedData, plain KML only names).
    var drivers: [String] {
        switch self {
        case .shapefile: return ["ESRI Shapefile"]
        case .zippedShapefile: return ["ESRI Shapefile", "OpenFileGDB", "GPKG"]
        case .geoPackage: return ["GPKG"]
        case .fileGeodatabase: return ["OpenFileGDB"]
        case .kml: return ["LIBKML", "KML"]
        case .xlsx: return ["XLSX"]
        }
    }

    /// The name GDAL opens: a zip goes through /vsizip/.
    func gdalPath(_ path: String) -> String {
        self == .zippedShapefile ? "/vsizip/" + path : path
    }
}
