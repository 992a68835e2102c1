/// Coordinate reference system names as gridplan accepts them.
///
/// Anything PROJ accepts ("EPSG:4326", "EPSG:4490", "EPSG:4549", "OGC:CRS84", a PROJ string, WKT),
/// plus the pseudo-CRSs "gcj02" and "bd09" (case-insensitive), which PROJ does not implement and
/// gridplan converts to WGS84 itself. Axis order is always x = longitude/easting, y = latitude/northing.
public enum CRS {
    /// WGS84 longitude/latitude in degrees, lon first.
    public static let lonLat = "OGC:CRS84"

    /// The pseudo-CRSs gridplan handles itself.
    enum Pseudo { case gcj02, bd09 }

    static func pseudo(_ name: String) -> Pseudo? {
        switch name.trimmingWhitespace().lowercased() {
        case "gcj02", "gcj-02": return .gcj02
        case "bd09", "bd-09": return .bd09
        default: return nil
        }
    }

    /// True for "gcj02"/"bd09" (any case): handled by gridplan, not PROJ.
    public static func isPseudo(_ name: String) -> Bool { pseudo(name) != nil }

    /// WGS84 / UTM zone of a point in degrees: "EPSG:326zz" north of the equator, "EPSG:327zz" south.
    ///
    /// Zones follow the regular 6° rule (no Norway/Svalbard exceptions).
    public static func autoUTM(longitude: Double, latitude: Double) -> String {
        var lon = longitude
        if !lon.isFinite { lon = 0 }
        lon = (lon + 180).truncatingRemainder(dividingBy: 360)
        if lon < 0 { lon += 360 }
        let zone = min(60, max(1, Int((lon / 6).rounded(.down)) + 1))
        let prefix = latitude < 0 ? "327" : "326"
        return "EPSG:" + prefix + (zone < 10 ? "0\(zone)" : "\(zone)")
    }

    /// A local transverse Mercator on GRS80 centred on `longitude` (k = 1), metres; small scale error
    /// anywhere within ±1.5° of it.
    public static func localTransverseMercator(longitude: Double) -> String {
        "+proj=tmerc +lat_0=0 +lon_0=\(longitude) +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs"
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return s
    }
}
