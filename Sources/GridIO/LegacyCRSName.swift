/// Normalises (for GridIO's reader) the names found in legacy GeoJSON `crs` members to `AUTHORITY:CODE`.
public enum LegacyCRSName {
    /// `urn:ogc:def:crs:EPSG::4549` → `EPSG:4549`; `urn:ogc:def:crs:OGC:1.3:CRS84` → `OGC:CRS84`;
    /// `http://www.opengis.net/def/crs/EPSG/0/4549` → `EPSG:4549`; `epsg:4326` → `EPSG:4326`;
    /// anything else is returned trimmed, unchanged.
    public static func normalize(_ name: String) -> String {
        let t = name.trimmingWhitespace
        let lower = t.lowercased()
        if lower.hasPrefix("urn:ogc:def:crs:") {
            let parts = t.dropFirst("urn:ogc:def:crs:".count).split(separator: ":", omittingEmptySubsequences: false)
            if let authority = parts.first, let code = parts.last, parts.count >= 2, !code.isEmpty {
                return "\(authority.uppercased()):\(code.uppercased())"
            }
        }
        for prefix in ["http://www.opengis.net/def/crs/", "https://www.opengis.net/def/crs/"] where lower.hasPrefix(prefix) {
            let parts = t.dropFirst(prefix.count).split(separator: "/")
            if let authority = parts.first, let code = parts.last, parts.count >= 2 {
                return "\(authority.uppercased()):\(code.uppercased())"
            }
        }
        if let colon = t.firstIndex(of: ":"), !t.contains("/") {
            let authority = t[..<colon]
            if authority.allSatisfy({ $0.isLetter }) { return authority.uppercased() + t[colon...] }
        }
        return t
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        var sub = Substring(self)
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
}
