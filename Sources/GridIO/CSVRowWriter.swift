/// Streams CSV rows straight into bytes (RFC 4180 quoting, LF line ends), without building a String
/// per field: for outputs of millions of rows such as `points.csv`.
public struct CSVRowWriter {
    public private(set) var bytes: [UInt8] = []
    private var fieldsInRow = 0

    /// Starts with the header line; `reservingRows` sizes the buffer.
    public init(header: [String], reservingRows: Int = 0) {
        bytes.reserveCapacity(64 * reservingRows + 64)
        CSVWriter.appendRow(header, to: &bytes)
    }

    private mutating func separator() {
        if fieldsInRow > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldsInRow += 1
    }

    /// A text field, quoted when needed.
    public mutating func text(_ s: String) {
        separator()
        CSVWriter.appendField(s, to: &bytes)
    }

    /// A whole number.
    public mutating func int(_ v: Int) {
        separator()
        NumberFormat.appendInt(v, to: &bytes)
    }

    /// A finite number rounded to at most `decimals` places, shortest form (no trailing zeros, no exponent).
    public mutating func number(_ v: Double, decimals: Int) {
        separator()
        NumberFormat.appendFixed(v, decimals: decimals, to: &bytes)
    }

    /// Ends the current row.
    public mutating func endRow() {
        bytes.append(0x0A)
        fieldsInRow = 0
    }
}
