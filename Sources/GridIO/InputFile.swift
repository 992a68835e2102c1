#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file into memory with POSIX calls and checks that it is UTF-8.
enum InputFile {
    /// The file's bytes, read with one `read` per chunk the kernel hands back (one for a regular file).
    /// - Throws: `.missing` when the file does not exist, is a folder or cannot be opened.
    static func load(path: String) throws(GridIOError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw GridIOError(file: path, message: "cannot open: \(errnoText(errno))", kind: .missing)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            throw GridIOError(file: path, message: "cannot read: \(errnoText(errno))", kind: .missing)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw GridIOError(file: path, message: "is a folder, expected a file", kind: .missing)
        }
        var bytes = [UInt8]()
        var capacity = max(Int(st.st_size), 0) + 1
        var filled = 0
        while true {
            if filled == capacity { capacity *= 2 }
            if bytes.count < capacity { bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return read(fd, base + filled, capacity - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw GridIOError(file: path, message: "cannot read: \(errnoText(errno))", kind: .missing)
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// The C library's text for an errno value.
    static func errnoText(_ code: Int32) -> String {
        guard let s = strerror(code) else { return "error \(code)" }
        return String(cString: s)
    }
}
