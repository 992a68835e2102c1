/// Workload points held as flat arrays (one entry per point, in input order).
///
/// Coordinates are in the CRS the owner says (input CRS after reading, metres after projection).
/// `weights[k][i]` is the k-th weight field of point i; `ids[i]` is its id text or "".
/// `sources[i]` says where the point came from (feature index or CSV line) for messages.
public struct PointTable: Sendable {
    public var x: [Double]
    public var y: [Double]
    public var ids: [String]
    public var weights: [[Double]]
    public var weightNames: [String]
    /// Feature index (GeoJSON) or 1-based line number (CSV) of each point.
    public var sources: [Int32]

    public init(weightNames: [String]) {
        self.x = []
        self.y = []
        self.ids = []
        self.weights = Array(repeating: [], count: weightNames.count)
        self.weightNames = weightNames
        self.sources = []
    }

    public var count: Int { x.count }

    public mutating func reserveCapacity(_ n: Int) {
        x.reserveCapacity(n)
        y.reserveCapacity(n)
        ids.reserveCapacity(n)
        sources.reserveCapacity(n)
        for k in weights.indices { weights[k].reserveCapacity(n) }
    }

    /// Appends one point; `weights` must have one value per weight field.
    public mutating func append(x: Double, y: Double, id: String, weights w: [Double], source: Int32) {
        precondition(w.count == weights.count, "one value per weight field")
        self.x.append(x)
        self.y.append(y)
        ids.append(id)
        sources.append(source)
        for k in w.indices { weights[k].append(w[k]) }
    }
}
