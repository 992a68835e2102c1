/// An index that says what it indexes: position in the per-unit or per-grid arrays, typed so that a
/// unit can never be passed where a grid is meant. The optimizer and GEOS keep bare `Int32` arrays; the
/// pipeline converts at those seams.
public struct TypedIndex<Kind>: RawRepresentable, Hashable, Comparable, Sendable {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }
    public init(_ index: Int) { rawValue = Int32(index) }
    /// The position in the arrays this index is for.
    public var index: Int { Int(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The index of each located item, nil where it lies in none (from a −1 sentinel array).
    public static func located(_ raw: [Int32]) -> [Self?] {
        raw.map { $0 >= 0 ? Self(rawValue: $0) : nil }
    }
}

/// What a `UnitID` indexes: units (hexagon cells or given units) of a `UnitSet`.
public enum UnitIndexKind {}
/// What a `GridID` indexes: grids as the optimizer numbered them (in `evaluate`, output positions).
public enum GridIndexKind {}

/// Index of a unit in a `UnitSet`: position in every per-unit array.
public typealias UnitID = TypedIndex<UnitIndexKind>
/// Index of a grid: position in every per-grid array. Not the `grid_id` text a planner reads.
public typealias GridID = TypedIndex<GridIndexKind>
