/// Planar measures of an interleaved ring `[x0, y0, …, xn, yn]` (closed or not).
public enum Ring {
    /// Signed shoelace area: positive when the ring runs counter-clockwise (x east, y north).
    /// - Complexity: O(n)
    public static func signedArea(_ xy: [Double]) -> Double {
        let n = xy.count / 2
        guard n >= 3 else { return 0 }
        var sum = 0.0
        // Shift by the first vertex to keep precision with large projected coordinates.
        let x0 = xy[0], y0 = xy[1]
        var px = 0.0, py = 0.0
        for i in 1..<n {
            let x = xy[2 * i] - x0, y = xy[2 * i + 1] - y0
            sum += px * y - x * py
            px = x
            py = y
        }
        sum += px * 0 - 0 * py
        return sum / 2
    }

    /// Length of the ring's boundary (closing segment included when the ring is open).
    public static func length(_ xy: [Double]) -> Double {
        let n = xy.count / 2
        guard n >= 2 else { return 0 }
        var total = 0.0
        for i in 0..<n {
            let j = (i + 1) % n
            let dx = xy[2 * j] - xy[2 * i], dy = xy[2 * j + 1] - xy[2 * i + 1]
            total += (dx * dx + dy * dy).squareRoot()
        }
        return total
    }

    /// The ring with its positions in reverse order.
    public static func reversed(_ xy: [Double]) -> [Double] {
        var out = [Double]()
        out.reserveCapacity(xy.count)
        var i = xy.count / 2 - 1
        while i >= 0 {
            out.append(xy[2 * i])
            out.append(xy[2 * i + 1])
            i -= 1
        }
        return out
    }
}
