/// An assignment of one jurisdiction's units to grids, with per-grid tallies kept up to date by
/// every move.
///
/// Tallies: balanced weight, area, perimeter estimate P = Σ perimeter(u) − 2·Σ internal shared
/// length (island links count zero), first area moments (for area centroids), unit counts, units
/// outside light land and further weights. `checkInvariants()` recomputes them all.
struct Partition: Sendable {
    /// The graph the partition lives on.
    let graph: WorkGraph
    /// Number of grids.
    let gridCount: Int
    /// Grid of every unit, 0..<gridCount.
    private(set) var assignment: [Int32]
    /// Balanced weight per grid.
    private(set) var weight: [Double]
    /// Area per grid, m².
    private(set) var area: [Double]
    /// Perimeter estimate per grid, metres.
    private(set) var perimeter: [Double]
    /// Σ area·x and Σ area·y per grid (area centroid = moment / area).
    private(set) var momentX: [Double]
    private(set) var momentY: [Double]
    /// Units per grid.
    private(set) var unitCount: [Int32]
    /// Further weights per grid, flattened: `secondary[g * graph.secondaryCount + k]`.
    private(set) var secondary: [Double]
    /// Centre unit of each grid that must never leave it, or -1.
    let centre: [Int32]
    /// Per unit: true when it is some grid's centre.
    let isCentre: [Bool]
    /// Per unit: true when it lies in land too light to be a grid (`LightComponents`).
    let isLight: [Bool]
    /// Units per grid outside light land: a grid that has one keeps its last one.
    private(set) var solidCount: [Int32]

    // Scratch space for searches; never part of the state.
    var stamp: [UInt32]
    var stampValue: UInt32 = 0
    var queue: [Int32]

    /// Creates the partition `assignment` (every entry in 0..<gridCount) and computes its tallies.
    /// - Complexity: O(n + m).
    init(
        graph: WorkGraph, gridCount: Int, assignment: [Int32], centre: [Int32]? = nil, light: LightComponents? = nil
    ) {
        precondition(assignment.count == graph.unitCount, "one grid per unit")
        self.graph = graph
        self.gridCount = gridCount
        self.assignment = assignment
        let c = centre ?? [Int32](repeating: -1, count: gridCount)
        self.centre = c
        var isCentre = [Bool](repeating: false, count: graph.unitCount)
        for u in c where u >= 0 { isCentre[Int(u)] = true }
        self.isCentre = isCentre
        self.isLight = light?.isLight ?? [Bool](repeating: false, count: graph.unitCount)
        solidCount = []
        weight = []
        area = []
        perimeter = []
        momentX = []
        momentY = []
        unitCount = []
        secondary = []
        stamp = [UInt32](repeating: 0, count: graph.unitCount)
        queue = []
        queue.reserveCapacity(graph.unitCount)
        recomputeTallies()
    }

    /// Recomputes every tally from the assignment (used at creation and after bulk changes).
    /// - Complexity: O(n + m).
    mutating func recomputeTallies() {
        let t = Partition.tallies(graph: graph, gridCount: gridCount, assignment: assignment)
        solidCount = Partition.solidCounts(gridCount: gridCount, assignment: assignment, isLight: isLight)
        weight = t.weight
        area = t.area
        perimeter = t.perimeter
        momentX = t.momentX
        momentY = t.momentY
        unitCount = t.unitCount
        secondary = t.secondary
    }

    /// Tallies of an assignment, computed from scratch.
    static func tallies(graph: WorkGraph, gridCount: Int, assignment: [Int32]) -> (
        weight: [Double], area: [Double], perimeter: [Double], momentX: [Double], momentY: [Double],
        unitCount: [Int32], secondary: [Double]
    ) {
        var weight = [Double](repeating: 0, count: gridCount)
        var area = weight
        var perimeter = weight
        var momentX = weight
        var momentY = weight
        var unitCount = [Int32](repeating: 0, count: gridCount)
        let s = graph.secondaryCount
        var secondary = [Double](repeating: 0, count: gridCount * s)
        for u in 0..<graph.unitCount {
            let g = Int(assignment[u])
            let a = graph.area[u]
            weight[g] += graph.weight[u]
            area[g] += a
            perimeter[g] += graph.perimeter[u]
            momentX[g] += a * graph.x[u]
            momentY[g] += a * graph.y[u]
            unitCount[g] += 1
            for k in 0..<s { secondary[g * s + k] += graph.secondary[u * s + k] }
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1])
            where assignment[Int(graph.neighbors[e])] == assignment[u] {
                perimeter[g] -= graph.sharedLength[e]  // each internal edge is seen twice
            }
        }
        return (weight, area, perimeter, momentX, momentY, unitCount, secondary)
    }

    /// Units outside light land per grid, counted from scratch.
    static func solidCounts(gridCount: Int, assignment: [Int32], isLight: [Bool]) -> [Int32] {
        var count = [Int32](repeating: 0, count: gridCount)
        for (u, g) in assignment.enumerated() where !isLight[u] { count[Int(g)] += 1 }
        return count
    }

    /// Shared boundary between unit `u` and the units of grids `g` and `h`.
    /// - Complexity: O(degree(u)).
    @inline(__always)
    func sharedWith(_ u: Int, _ g: Int32, _ h: Int32) -> (Double, Double) {
        var sg = 0.0
        var sh = 0.0
        for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
            let a = assignment[Int(graph.neighbors[e])]
            if a == g {
                sg += graph.sharedLength[e]
            } else if a == h {
                sh += graph.sharedLength[e]
            }
        }
        return (sg, sh)
    }

    /// Moves unit `u` to grid `h`, updating every tally. Does not check contiguity or centres.
    /// - Complexity: O(degree(u)).
    mutating func move(_ u: Int, to h: Int32) {
        let g = assignment[u]
        guard g != h else { return }
        let (sg, sh) = sharedWith(u, g, h)
        let gi = Int(g)
        let hi = Int(h)
        let a = graph.area[u]
        let p = graph.perimeter[u]
        let x = graph.x[u]
        let y = graph.y[u]
        let w = graph.weight[u]
        perimeter[gi] += 2 * sg - p
        perimeter[hi] += p - 2 * sh
        weight[gi] -= w
        weight[hi] += w
        area[gi] -= a
        area[hi] += a
        momentX[gi] -= a * x
        momentX[hi] += a * x
        momentY[gi] -= a * y
        momentY[hi] += a * y
        unitCount[gi] -= 1
        unitCount[hi] += 1
        if !isLight[u] {
            solidCount[gi] -= 1
            solidCount[hi] += 1
        }
        let s = graph.secondaryCount
        for k in 0..<s {
            let v = graph.secondary[u * s + k]
            secondary[gi * s + k] -= v
            secondary[hi * s + k] += v
        }
        assignment[u] = h
    }

    /// Replaces the whole assignment and recomputes the tallies.
    /// - Complexity: O(n + m).
    mutating func reset(to newAssignment: [Int32]) {
        precondition(newAssignment.count == graph.unitCount, "one grid per unit")
        assignment = newAssignment
        recomputeTallies()
    }

    /// Graph Polsby-Popper 4πA/P² of grid `g` (0 for an empty grid).
    func polsbyPopper(_ g: Int) -> Double {
        let p = perimeter[g]
        guard p > 0, area[g] > 0 else { return 0 }
        return 4 * Double.pi * area[g] / (p * p)
    }
}
