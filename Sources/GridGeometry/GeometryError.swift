/// An error from the geometry module, carrying GEOS's or PROJ's own text.
///
/// `message` names the operation and, where the library said something, the library's words,
/// e.g. `transform from 'EPSG:999999': proj_create: crs not found`.
public struct GeometryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
