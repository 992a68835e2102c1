internal import CGEOS

/// Receives GEOS error and notice messages through the C handlers' `userdata`.
final class GEOSMessageSink {
    var lastError: String?
    var notices: [String] = []
}

/// One reentrant GEOS context (who owns what: `CLibraryContext`).
typealias GEOSContext = CLibraryContext<GEOSMessageSink>

extension GEOSContext {
    convenience init() throws(GeometryError) {
        try self.init(sink: GEOSMessageSink(), create: GEOS_init_r, name: "GEOS_init_r", finish: GEOS_finish_r)
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                GEOSContext.sink(from: userdata).lastError = String(cString: message)
            }, userdata)
        GEOSContext_setNoticeMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                let sink = GEOSContext.sink(from: userdata)
                if sink.notices.count < 100 { sink.notices.append(String(cString: message)) }
            }, userdata)
    }

    /// The error for a failed call `op`, with GEOS's last message; clears the message.
    func error(_ op: String) -> GeometryError {
        defer { sink.lastError = nil }
        if let text = sink.lastError, !text.isEmpty { return GeometryError("GEOS \(op): \(text)") }
        return GeometryError("GEOS \(op) failed")
    }

    /// GEOS predicates return 0 / 1, and 2 for an exception.
    func predicate(_ op: String, _ r: CChar) throws(GeometryError) -> Bool {
        switch r {
        case 0: return false
        case 1: return true
        default: throw error(op)
        }
    }

    /// Takes a GEOS-allocated string; it is freed with `GEOSFree_r` (not `free`).
    func takeString(_ op: String, _ s: UnsafeMutablePointer<CChar>?) throws(GeometryError) -> String {
        guard let s else { throw error(op) }
        defer { GEOSFree_r(handle, s) }
        return String(cString: s)
    }
}
