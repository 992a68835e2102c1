import GridModel
import GridPlan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard error output for warnings, progress and errors (stdout is kept for the summary).
struct Console {
    enum Level: Int { case quiet, normal, verbose }
    var level: Level
    /// The in-place stage line, on a terminal only (redirected output keeps plain lines).
    let ticker: StageTicker?

    init(level: Level) {
        self.level = level
        ticker = level != .quiet && isatty(2) != 0 ? StageTicker() : nil
    }

    /// Progress lines appear on a terminal or with --verbose.
    var showsProgress: Bool { level == .verbose || (level == .normal && isatty(2) != 0) }

    static func error(_ message: String) {
        writeErr("gridplan: error: \(message)\n")
    }

    func warning(_ d: Diagnostic) {
        guard level != .quiet else { return }
        let count = d.count > 1 ? " [\(d.count)×, \(d.code)]" : " [\(d.code)]"
        emit("gridplan: warning: \(d.description)\(count)\n")
    }

    func progress(_ text: String) {
        guard showsProgress else { return }
        if let ticker {
            ticker.begin(text)
        } else {
            Self.writeErr("gridplan: \(text)\n")
        }
    }

    func detail(_ text: String) {
        guard level == .verbose else { return }
        emit("gridplan: \(text)\n")
    }

    /// Ends the stage line on a terminal; call before printing the summary or an error.
    func finish() {
        ticker?.end()
    }

    /// Runs `body`; a failure is printed as `gridplan: error: …` and leaves with its sysexits status.
    func exitOnFailure<T, E: CommandFailure>(_ body: () throws(E) -> T) throws -> T {
        defer { finish() }
        return try Self.exitOnFailure { () throws(E) -> T in
            do throws(E) {
                return try body()
            } catch {
                finish()
                throw error
            }
        }
    }

    /// Writes a whole line to stderr, above the stage line on a terminal.
    private func emit(_ line: String) {
        if let ticker { ticker.interject(line) } else { Self.writeErr(line) }
    }

    static func writeErr(_ s: String) {
        var bytes = Array(s.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// A sink for the pipeline's events that prints according to the level.
    func sink() -> PipelineSink {
        let console = self
        return { event in
            switch event {
            case .stage(_, let text): console.progress(text)
            case .warning(let d): console.warning(d)
            case .detail(let text): console.detail(text)
            }
        }
    }
}
