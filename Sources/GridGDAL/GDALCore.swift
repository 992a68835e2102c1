internal import CGDAL
import GridIO

/// Registers GDAL's drivers once and silences its stderr handler (the last error stays readable).
/// A global `let` is initialised lazily, exactly once, thread-safely.
private let gdalSetup: Void = {
    GDALAllRegister()
    CPLSetErrorHandler(CPLQuietErrorHandler)
    // A sheet's first row names its columns (GDAL 3.6's XLSX driver has no open option for it).
    CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE")
}()

/// GDAL's C helpers: registration, option lists, the last error message, owned strings.
enum GDAL {
    typealias StringList = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    static func ensure() { _ = gdalSetup }

    /// Runs `body` with a NULL-terminated `NAME=VALUE` list (GDAL copies it; destroyed afterwards).
    static func withOptions<R>(_ pairs: [(String, String)], _ body: (StringList?) throws -> R) rethrows -> R {
        var list: StringList? = nil
        for (k, v) in pairs { list = CSLSetNameValue(list, k, v) }
        defer { CSLDestroy(list) }
        return try body(list)
    }

    /// `char **` as the `const char *const *` that `GDALOpenEx` wants: same pointer, other pointee type.
    static func constList(_ l: StringList?) -> UnsafePointer<UnsafePointer<CChar>?>? {
        UnsafeRawPointer(l)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self)
    }

    /// The thread's last GDAL error text ("" when none). Call `CPLErrorReset()` before the call it explains.
    static func lastMessage() -> String {
        guard let p = CPLGetLastErrorMsg() else { return "" }
        return String(cString: p)
    }

    /// A `char *` that GDAL allocated, copied and freed (`VSIFree`; `CPLFree` is a macro Swift cannot see).
    static func take(_ p: UnsafeMutablePointer<CChar>?) -> String? {
        guard let p else { return nil }
        defer { VSIFree(p) }
        return String(cString: p)
    }

    /// Collects GDAL warnings raised by `body` (a thread-local handler stack; body stays synchronous).
    static func collectingMessages<R>(_ body: () throws -> R) rethrows -> (R, [String]) {
        let sink = MessageSink()
        CPLPushErrorHandlerEx(
            { cls, _, msg in
                guard let ud = CPLGetErrorHandlerUserData(), let msg else { return }
                let kind = cls == CE_Warning ? "Warning" : cls == CE_Debug ? "Debug" : "Error"
                guard kind != "Debug" else { return }
                Unmanaged<MessageSink>.fromOpaque(ud).takeUnretainedValue().lines.append("\(kind): " + String(cString: msg))
            }, Unmanaged.passUnretained(sink).toOpaque())
        defer { CPLPopErrorHandler() }
        let result = try withExtendedLifetime(sink) { try body() }
        return (result, sink.lines)
    }
}

/// Lines collected by `GDAL.collectingMessages`.
private final class MessageSink {
    var lines: [String] = []
}

/// An open GDAL dataset; closes it (which also flushes writes) when released.
///
/// Features and Arrow streams taken from it must be released before it is.
final class Dataset {
    /// Owned: `GDALClose` in `close()` / deinit.
    private(set) var handle: GDALDatasetH?
    let path: String

    init(handle: GDALDatasetH, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Opens a vector dataset read-only. `allowedDrivers` empty: any driver.
    static func open(_ path: String, file: String, options: [(String, String)], allowedDrivers: [String]) throws(GridIOError) -> Dataset {
        GDAL.ensure()
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let ds: GDALDatasetH? = GDAL.withOptions(options) { oo in
            withCStringArray(allowedDrivers) { drivers in GDALOpenEx(path, flags, drivers, GDAL.constList(oo), nil) }
        }
        guard let ds else {
            let why = GDAL.lastMessage()
            throw GridIOError(file: file, message: "GDAL cannot open it" + (why.isEmpty ? "" : ": \(why)"), kind: .missing)
        }
        return Dataset(handle: ds, path: path)
    }

    /// Closes now; returns false when GDAL reported an error while flushing.
    @discardableResult
    func close() -> Bool {
        guard let h = handle else { return true }
        handle = nil
        CPLErrorReset()
        GDALClose(h)
        return CPLGetLastErrorType() != CE_Failure
    }

    deinit { if let h = handle { GDALClose(h) } }

    var driverName: String {
        guard let h = handle, let drv = GDALGetDatasetDriver(h), let name = GDALGetDriverShortName(drv) else { return "" }
        return String(cString: name)
    }

    /// The layers (borrowed handles, valid while the dataset is open) with their names.
    var layers: [(name: String, handle: OGRLayerH)] {
        guard let h = handle else { return [] }
        return (0..<GDALDatasetGetLayerCount(h)).compactMap { i in
            guard let l = GDALDatasetGetLayer(h, i) else { return nil }
            return (OGR_L_GetName(l).map { String(cString: $0) } ?? "layer \(i)", l)
        }
    }
}

/// A NULL-terminated `const char *` array of `strings` for the duration of `body`; nil when empty.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) throws -> R) rethrows -> R {
    guard !strings.isEmpty else { return try body(nil) }
    let dup = strings.map { strdup($0) }
    defer { dup.forEach { free($0) } }
    let arr: [UnsafePointer<CChar>?] = dup.map { $0.map { UnsafePointer($0) } } + [nil]
    return try arr.withUnsafeBufferPointer { try body($0.baseAddress) }
}
