/// The first point with each id, for ids that are all ASCII: an open-addressing table of point
/// indices keyed by a hash of the id's bytes.
///
/// Replaces a `[String: Int]` of a million entries for the duplicate check: no String is copied
/// into the table, and freeing it frees two flat arrays.
struct FirstPointByID {
    /// Hash of each point's id.
    private let hashes: [UInt64]
    /// Point index + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private let mask: Int

    /// nil when an id is not ASCII: two different byte sequences can then be equal Strings.
    init?(ids: [String]) {
        guard ids.count < Int(Int32.max) else { return nil }
        var hashes = [UInt64](repeating: 0, count: ids.count)
        for i in ids.indices {
            guard let h = Self.asciiHash(ids[i]) else { return nil }
            hashes[i] = h
        }
        self.hashes = hashes
        var size = 16
        while size < 2 * ids.count { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// The first point whose id equals `ids[i]`, recording `i` when there is none.
    /// - Precondition: `ids` is the array the table was made from.
    mutating func firstIndex(of i: Int, ids: [String]) -> Int {
        let h = hashes[i]
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let stored = slots[s]
            if stored == 0 {
                slots[s] = Int32(i + 1)
                return i
            }
            let j = Int(stored) - 1
            if hashes[j] == h && ids[j] == ids[i] { return j }
            s = (s + 1) & mask
        }
    }

    /// A 64-bit hash of the UTF-8 bytes (FNV-1a, then mixed), or nil when a byte is not ASCII.
    private static func asciiHash(_ id: String) -> UInt64? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var ascii = true
        let done: Void? = id.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes {
                ascii = ascii && b < 0x80
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            }
        }
        if done == nil {
            for b in id.utf8 {
                ascii = ascii && b < 0x80
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            }
        }
        guard ascii else { return nil }
        // Spread the low bits (the table is indexed by them).
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
