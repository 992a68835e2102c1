/// Index of a unit (hexagon cell or given unit) in a `UnitSet`: position in every per-unit array.
public struct UnitID: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { rawValue = Int32(index) }
    /// The position in per-unit arrays.
    public var index: Int { Int(rawValue) }
    public static func < (a: UnitID, b: UnitID) -> Bool { a.rawValue < b.rawValue }

    /// The unit of each located item, nil where it lies in none (from a −1 sentinel array).
    public static func located(_ raw: [Int32]) -> [UnitID?] {
        raw.map { $0 >= 0 ? UnitID(rawValue: $0) : nil }
    }
}

/// Index of a grid as the optimizer numbered it (or, in `evaluate`, the grid's output position):
/// position in every per-grid array. Not the `grid_id` text a planner reads.
public struct GridID: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { rawValue = Int32(index) }
    /// The position in per-grid arrays.
    public var index: Int { Int(rawValue) }
    public static func < (a: GridID, b: GridID) -> Bool { a.rawValue < b.rawValue }

    /// The grid of each located item, nil where it lies in none (from a −1 sentinel array).
    public static func located(_ raw: [Int32]) -> [GridID?] {
        raw.map { $0 >= 0 ? GridID(rawValue: $0) : nil }
    }
}
