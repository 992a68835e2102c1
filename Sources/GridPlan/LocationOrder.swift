/// A stable sort of points by location, (x, y) ascending as `(x, y) < (x', y')` orders them.
enum LocationOrder {
    /// Point indices sorted by (x, y); points at one location keep their input order.
    /// - Precondition: no coordinate is NaN.
    /// - Complexity: O(n) and a sort of each run of equal x: a least-significant-digit radix sort
    ///   by x over the bytes in which the coordinates differ, then each run of points sharing an x
    ///   (rare but for piles at one address) sorted by y and input order.
    static func sorted(x: [Double], y: [Double]) -> [Int32] {
        precondition(x.count == y.count && x.count < Int(Int32.max), "one y per x, fewer than 2^31 points")
        var keys = x.map(orderKey)
        var order = (0..<Int32(x.count)).map { $0 }
        sortStable(keys: &keys, order: &order)
        var a = 0
        while a < keys.count {
            var b = a + 1
            while b < keys.count && keys[b] == keys[a] { b += 1 }
            if b - a > 1 {
                // Input order breaks ties: the radix sort kept it within the run.
                order[a..<b].sort { (orderKey(y[Int($0)]), $0) < (orderKey(y[Int($1)]), $1) }
            }
            a = b
        }
        return order
    }

    /// A key whose unsigned order is the order of the doubles; -0 and +0 get the same key.
    static func orderKey(_ v: Double) -> UInt64 {
        let b = (v + 0.0).bitPattern
        return b & (1 << 63) != 0 ? ~b : b | (1 << 63)
    }

    /// Sorts `keys` (and `order` along with them) stably, one byte per pass.
    ///
    /// Bytes every key shares are skipped; the eight byte histograms are counted in one pass.
    private static func sortStable(keys: inout [UInt64], order: inout [Int32]) {
        let n = keys.count
        guard n > 1 else { return }
        var counts = [Int](repeating: 0, count: 8 * 256)
        for k in keys {
            for byte in 0..<8 { counts[byte << 8 | Int((k >> UInt64(8 * byte)) & 0xFF)] += 1 }
        }
        var keys2 = [UInt64](repeating: 0, count: n)
        var order2 = [Int32](repeating: 0, count: n)
        for byte in 0..<8 {
            let base = byte << 8
            if counts[base..<base + 256].contains(n) { continue }
            var sum = 0
            for b in base..<base + 256 {
                let c = counts[b]
                counts[b] = sum
                sum += c
            }
            let shift = UInt64(8 * byte)
            counts.withUnsafeMutableBufferPointer { next in
                keys.withUnsafeBufferPointer { k in
                    order.withUnsafeBufferPointer { o in
                        keys2.withUnsafeMutableBufferPointer { k2 in
                            order2.withUnsafeMutableBufferPointer { o2 in
                                for i in 0..<n {
                                    let slot = base | Int((k[i] >> shift) & 0xFF)
                                    let to = next[slot]
                                    next[slot] = to &+ 1
                                    k2[to] = k[i]
                                    o2[to] = o[i]
                                }
                            }
                        }
                    }
                }
            }
            swap(&keys, &keys2)
            swap(&order, &order2)
        }
    }
}
