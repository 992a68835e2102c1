import GridModel

/// Lines and areas that unit edges should follow or must not cross (projected metres).
///
/// Lines are interleaved `[x0, y0, x1, y1, …]` with at least 2 positions, in the work CRS.
public struct BarrierLayers: Sendable {
    /// Lines grid edges should follow (streets, railways; polygon outlines given as `--barriers`):
    /// units on their two sides stay neighbours.
    public var soft: [[Double]]
    /// Lines no grid may cross (a fenced expressway): units on their two sides are neighbours only where a
    /// soft line crosses them (a bridge link).
    public var hardLines: [[Double]]
    /// Areas that are not patrol land (water): zero-weight units that join one adjacent grid and never link
    /// the two banks, except through a soft line crossing them (a bridge link).
    public var hardAreas: [MultiPolygon]

    public init(soft: [[Double]] = [], hardLines: [[Double]] = [], hardAreas: [MultiPolygon] = []) {
        self.soft = soft
        self.hardLines = hardLines
        self.hardAreas = hardAreas
    }

    public var isEmpty: Bool { soft.isEmpty && hardLines.isEmpty && hardAreas.isEmpty }
}

/// How blocks are made from barrier lines (metres, m²).
public struct BlockOptions: Sendable {
    /// Line ends closer than this to other linework (but not on it) are joined to it.
    public var snapMetres = 1.0
    /// Faces smaller than this are slivers, merged into a neighbour of their station.
    public var sliverAreaM2 = 100.0
    /// Faces thinner than this (2·area / perimeter, about the width of a long strip) are slivers too: the
    /// strips between the two carriageways of a divided road or a freeway and its frontage road are road,
    /// not blocks. Kept as units they made grids of strips along the roads (San Francisco's arteries and
    /// freeways, drawn one line per carriageway: 1,264 faces, 1,113 blocks with 5 m, 235 with 20 m; a grid
    /// of 14 strips along a freeway had Polsby-Popper 0.06). Real blocks are wider (60 m × 150 m: 43 m).
    /// San Francisco, K 30/40/50/60 × seeds 1–5, mean PP / mean within 25 m of the lines (min): 5 m
    /// 0.406 / 85.8% (81.9%); 20 m 0.443 / 85.4% (80.1%); 25 m 0.444 / 85.2% (80.0%). Chicago seeds
    /// 1–3: 0.507–0.524 → 0.520–0.526 at 20 m.
    public var sliverWidthMetres = 20.0
    /// Blocks heavier than this are cut by straight lines until each piece is at most this heavy (or too
    /// narrow to cut, or a pile of points at one place). `.infinity`: never split.
    public var maxUnitWeight = Double.infinity
    /// A piece is never cut along a side shorter than twice this.
    public var minCellMetres = 25.0
    /// A grid's mean weight: a block heavier than this is first cut into parts of one grid's weight, each
    /// then cut into pieces (`BlockSplit`); the optimizer starts and moves each part whole. `.infinity`: the
    /// whole block is one part.
    public var gridWeight = Double.infinity

    public init(maxUnitWeight: Double = .infinity, gridWeight: Double = .infinity) {
        self.maxUnitWeight = maxUnitWeight
        self.gridWeight = gridWeight
    }
}

/// Counts from building blocks, for the report and for tests.
public struct BlockReport: Sendable, Equatable {
    /// Faces of the noded linework inside the jurisdictions (first pass, before sliver merging).
    public var rawFaces = 0
    /// Land faces merged into a neighbour because they were slivers.
    public var sliversMerged = 0
    /// Land blocks after sliver merging.
    public var blocks = 0
    /// Blocks heavier than `maxUnitWeight`, cut into pieces.
    public var heavyBlocks = 0
    /// Water (hard-area) units.
    public var waterUnits = 0
    /// Line ends joined to nearby linework.
    public var snappedEnds = 0
    /// Links across hard barriers where a soft line crosses them.
    public var bridgeLinks = 0

    public init() {}
}
