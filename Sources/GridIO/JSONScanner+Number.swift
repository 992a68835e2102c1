extension JSONScanner {
    /// Reads a JSON number at the current position and returns it as a finite Double.
    ///
    /// Grammar per RFC 8259 (`-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`); NaN, Infinity and
    /// values that overflow a double (1e400) are refused with their line and column.
    /// - Complexity: O(token length); see `DecimalParser` for the exactness argument.
    @inline(__always) mutating func readNumber() throws(GridIOError) -> Double {
        let start = pos
        var scan = DecimalParser.Scan()
        let stop = DecimalParser.scan(base, from: pos, end: end, json: true, into: &scan)
        switch scan.failure {
        case .none: break
        case .noDigits:
            if byte(stop) == UInt8(ascii: "I") { throw error("-Infinity is not a valid JSON number; numbers must be finite", at: start) }
            throw error("invalid number: expected a digit", at: stop)
        case .leadingZero: throw error("invalid number: leading zero", at: start)
        case .noFractionDigits: throw error("invalid number: expected a digit after '.'", at: stop)
        case .noExponentDigits: throw error("invalid number: expected a digit in the exponent", at: stop)
        }
        pos = stop
        guard let v = DecimalParser.value(of: scan, base: base, from: start, to: stop) else {
            throw error("number out of range: \(String(decoding: UnsafeBufferPointer(start: base + start, count: min(stop - start, 40)), as: UTF8.self)) does not fit a finite double", at: start)
        }
        return v
    }

    /// Reads a number where a coordinate is required, naming what was found instead.
    @inline(__always) mutating func readCoordinate() throws(GridIOError) -> Double {
        skipWhitespace()
        let c = current
        if c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) { return try readNumber() }
        switch c {
        case UInt8(ascii: "N"): throw error("NaN is not a valid coordinate; numbers must be finite")
        case UInt8(ascii: "I"): throw error("Infinity is not a valid coordinate; numbers must be finite")
        case UInt8(ascii: "\""): throw error("expected a number as coordinate, found a string")
        default: throw error("expected a number as coordinate, found \(foundText)")
        }
    }
}

/// Exact parsing of plain decimal numbers (digits, '.', exponent), shared by the JSON and CSV readers.
///
/// Fast path (Clinger): when the significant digits fit in 2^53 and the decimal exponent is within
/// ±22, `m × 10^e` or `m ÷ 10^-e` is one correctly rounded IEEE operation on exact operands, so the
/// result is the correctly rounded value. Every other token goes to `Double(Substring)`, the
/// standard library's locale-independent correctly rounded parser, but only after this grammar
/// has validated it (so "nan", "inf" and hex floats never reach it).
enum DecimalParser {
    enum Failure { case none, noDigits, leadingZero, noFractionDigits, noExponentDigits }

    struct Scan {
        var negative = false
        var mantissa: UInt64 = 0
        /// Significant digits taken into `mantissa` (at most 19).
        var digits = 0
        /// True when digits were dropped from `mantissa`.
        var truncated = false
        /// Decimal exponent applied to `mantissa`.
        var exponent = 0
        var failure = Failure.none
    }

    static let powers: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    /// Scans a decimal token from `from`; returns the offset just past it. With `json`, a leading
    /// '+', a leading '.', a trailing '.' and leading zeros are refused; otherwise they are allowed.
    @inline(__always)
    static func scan(_ p: UnsafePointer<UInt8>, from: Int, end: Int, json: Bool, into s: inout Scan) -> Int {
        var i = from
        @inline(__always) func at(_ k: Int) -> UInt8 { k < end ? p[k] : 0 }
        if at(i) == UInt8(ascii: "-") {
            s.negative = true
            i += 1
        } else if !json && at(i) == UInt8(ascii: "+") {
            i += 1
        }
        let intStart = i
        if json && at(i) == UInt8(ascii: "0") && isDigit(at(i + 1)) {
            s.failure = .leadingZero
            return i
        }
        while isDigit(at(i)) {
            take(at(i) &- UInt8(ascii: "0"), &s, afterPoint: false)
            i += 1
        }
        var anyDigits = i > intStart
        if !anyDigits && (json || at(i) != UInt8(ascii: ".")) {
            s.failure = .noDigits
            return i
        }
        if at(i) == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while isDigit(at(i)) {
                take(at(i) &- UInt8(ascii: "0"), &s, afterPoint: true)
                i += 1
            }
            if i == fracStart && (json || !anyDigits) {
                s.failure = .noFractionDigits
                return i
            }
            anyDigits = true
        }
        let c = at(i)
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            i += 1
            var expNeg = false
            if at(i) == UInt8(ascii: "-") {
                expNeg = true
                i += 1
            } else if at(i) == UInt8(ascii: "+") {
                i += 1
            }
            guard isDigit(at(i)) else {
                s.failure = .noExponentDigits
                return i
            }
            var e = 0
            while isDigit(at(i)) {
                if e < 100_000 { e = e * 10 + Int(at(i) &- UInt8(ascii: "0")) }
                i += 1
            }
            s.exponent += expNeg ? -e : e
        }
        return i
    }

    @inline(__always) static func take(_ d: UInt8, _ s: inout Scan, afterPoint: Bool) {
        if s.digits == 0 && d == 0 {
            // A leading zero: not significant.
            if afterPoint { s.exponent -= 1 }
            return
        }
        if s.digits < 19 {
            s.mantissa = s.mantissa &* 10 &+ UInt64(d)
            s.digits += 1
            if afterPoint { s.exponent -= 1 }
        } else {
            if d != 0 { s.truncated = true }
            if !afterPoint { s.exponent += 1 }
        }
    }

    /// The finite value of a scanned token, or nil when it overflows a double.
    @inline(__always)
    static func value(of s: Scan, base: UnsafePointer<UInt8>, from: Int, to: Int) -> Double? {
        if !s.truncated && s.mantissa <= (1 << 53) {
            let m = Double(s.mantissa)
            let e = s.exponent
            if s.mantissa == 0 { return s.negative ? -0.0 : 0.0 }
            if e >= 0 && e <= 22 {
                let v = m * powers[e]
                if v.isFinite { return s.negative ? -v : v }
            } else if e < 0 && e >= -22 {
                let v = m / powers[-e]
                return s.negative ? -v : v
            }
        }
        // Rare: many digits or a large exponent. The token is a validated plain decimal.
        let text = String(decoding: UnsafeBufferPointer(start: base + from, count: to - from), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }
}
