internal import CGEOS

/// Receives GEOS error and notice messages through the C handlers' `userdata`.
final class GEOSMessageSink {
    var lastError: String?
    var notices: [String] = []
}

/// One reentrant GEOS context. Deliberately not Sendable: one per task, never global.
///
/// Every geometry, prepared geometry and tree made with this context keeps a strong reference
/// to it, so `GEOS_finish_r` runs only after all of them are destroyed.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    let sink = GEOSMessageSink()

    init() throws(GeometryError) {
        guard let handle = GEOS_init_r() else { throw GeometryError("GEOS_init_r failed") }
        self.handle = handle
        // The sink is a stored property, so it outlives the handle; passUnretained is safe.
        let userdata = Unmanaged.passUnretained(sink).toOpaque()
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue()
                    .lastError = String(cString: message)
            }, userdata)
        GEOSContext_setNoticeMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                let sink = Unmanaged<GEOSMessageSink>.fromOpaque(userdata).takeUnretainedValue()
                if sink.notices.count < 100 { sink.notices.append(String(cString: message)) }
            }, userdata)
    }

    deinit { GEOS_finish_r(handle) }

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
