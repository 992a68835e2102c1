#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text encodings of legacy inputs (DBF tables, CSV exported from Excel on a Chinese Windows).
///
/// GBK is Windows code page 936; GB18030 is its superset (every GBK file decodes the same as GB18030),
/// which is why an undeclared non-UTF-8 file is read as GB18030.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gbk
    case gb18030

    /// Parses `utf-8`/`utf8`, `gbk`/`cp936`/`gb2312`, `gb18030` (any case); nil for anything else.
    public init?(name: String) {
        switch name.trimmingWhitespace.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gbk", "cp936", "gb2312", "936": self = .gbk
        case "gb18030", "gb-18030": self = .gb18030
        default: return nil
        }
    }

    /// The name iconv and GDAL know it by.
    public var iconvName: String {
        switch self {
        case .utf8: return "UTF-8"
        case .gbk: return "GBK"
        case .gb18030: return "GB18030"
        }
    }

    /// The accepted names, for messages.
    public static let namesText = "utf-8, gbk, gb18030"

    /// `bytes` converted to UTF-8, or nil when they are not valid in this encoding (iconv stops at
    /// the first invalid or incomplete sequence). UTF-8 input is only validated.
    /// - Complexity: O(n).
    public func decodeToUTF8(_ bytes: [UInt8]) -> [UInt8]? {
        if self == .utf8 {
            return bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) } == nil ? bytes : nil
        }
        let cd = iconv_open("UTF-8", iconvName)
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        // A GBK/GB18030 character becomes at most 4 UTF-8 bytes for ≤ 4 input bytes; 2x + 16 is enough.
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw -> Int? in
                var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                guard inLeft > 0 else { return 0 }
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard r != -1, inLeft == 0 else { return nil }
                return outRaw.count - outLeft
            }
        }
        guard let produced else { return nil }
        output.removeLast(output.count - produced)
        return output
    }
}
