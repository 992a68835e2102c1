import GridModel

/// Warnings about repeated point records; every point is kept (issue 10: nothing is lost).
///
/// - `POINT_DUPLICATE`: a point with the same non-empty id and the same coordinates (bit for bit) as
///   an earlier one: the same record exported twice, or one address with two records.
/// - `POINT_ID_REUSED`: a point whose non-empty id an earlier point at another place already has.
/// Points without ids are never compared: distinct households or incidents often share an address.
public enum PointDuplicates {
    /// The two warnings (those that occur), naming the first five points of each by `location(i)`.
    /// - Complexity: O(n) expected: one hash per point with an id; a second only for an id met before
    ///   at another place.
    public static func diagnostics(_ p: PointTable, file: String, location: (Int) -> String) -> [Diagnostic] {
        guard p.ids.contains(where: { !$0.isEmpty }) else { return [] }
        struct Record: Hashable {
            var id: String
            var x: UInt64
            var y: UInt64
        }
        /// The first point with each id: a table over the ids' bytes when every id is ASCII (where
        /// String equality is byte equality), else a Dictionary (canonical equivalence).
        var byBytes = FirstPointByID(ids: p.ids)
        var firstByID: [String: Int] = [:]
        if byBytes == nil { firstByID.reserveCapacity(p.count) }
        /// The first point of each (id, place) whose id was first seen at another place.
        var firstElsewhere: [Record: Int] = [:]
        var counter = DiagnosticCounter()
        for i in 0..<p.count where !p.ids[i].isEmpty {
            let j = byBytes?.firstIndex(of: i, ids: p.ids) ?? firstIndex(&firstByID[p.ids[i], default: i])
            if j == i { continue }
            if p.x[j].bitPattern == p.x[i].bitPattern && p.y[j].bitPattern == p.y[i].bitPattern {
                counter.add(
                    .pointDuplicate, location: "\(location(i)) repeats \(location(j))",
                    text: Self.duplicateText, keep: 5)
                continue
            }
            let record = Record(id: p.ids[i], x: p.x[i].bitPattern, y: p.y[i].bitPattern)
            if let k = firstElsewhere[record] {
                counter.add(
                    .pointDuplicate, location: "\(location(i)) repeats \(location(k))",
                    text: Self.duplicateText, keep: 5)
                continue
            }
            firstElsewhere[record] = i
            counter.add(
                .pointIDReused, location: "\(location(i)) has the id \"\(p.ids[i])\" of \(location(j))",
                text: "point(s) reuse an earlier point's id at another place (kept)", keep: 5)
        }
        return counter.diagnostics(file: file)
    }

    private static let duplicateText = "point(s) repeat an earlier point's id and coordinates (kept, each counted)"

    /// Reads a dictionary slot through `subscript(_:default:)`, which inserts the default when the key
    /// is new: one hash both finds an earlier point and records a first one.
    private static func firstIndex(_ slot: inout Int) -> Int { slot }
}
