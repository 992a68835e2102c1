import Foundation

/// Spellings of coordinate reference systems, normalised for comparison and messages.
enum CRSName {
    /// Canonical spelling: `EPSG:4326` for every WGS84 longitude/latitude alias, `gcj02`, `bd09`,
    /// upper-case authority codes; anything else as given.
    static func canonical(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        let u = t.uppercased()
        switch u {
        case "EPSG:4326", "OGC:CRS84", "CRS84", "WGS84", "URN:OGC:DEF:CRS:OGC:1.3:CRS84", "URN:OGC:DEF:CRS:EPSG::4326":
            return "EPSG:4326"
        case "GCJ02", "GCJ-02": return "gcj02"
        case "BD09", "BD-09": return "bd09"
        default:
            if u.hasPrefix("EPSG:") || u.hasPrefix("ESRI:") || u.hasPrefix("OGC:") { return u }
            return t
        }
    }

    /// Whether coordinates in this CRS are longitude/latitude degrees (so range checks apply).
    static func isGeographic(_ s: String) -> Bool {
        ["EPSG:4326", "EPSG:4490", "EPSG:4214", "EPSG:4610", "gcj02", "bd09"].contains(canonical(s))
    }
}
