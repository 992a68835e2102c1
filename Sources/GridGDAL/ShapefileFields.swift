/// Field names in a Shapefile's DBF: at most 10 bytes.
///
/// gridplan's own long names have fixed, documented short forms (README, "Shapefile output"):
/// `jurisdiction` → `juris`, `perimeter_km` → `perim_km`, `polsby_popper` → `pp`,
/// `point_index` → `pt_index`, `barrier_share` → `barr_share`. Any other name over 10 bytes (a
/// further `--weight` field) is cut at a character boundary and, if that name is taken, given a
/// `_2`, `_3` … suffix; those renames are reported, so nothing is truncated silently.
public enum ShapefileFields {
    public static let maxBytes = 10

    /// gridplan's fixed short forms.
    public static let shortForms: [(String, String)] = [
        ("jurisdiction", "juris"), ("perimeter_km", "perim_km"), ("polsby_popper", "pp"), ("point_index", "pt_index"),
        ("barrier_share", "barr_share"), ("changed_weight", "chg_weight"),
    ]

    /// The DBF names for `names`, in order, and the renames that are not fixed short forms.
    public static func names(for names: [String]) -> (names: [String], renamed: [(from: String, to: String)]) {
        var used: [String] = []
        var renamed: [(String, String)] = []
        for name in names {
            if let fixed = shortForms.first(where: { $0.0 == name })?.1, !used.contains(where: { $0.lowercased() == fixed.lowercased() }) {
                used.append(fixed)
                continue
            }
            var candidate = cut(name, to: maxBytes)
            var n = 2
            while used.contains(where: { $0.lowercased() == candidate.lowercased() }) {
                let suffix = "_\(n)"
                candidate = cut(name, to: maxBytes - suffix.utf8.count) + suffix
                n += 1
            }
            used.append(candidate)
            if candidate != name { renamed.append((name, candidate)) }
        }
        return (used, renamed)
    }

    /// The longest prefix of `s` within `bytes` UTF-8 bytes, never splitting a character.
    static func cut(_ s: String, to bytes: Int) -> String {
        var out = ""
        var used = 0
        for ch in s {
            let n = String(ch).utf8.count
            if used + n > bytes { break }
            out.append(ch)
            used += n
        }
        return out
    }
}
