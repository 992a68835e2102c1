internal import CPROJ

/// Collects PROJ log lines (the useful error text arrives here, not in errno strings).
final class ProjLogSink {
    var lines: [String] = []
}

/// One PROJ context, network grid fetching off (who owns what: `CLibraryContext`).
typealias ProjContext = CLibraryContext<ProjLogSink>

extension ProjContext {
    convenience init() throws(GeometryError) {
        try self.init(sink: ProjLogSink(), create: proj_context_create, name: "proj_context_create", finish: { proj_context_destroy($0) })
        proj_context_set_enable_network(handle, 0)
        proj_log_func(
            handle, userdata,
            { userdata, _, message in
                guard let userdata, let message else { return }
                let sink = ProjContext.sink(from: userdata)
                if sink.lines.count > 50 { sink.lines.removeFirst() }
                sink.lines.append(String(cString: message))
            })
        proj_log_level(handle, PJ_LOG_ERROR)
    }

    /// Path of proj.db as PROJ found it (borrowed string, copied).
    var databasePath: String? { proj_context_get_database_path(handle).map { String(cString: $0) } }

    /// The error for `op` with PROJ's log text (or errno string); clears the log.
    func error(_ op: String) -> GeometryError {
        let code = proj_context_errno(handle)
        var text = sink.lines.joined(separator: "; ")
        if text.isEmpty, code != 0, let s = proj_context_errno_string(handle, code) {
            text = String(cString: s)  // borrowed
        }
        sink.lines.removeAll()
        return GeometryError(text.isEmpty ? "PROJ \(op) failed" : "PROJ \(op): \(text)")
    }
}
