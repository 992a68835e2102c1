import GridModel

/// Warnings about repeated point records; every point is kept (issue 10: nothing is lost).
///
/// - `POINT_DUPLICATE`: a point with the same non-empty id and the same coordinates (bit for bit) as
///   an earlier one: the same record exported twice, or one address with two records.
/// - `POINT_ID_REUSED`: a point whose non-empty id an earlier point at another place already has.
/// Points without ids are never compared: distinct households or incidents often share an address.
public enum PointDuplicates {
    /// The two warnings (those that occur), naming the first five points of each by `location(i)`.
    /// - Complexity: O(n) expected (one hash per point with an id).
    public static func diagnostics(_ p: PointTable, file: String, location: (Int) -> String) -> [Diagnostic] {
        guard p.ids.contains(where: { !$0.isEmpty }) else { return [] }
        struct Record: Hashable {
            var id: String
            var x: UInt64
            var y: UInt64
        }
        var firstByID: [String: Int] = [:]
        var firstByRecord: [Record: Int] = [:]
        firstByID.reserveCapacity(p.count)
        var counter = DiagnosticCounter()
        for i in 0..<p.count where !p.ids[i].isEmpty {
            let record = Record(id: p.ids[i], x: p.x[i].bitPattern, y: p.y[i].bitPattern)
            if let j = firstByRecord[record] {
                counter.add(
                    .pointDuplicate, location: "\(location(i)) repeats \(location(j))",
                    text: "point(s) repeat an earlier point's id and coordinates (kept, each counted)", keep: 5)
                continue
            }
            firstByRecord[record] = i
            if let j = firstByID[p.ids[i]] {
                counter.add(
                    .pointIDReused, location: "\(location(i)) has the id \"\(p.ids[i])\" of \(location(j))",
                    text: "point(s) reuse an earlier point's id at another place (kept)", keep: 5)
            } else {
                firstByID[p.ids[i]] = i
            }
        }
        return counter.diagnostics(file: file)
    }
}
