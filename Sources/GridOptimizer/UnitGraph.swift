/// The units to partition: rook adjacency in CSR form plus per-unit weights and geometry.
///
/// Coordinates and lengths are projected metres, areas m². Edges never cross sub-jurisdictions.
public struct UnitGraph: Sendable {
    /// CSR row starts: the neighbours of unit u are `neighbors[offsets[u]..<offsets[u+1]]`.
    public let offsets: [Int32]
    /// CSR column indices (symmetric, no self loops, no duplicates).
    public let neighbors: [Int32]
    /// Metres of boundary shared along each CSR entry.
    public let sharedLength: [Double]
    /// `weights[k][u]`; k = 0 is the primary weight, balanced within the tolerance.
    public let weights: [[Double]]
    /// Area of each unit, m².
    public let area: [Double]
    /// Full boundary length of each unit (outer boundary included), metres.
    public let perimeter: [Double]
    /// Centroid x of each unit, projected metres.
    public let centroidX: [Double]
    /// Centroid y of each unit, projected metres.
    public let centroidY: [Double]
    /// Sub-jurisdiction of each unit, 0..<jurisdictionCount.
    public let jurisdiction: [Int32]
    /// Number of sub-jurisdictions (at least 1).
    public let jurisdictionCount: Int
    /// Per CSR entry, the metres of its shared boundary that a grid edge should avoid (street blocks:
    /// the part not on a barrier line, e.g. a cut through a split block), or nil when every edge is
    /// equally good. A grid edge along them costs `Tuning.blockCutWeight` per grid side in the
    /// objective, a term of its own beside Σ 1/PP, which keeps the real perimeter
    /// (`LocalSearch.cutWeight`). Checked by `Partitioner.solve` (one finite value ≥ 0 per entry).
    public var cutLength: [Double]? = nil

    /// Number of units.
    public var unitCount: Int { area.count }

