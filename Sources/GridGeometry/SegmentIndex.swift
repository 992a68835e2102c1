/// A uniform-grid spatial hash over line segments (projected metres), each tagged with a kind bit and its line.
///
/// Used to snap line ends to nearby linework and to tell which input lines a noded segment lies on.
/// The bucket dictionary is only looked up, never iterated, so results do not depend on hashing.
struct SegmentIndex {
    static let soft: UInt8 = 1
    static let hardLine: UInt8 = 2
    static let hardArea: UInt8 = 4
    static let border: UInt8 = 8
    /// Any of these makes a segment part of a barrier line.
    static let barrier: UInt8 = soft | hardLine | hardArea

    private(set) var x1: [Double] = [], y1: [Double] = [], x2: [Double] = [], y2: [Double] = []
    private(set) var kind: [UInt8] = []
    private(set) var line: [Int32] = []
    let cellMetres: Double
    private var buckets: [Int64: [Int32]] = [:]

    init(cellMetres: Double) {
        self.cellMetres = cellMetres
    }

    private func cellIndex(_ v: Double) -> Int64 { Int64((v / cellMetres).rounded(.down)) }
    private static func key(_ i: Int64, _ j: Int64) -> Int64 { (i &* 73_856_093) ^ (j &* 19_349_663) &+ (j << 32) }

    /// Adds every segment of an interleaved line.
    mutating func add(line xy: [Double], kind k: UInt8, id: Int32) {
        var i = 0
        while i + 3 < xy.count {
            let ax = xy[i], ay = xy[i + 1], bx = xy[i + 2], by = xy[i + 3]
            i += 2
            if ax == bx && ay == by { continue }
            let s = Int32(x1.count)
            x1.append(ax)
            y1.append(ay)
            x2.append(bx)
            y2.append(by)
            kind.append(k)
            line.append(id)
            for ci in cellIndex(min(ax, bx))...cellIndex(max(ax, bx)) {
                for cj in cellIndex(min(ay, by))...cellIndex(max(ay, by)) {
                    buckets[Self.key(ci, cj), default: []].append(s)
                }
            }
        }
    }

    /// Distance from (x, y) to segment s and the closest point on it.
    func distance(_ s: Int, _ x: Double, _ y: Double) -> (d: Double, px: Double, py: Double) {
        let dx = x2[s] - x1[s], dy = y2[s] - y1[s]
        let l2 = dx * dx + dy * dy
        var t = l2 > 0 ? ((x - x1[s]) * dx + (y - y1[s]) * dy) / l2 : 0
        t = min(1, max(0, t))
        let px = x1[s] + t * dx, py = y1[s] + t * dy
        return (((x - px) * (x - px) + (y - py) * (y - py)).squareRoot(), px, py)
    }

    /// Segments whose bucket is within `radius` of (x, y), ascending, without duplicates.
    func candidates(_ x: Double, _ y: Double, radius: Double) -> [Int32] {
        var out: [Int32] = []
        for ci in cellIndex(x - radius)...cellIndex(x + radius) {
            for cj in cellIndex(y - radius)...cellIndex(y + radius) {
                if let b = buckets[Self.key(ci, cj)] { out += b }
            }
        }
        out.sort()
        var unique: [Int32] = []
        unique.reserveCapacity(out.count)
        for s in out where unique.last != s { unique.append(s) }
        return unique
    }

    /// Bit-or of the kinds of all segments within `tolerance` of (x, y).
    func kinds(nearX x: Double, y: Double, tolerance: Double) -> UInt8 {
        var mask: UInt8 = 0
        for s in candidates(x, y, radius: tolerance) where mask & kind[Int(s)] != kind[Int(s)] {
            if distance(Int(s), x, y).d <= tolerance { mask |= kind[Int(s)] }
        }
        return mask
    }

    /// The closest point within `radius` on a segment of another line (ties: lower segment), with its distance.
    func nearest(_ x: Double, _ y: Double, radius: Double, excludingLine: Int32) -> (d: Double, px: Double, py: Double)? {
        var best: (d: Double, px: Double, py: Double)?
        for s in candidates(x, y, radius: radius) where line[Int(s)] != excludingLine {
            let r = distance(Int(s), x, y)
            if r.d <= radius, best == nil || r.d < (best?.d ?? .infinity) { best = r }
        }
        return best
    }
}
