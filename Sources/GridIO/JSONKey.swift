/// An object member name as scanned: a byte range of the buffer, plus its decoded bytes when the
/// name holds escapes (rare), so names compare without allocating.
struct JSONKey {
    var start: Int
    var end: Int
    /// Decoded UTF-8 when the raw text holds backslash escapes; nil otherwise.
    var decoded: [UInt8]?

    var count: Int { decoded?.count ?? (end - start) }

    /// The key's UTF-8 byte at offset `k`.
    @inline(__always) func byte(_ k: Int, _ base: UnsafePointer<UInt8>) -> UInt8 {
        if let d = decoded { return d[k] }
        return base[start + k]
    }

    /// True when the key is exactly `lit`.
    @inline(__always) func equals(_ lit: StaticString, _ base: UnsafePointer<UInt8>) -> Bool {
        let n = lit.utf8CodeUnitCount
        guard count == n else { return false }
        let p = lit.utf8Start
        for k in 0..<n where byte(k, base) != p[k] { return false }
        return true
    }

    /// True when the key is exactly the UTF-8 bytes `name`.
    func equals(_ name: [UInt8], _ base: UnsafePointer<UInt8>) -> Bool {
        guard count == name.count else { return false }
        for k in 0..<name.count where byte(k, base) != name[k] { return false }
        return true
    }

    /// True when both keys name the same member.
    func equals(_ other: JSONKey, _ base: UnsafePointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        for k in 0..<count where byte(k, base) != other.byte(k, base) { return false }
        return true
    }

    /// The key as a Swift string.
    func string(_ base: UnsafePointer<UInt8>) -> String {
        if let d = decoded { return String(decoding: d, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }
}

/// The member names seen in one object, to refuse duplicates (RFC 7493 I-JSON).
///
/// The first four names are held inline (most GeoJSON objects have at most four members), so
/// the common case allocates nothing.
struct KeyTracker {
    private var inline: (JSONKey?, JSONKey?, JSONKey?, JSONKey?) = (nil, nil, nil, nil)
    private var count = 0
    private var keys: [JSONKey] = []
    private var hashed: Set<[UInt8]>?

    /// Records `key`, throwing when the object already has a member of that name.
    /// - Complexity: O(k) per key up to 32 keys, then amortised O(1).
    mutating func insert(_ key: JSONKey, scanner s: JSONScanner) throws(GridIOError) {
        if count < 4 {
            if let k = inline.0, k.equals(key, s.base) { throw duplicate(key, s) }
            if let k = inline.1, k.equals(key, s.base) { throw duplicate(key, s) }
            if let k = inline.2, k.equals(key, s.base) { throw duplicate(key, s) }
            switch count {
            case 0: inline.0 = key
            case 1: inline.1 = key
            case 2: inline.2 = key
            default:
                inline.3 = key
                keys = [inline.0, inline.1, inline.2, inline.3].compactMap { $0 }
            }
            count += 1
            return
        }
        count += 1
        if hashed == nil {
            for k in keys where k.equals(key, s.base) { throw duplicate(key, s) }
            keys.append(key)
            if keys.count > 32 {
                var set = Set<[UInt8]>()
                for k in keys { set.insert(Self.bytes(k, s.base)) }
                hashed = set
            }
        } else {
            let b = Self.bytes(key, s.base)
            if hashed?.insert(b).inserted == true { return }
            throw duplicate(key, s)
        }
    }

    private func duplicate(_ key: JSONKey, _ s: JSONScanner) -> GridIOError {
        s.error("duplicate member \"\(key.string(s.base))\" in object", at: key.start - 1)
    }

    private static func bytes(_ k: JSONKey, _ base: UnsafePointer<UInt8>) -> [UInt8] {
        if let d = k.decoded { return d }
        return Array(UnsafeBufferPointer(start: base + k.start, count: k.end - k.start))
    }
}
