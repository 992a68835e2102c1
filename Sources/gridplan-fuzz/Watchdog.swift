#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The input being read, kept where a signal handler or the watchdog can save it.
///
/// Raw memory and plain integers on purpose: a signal handler may only call async-signal-safe
/// functions (`write`, `_exit`), so it cannot touch Swift arrays or strings.
enum CurrentInput {
    nonisolated(unsafe) static var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    nonisolated(unsafe) static var capacity = 1
    nonisolated(unsafe) static var count = 0
    /// Monotonic milliseconds when reading of the current input started; 0 between inputs.
    nonisolated(unsafe) static var startedMs: Int64 = 0
    /// Descriptors opened up front for the crash and hang files.
    nonisolated(unsafe) static var crashFD: Int32 = -1
    nonisolated(unsafe) static var hangFD: Int32 = -1

    static func set(_ bytes: [UInt8]) {
        if bytes.count > capacity {
            buffer.deallocate()
            capacity = bytes.count
            buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }
        bytes.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { buffer.update(from: base, count: bytes.count) }
        }
        count = bytes.count
    }

    /// Writes the current input to `fd` with `write` only (async-signal-safe).
    static func save(to fd: Int32) {
        var offset = 0
        while offset < count {
            let n = write(fd, buffer + offset, count - offset)
            if n <= 0 { break }
            offset += n
        }
    }

    static func nowMs() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

/// Saves the input that crashed the reader and exits with status 3.
func installCrashHandlers() {
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
        signal(sig) { _ in
            CurrentInput.save(to: CurrentInput.crashFD)
            let text: StaticString = "gridplan-fuzz: CRASH: input saved to fuzz-crash.bin\n"
            _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
            _exit(3)
        }
    }
}

/// A thread that saves the current input and exits with status 4 when one input takes longer than `limitMs`.
func startWatchdog(limitMs: Int64) {
    var thread = pthread_t()
    let limit = UnsafeMutablePointer<Int64>.allocate(capacity: 1)
    limit.pointee = limitMs
    pthread_create(&thread, nil, { arg in
        let limitMs = arg?.assumingMemoryBound(to: Int64.self).pointee ?? 10_000
        while true {
            usleep(100_000)
            let started = CurrentInput.startedMs
            if started > 0 && CurrentInput.nowMs() - started > limitMs {
                CurrentInput.save(to: CurrentInput.hangFD)
                let text: StaticString = "gridplan-fuzz: HANG: one input took longer than the limit; saved to fuzz-hang.bin\n"
                _ = write(2, text.utf8Start, text.utf8CodeUnitCount)
                _exit(4)
            }
        }
    }, limit)
}
