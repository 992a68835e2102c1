/// Which two columns of a points table hold the coordinates (CSV, or an attribute table read through GDAL).
///
/// Named columns win (`--x-field/--y-field`, or `--lon-field/--lat-field`, which mean the same). Otherwise
/// the header is searched for the known pairs, case-insensitively: lon/lat, lng/lat, long/lat,
/// longitude/latitude, 经度/纬度, x/y and point_x/point_y (ArcGIS "Add XY Coordinates"). A header with
/// two different candidate pairs (X,Y and lon,lat: projected and geographic copies) is an error asking which.
public enum CoordinateColumns {
    /// The pairs searched for, lower case, in this order.
    public static let knownPairs: [(String, String)] = [
        ("lon", "lat"), ("lng", "lat"), ("long", "lat"), ("longitude", "latitude"), ("经度", "纬度"), ("x", "y"),
        ("point_x", "point_y"),
    ]

    /// The indices of the x (longitude/easting) and y columns in `header`.
    /// - Throws: `.badData` naming `file` and `location` when a named column is missing, when no pair
    ///   is found, or when several are.
    public static func find(header: [String], xField: String?, yField: String?, file: String, location: String) throws(GridIOError)
        -> (x: Int, y: Int)
    {
        let names = header.map { $0.trimmingWhitespace }
        let lower = names.map { $0.lowercased() }
        func fail(_ message: String) -> GridIOError { GridIOError(file: file, message: message, location: location, kind: .badData) }
        func column(_ name: String, role: String) throws(GridIOError) -> Int {
            let n = name.trimmingWhitespace
            if let i = names.firstIndex(of: n) ?? lower.firstIndex(of: n.lowercased()) { return i }
            throw fail("no column \"\(name)\" for the \(role) coordinate; the header has \(names.joined(separator: ", "))")
        }
        switch (xField, yField) {
        case let (x?, y?):
            return (try column(x, role: "x (longitude/easting)"), try column(y, role: "y (latitude/northing)"))
        case (.some, nil), (nil, .some):
            throw fail("name both coordinate columns: --x-field and --y-field (or --lon-field and --lat-field)")
        case (nil, nil):
            break
        }
        var found: [(Int, Int)] = []
        for (a, b) in knownPairs {
            if let i = lower.firstIndex(of: a), let j = lower.firstIndex(of: b), !found.contains(where: { $0 == (i, j) }) {
                found.append((i, j))
            }
        }
        if found.count > 1 {
            let pairs = found.map { "\(names[$0.0]),\(names[$0.1])" }.joined(separator: " and ")
            throw fail("two pairs of coordinate columns (\(pairs)); say which with --x-field and --y-field (or --lon-field and --lat-field)")
        }
        guard let pair = found.first else {
            if let first = names.first, PlainDecimal.parse(Array(first.utf8)) != nil {
                throw fail("the first row must be a header naming the columns (e.g. lon,lat), found a number")
            }
            throw fail("no coordinate columns: expected lon,lat / lng,lat / longitude,latitude / 经度,纬度 / x,y / POINT_X,POINT_Y, or name them with --x-field and --y-field; the header has \(names.joined(separator: ", "))")
        }
        return pair
    }
}