    /// Validates and stores a unit graph.
    ///
    /// Checks sizes, index ranges, symmetry (with equal shared lengths), absence of self loops and
    /// duplicate entries, finite non-negative weights, areas, perimeters and lengths, finite
    /// centroids, and that every edge stays inside one jurisdiction.
    /// - Complexity: O(n + m log d) for n units, m CSR entries and maximum degree d.
    public init(
        offsets: [Int32], neighbors: [Int32], sharedLength: [Double],
        weights: [[Double]], area: [Double], perimeter: [Double],
        centroidX: [Double], centroidY: [Double],
        jurisdiction: [Int32], jurisdictionCount: Int
    ) throws(PartitionError) {
        let n = area.count
        guard n > 0 else { throw .invalidGraph("the graph has no units") }
        guard offsets.count == n + 1 else {
            throw .invalidGraph("offsets has \(offsets.count) entries, expected units + 1 = \(n + 1)")
        }
        for (name, array) in [("perimeter", perimeter), ("centroidX", centroidX), ("centroidY", centroidY)]
        where array.count != n {
            throw .invalidGraph("\(name) has \(array.count) entries, expected \(n) (one per unit)")
        }
        guard jurisdiction.count == n else {
            throw .invalidGraph("jurisdiction has \(jurisdiction.count) entries, expected \(n) (one per unit)")
        }
        guard jurisdictionCount >= 1 else { throw .invalidGraph("jurisdictionCount must be at least 1") }
        guard !weights.isEmpty else { throw .invalidGraph("at least one weight (the primary) is required") }
        for (k, w) in weights.enumerated() {
            guard w.count == n else {
                throw .invalidGraph("weights[\(k)] has \(w.count) entries, expected \(n) (one per unit)")
            }
            if let u = w.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
                throw .invalidGraph("weights[\(k)] of unit \(u) is \(w[u]): weights must be finite and non-negative")
            }
        }
        if let u = area.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalidGraph("area of unit \(u) is \(area[u]): must be finite and non-negative")
        }
        if let u = perimeter.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw .invalidGraph("perimeter of unit \(u) is \(perimeter[u]): must be finite and non-negative")
        }
        if let u = centroidX.indices.first(where: { !centroidX[$0].isFinite || !centroidY[$0].isFinite }) {
            throw .invalidGraph("centroid of unit \(u) is not finite")
        }
        if let u = jurisdiction.firstIndex(where: { $0 < 0 || Int($0) >= jurisdictionCount }) {
            throw .invalidGraph(
                "unit \(u) has jurisdiction \(jurisdiction[u]), outside 0..<\(jurisdictionCount)")
        }
        try UnitGraph.checkAdjacency(
            offsets: offsets, neighbors: neighbors, sharedLength: sharedLength, jurisdiction: jurisdiction)
        self.offsets = offsets
        self.neighbors = neighbors
        self.sharedLength = sharedLength
        self.weights = weights
        self.area = area
        self.perimeter = perimeter
        self.centroidX = centroidX
        self.centroidY = centroidY
        self.jurisdiction = jurisdiction
        self.jurisdictionCount = jurisdictionCount
    }

    /// Checks the CSR adjacency: offsets start at 0 and never decrease, indices in range, no self
    /// loops or duplicates, finite non-negative lengths, edges inside one jurisdiction, and every
    /// entry u→v matched by v→u with the same length.
    /// - Complexity: O(n + m log d).
    private static func checkAdjacency(
        offsets: [Int32], neighbors: [Int32], sharedLength: [Double], jurisdiction: [Int32]
    ) throws(PartitionError) {
        let n = jurisdiction.count
        guard offsets[0] == 0 else { throw .invalidGraph("offsets[0] must be 0") }
        for u in 0..<n where offsets[u + 1] < offsets[u] {
            throw .invalidGraph("offsets decrease at unit \(u)")
        }
        let m = Int(offsets[n])
        guard neighbors.count == m, sharedLength.count == m else {
            throw .invalidGraph(
                "neighbors (\(neighbors.count)) and sharedLength (\(sharedLength.count)) must both have offsets[n] = \(m) entries")
        }
        for u in 0..<n {
            var previous: Int32 = -1
            var sorted = true
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = neighbors[e]
                guard v >= 0, Int(v) < n else {
                    throw .invalidGraph("unit \(u) has neighbour \(v), outside 0..<\(n)")
                }
                guard Int(v) != u else { throw .invalidGraph("unit \(u) is its own neighbour (self loop)") }
                guard sharedLength[e].isFinite, sharedLength[e] >= 0 else {
                    throw .invalidGraph("shared length between units \(u) and \(v) is \(sharedLength[e])")
                }
                guard jurisdiction[Int(v)] == jurisdiction[u] else {
                    throw .invalidGraph(
                        "units \(u) (jurisdiction \(jurisdiction[u])) and \(v) (jurisdiction \(jurisdiction[Int(v)])) are neighbours across a jurisdiction boundary")
                }
                if v <= previous { sorted = false }
                previous = v
            }
            if !sorted {
                let row = neighbors[Int(offsets[u])..<Int(offsets[u + 1])].sorted()
                for i in row.indices.dropFirst() where row[i] == row[i - 1] {
                    throw .invalidGraph("unit \(u) lists neighbour \(row[i]) twice")
                }
            }
        }
        // Symmetry: every entry u→v has a matching v→u with the same length.
        for u in 0..<n {
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = Int(neighbors[e])
                var found = false
                for f in Int(offsets[v])..<Int(offsets[v + 1]) where Int(neighbors[f]) == u {
                    found = true
                    let a = sharedLength[e]
                    let b = sharedLength[f]
                    guard abs(a - b) <= 1e-6 * max(1, max(a, b)) else {
                        throw .invalidGraph("shared length \(u)→\(v) is \(a) but \(v)→\(u) is \(b)")
                    }
                    break
                }
                guard found else { throw .invalidGraph("edge \(u)→\(v) has no reverse edge \(v)→\(u)") }
            }
        }
    }
}
