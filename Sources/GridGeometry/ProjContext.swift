internal import CPROJ

/// Collects PROJ log lines (the useful error text arrives here, not in errno strings).
final class ProjLogSink {
    var lines: [String] = []
}

/// One PROJ context. Not Sendable: one per task, never global. Network grid fetching is off.
final class ProjContext {
    let handle: OpaquePointer
    let log = ProjLogSink()

    init() throws(GeometryError) {
        guard let ctx = proj_context_create() else { throw GeometryError("proj_context_create failed") }
        handle = ctx
        proj_context_set_enable_network(ctx, 0)
        // The sink is a stored property and outlives the context: passUnretained is safe.
        proj_log_func(
            ctx, Unmanaged.passUnretained(log).toOpaque(),
            { userdata, _, message in
                guard let userdata, let message else { return }
                let sink = Unmanaged<ProjLogSink>.fromOpaque(userdata).takeUnretainedValue()
                if sink.lines.count > 50 { sink.lines.removeFirst() }
                sink.lines.append(String(cString: message))
            })
        proj_log_level(ctx, PJ_LOG_ERROR)
    }

    // Every PJ holds a strong reference to this context, so they are all destroyed first.
    deinit { proj_context_destroy(handle) }

    /// Path of proj.db as PROJ found it (borrowed string, copied).
    var databasePath: String? { proj_context_get_database_path(handle).map { String(cString: $0) } }

    /// The error for `op` with PROJ's log text (or errno string); clears the log.
    func error(_ op: String) -> GeometryError {
        let code = proj_context_errno(handle)
        var text = log.lines.joined(separator: "; ")
        if text.isEmpty, code != 0, let s = proj_context_errno_string(handle, code) {
            text = String(cString: s)  // borrowed
        }
        log.lines.removeAll()
        return GeometryError(text.isEmpty ? "PROJ \(op) failed" : "PROJ \(op): \(text)")
    }
}
