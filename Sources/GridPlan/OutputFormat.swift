/// The map formats `partition` writes (`--format`): GeoJSON (the contract), one GeoPackage, Shapefiles.
public enum OutputFormat: String, Sendable, CaseIterable {
    case geoJSON = "geojson"
    case geoPackage = "gpkg"
    case shapefile = "shp"
    /// plan.xlsx: the sheets grids and points (no geometry), for Excel.
    case workbook = "xlsx"

    /// Parses a comma-separated list such as `geojson,gpkg,shp` (case-insensitive, duplicates dropped).
    /// - Returns: nil naming the first unknown entry.
    public static func parseList(_ text: String) -> Result<[OutputFormat], UnknownFormat> {
        var out: [OutputFormat] = []
        for part in text.split(separator: ",") {
            let name = part.trimmingCharacters()
            guard !name.isEmpty else { continue }
            guard let f = OutputFormat(rawValue: name.lowercased()) else { return .failure(UnknownFormat(name: name)) }
            if !out.contains(f) { out.append(f) }
        }
        return out.isEmpty ? .failure(UnknownFormat(name: text)) : .success(out)
    }

    /// An entry of `--format` that is not a format.
    public struct UnknownFormat: Error, Sendable {
        public var name: String
        public var message: String { "unknown output format \"\(name)\"; --format takes geojson, gpkg, shp and xlsx, comma-separated" }
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var s = self
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
