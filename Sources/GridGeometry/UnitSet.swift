import GridModel

/// The units the optimizer partitions, with their measures and rook adjacency.
///
/// All coordinates and measures are in the projected work CRS: metres and m².
/// Order is fixed: by jurisdiction, then row, then column, then part (hexagons), or input order (given units).
public struct UnitSet: Sendable {
    /// One shape per unit.
    public var shapes: [MultiPolygon]
    /// Index of the jurisdiction each unit lies in.
    public var jurisdiction: [Int32]
    /// Area in m².
    public var area: [Double]
    /// Perimeter in m (all rings).
    public var perimeter: [Double]
    /// Area centroid, metres.
    public var centroidX: [Double]
    public var centroidY: [Double]
    /// Hexagons: "H<col>_<row>" or "H<col>_<row>_<part>"; given units: their id (with "_<k>" for pieces).
    public var names: [String]
    /// Rook adjacency (CSR): neighbours of unit u are `neighbors[offsets[u]..<offsets[u+1]]`, ascending;
    /// symmetric; only between units of the same jurisdiction.
    public var offsets: [Int32]
    public var neighbors: [Int32]
    /// Shared boundary length in metres, parallel to `neighbors`.
    public var sharedLength: [Double]
    /// Given units: the index of the input shape each unit was cut from (several units may share one;
    /// an input outside every jurisdiction has none). Hexagons: -1.
    public var sourceIndex: [Int32]
    /// Given units: what was dropped, clipped, repaired and filled to make them tile the jurisdictions.
    /// Hexagons: empty (hexagon units tile by construction).
    public var givenUnitsReport = GivenUnitsReport()

    public init(
        shapes: [MultiPolygon], jurisdiction: [Int32], area: [Double], perimeter: [Double], centroidX: [Double],
        centroidY: [Double], names: [String], offsets: [Int32], neighbors: [Int32], sharedLength: [Double],
        sourceIndex: [Int32] = []
    ) {
        self.shapes = shapes
        self.jurisdiction = jurisdiction
        self.area = area
        self.perimeter = perimeter
        self.centroidX = centroidX
        self.centroidY = centroidY
        self.names = names
        self.offsets = offsets
        self.neighbors = neighbors
        self.sharedLength = sharedLength
        self.sourceIndex = sourceIndex.isEmpty ? Array(repeating: -1, count: shapes.count) : sourceIndex
    }

    public var count: Int { shapes.count }

    /// Neighbour indices of unit `u` (ascending).
    public func neighbors(of u: Int) -> ArraySlice<Int32> {
        neighbors[Int(offsets[u])..<Int(offsets[u + 1])]
    }

    /// Builds CSR arrays from per-unit lists, sorting each list by neighbour index.
    static func csr(_ lists: [[(Int32, Double)]]) -> (offsets: [Int32], neighbors: [Int32], lengths: [Double]) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(lists.count + 1)
        var nb: [Int32] = [], len: [Double] = []
        for l in lists {
            for (v, s) in l.sorted(by: { $0.0 < $1.0 }) {
                nb.append(v)
                len.append(s)
            }
            offsets.append(Int32(nb.count))
        }
        return (offsets, nb, len)
    }
}
