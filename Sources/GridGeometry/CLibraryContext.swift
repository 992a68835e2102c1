/// One context of a C library (GEOS, PROJ) and the sink its message callbacks write to.
///
/// Deliberately not Sendable: one per task, never global. The sink is stored beside the handle, so it
/// outlives it and can be handed to C unretained as the callbacks' `userdata`. Every object made with the
/// context (geometries, prepared geometries, trees, PROJ objects) keeps a strong reference to it, so
/// `finish` frees the handle only after all of them are destroyed.
final class CLibraryContext<Sink: AnyObject> {
    let handle: OpaquePointer
    let sink: Sink
    private let finish: (OpaquePointer) -> Void

    /// Makes the handle with `create` (the C function `name`, for the error) and owns it from then on:
    /// `finish` frees it when the context goes.
    init(sink: Sink, create: () -> OpaquePointer?, name: String, finish: @escaping (OpaquePointer) -> Void) throws(GeometryError) {
        guard let handle = create() else { throw GeometryError("\(name) failed") }
        self.handle = handle
        self.sink = sink
        self.finish = finish
    }

    deinit { finish(handle) }

    /// The sink as the C callbacks' `userdata` (unretained: this context keeps it alive).
    var userdata: UnsafeMutableRawPointer { Unmanaged.passUnretained(sink).toOpaque() }

    /// The sink behind a C callback's `userdata`.
    static func sink(from userdata: UnsafeMutableRawPointer) -> Sink {
        Unmanaged<Sink>.fromOpaque(userdata).takeUnretainedValue()
    }
}
