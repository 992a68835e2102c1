/// One jurisdiction's units in local indices, made connected by zero-length island links.
/// A class (immutable) so that the many reads through `partition.graph` share one reference instead
/// of copying fourteen array references (which dominated debug builds).
///
/// Coordinates are shifted so that the jurisdiction's mean centroid is the origin (metres).
/// `weight` is the weight being balanced: the primary weight, or the area when the jurisdiction
/// carries no primary weight at all.
final class WorkGraph: Sendable {
    /// Number of units in the jurisdiction.
    let unitCount: Int
    /// CSR row starts including island links.
    let offsets: [Int32]
    /// CSR neighbours including island links.
    let neighbors: [Int32]
    /// Shared boundary per CSR entry, metres (0 for island links).
    let sharedLength: [Double]
    /// True for CSR entries that are island links, not real adjacency.
    let isLink: [Bool]
    /// The balanced weight per unit.
    let weight: [Double]
    /// Number of further weights (`UnitGraph.weights[1...]`), balanced as well as possible or within
    /// a band (`PartitionProblem.weightTolerances`).
    let secondaryCount: Int
    /// Further weights per unit, flattened: `secondary[u * secondaryCount + k]` is weights[k + 1].
    let secondary: [Double]
    /// Area per unit, m².
    let area: [Double]
    /// Full boundary length per unit, metres.
    let perimeter: [Double]
    /// Centroid per unit, metres relative to the jurisdiction's mean centroid.
    let x: [Double]
    let y: [Double]
    /// Global unit index of each local unit (empty for coarse levels).
    let globalUnit: [Int32]
    /// Real (link-free) component of each unit, and how many there are.
    let component: [Int32]
    let componentCount: Int
    /// Island links added, as local unit pairs.
    let links: [(Int32, Int32)]
    /// Per CSR entry, the metres a grid edge should avoid (`UnitGraph.cutLength`; 0 for island links),
    /// or empty when the graph has none (hexagons, given units, coarse levels).
    let cutLength: [Double]

    /// Stores the given arrays as they are (coarse levels build them, `init(coarsening:…)`).
    init(
        unitCount: Int, offsets: [Int32], neighbors: [Int32], sharedLength: [Double], isLink: [Bool],
        weight: [Double], secondaryCount: Int, secondary: [Double], area: [Double], perimeter: [Double],
        x: [Double], y: [Double], globalUnit: [Int32], component: [Int32], componentCount: Int,
        links: [(Int32, Int32)], cutLength: [Double] = []
    ) {
        self.unitCount = unitCount
        self.offsets = offsets
        self.neighbors = neighbors
        self.sharedLength = sharedLength
        self.isLink = isLink
        self.weight = weight
        self.secondaryCount = secondaryCount
        self.secondary = secondary
        self.area = area
        self.perimeter = perimeter
        self.x = x
        self.y = y
        self.globalUnit = globalUnit
        self.component = component
        self.componentCount = componentCount
        self.links = links
        self.cutLength = cutLength
    }

    /// Builds the local graph of `units` (global indices, ascending) of one jurisdiction.
    ///
    /// - Parameter localIndex: global unit → local index inside its own jurisdiction.
    /// - Complexity: O(m) plus the island-link search, O(b · c) for b boundary units and c components.
    init(graph: UnitGraph, units: [Int32], localIndex: [Int32], useAreaAsWeight: Bool) {
        let n = units.count
        unitCount = n
        globalUnit = units
        var weight = [Double](repeating: 0, count: n)
        let s = graph.weights.count - 1
        var secondary = [Double](repeating: 0, count: n * s)
        var area = [Double](repeating: 0, count: n)
        var perimeter = [Double](repeating: 0, count: n)
        var x = [Double](repeating: 0, count: n)
        var y = [Double](repeating: 0, count: n)
        var mx = 0.0
        var my = 0.0
        for (i, gu) in units.enumerated() {
            let g = Int(gu)
            area[i] = graph.area[g]
            weight[i] = useAreaAsWeight ? graph.area[g] : graph.weights[0][g]
            for k in 0..<s { secondary[i * s + k] = graph.weights[k + 1][g] }
            perimeter[i] = graph.perimeter[g]
            x[i] = graph.centroidX[g]
            y[i] = graph.centroidY[g]
            mx += x[i]
            my += y[i]
        }
        if n > 0 {
            mx /= Double(n)
            my /= Double(n)
        }
        for i in 0..<n {
            x[i] -= mx
            y[i] -= my
        }
        // Real adjacency in local indices.
        var realOffsets = [Int32](repeating: 0, count: n + 1)
        var realNeighbors: [Int32] = []
        var realLength: [Double] = []
        for (i, gu) in units.enumerated() {
            let g = Int(gu)
            for e in Int(graph.offsets[g])..<Int(graph.offsets[g + 1]) {
                realNeighbors.append(localIndex[Int(graph.neighbors[e])])
                realLength.append(graph.sharedLength[e])
            }
            realOffsets[i + 1] = Int32(realNeighbors.count)
        }
        let (component, componentCount) = WorkGraph.components(
            n: n, offsets: realOffsets, neighbors: realNeighbors)
        let links = WorkGraph.islandLinks(
            x: x, y: y, perimeter: perimeter, offsets: realOffsets, sharedLength: realLength,
            component: component, componentCount: componentCount)
        let merged = WorkGraph.mergingLinks(
            links, offsets: realOffsets, neighbors: realNeighbors, sharedLength: realLength)
        self.offsets = merged.offsets
        self.neighbors = merged.neighbors
        self.sharedLength = merged.shared
        self.isLink = merged.isLink
        self.weight = weight
        self.secondaryCount = s
        self.secondary = secondary
        self.area = area
        self.perimeter = perimeter
        self.x = x
        self.y = y
        self.component = component
        self.componentCount = componentCount
        self.links = links
        self.cutLength = graph.cutLength.map { cut in
            WorkGraph.localCutLength(cut, graph: graph, units: units, offsets: merged.offsets)
        } ?? []
    }

    /// `cut` (per CSR entry of `graph`) for the local rows of `units`, laid out as `mergingLinks` lays out
    /// the merged rows (`offsets`): each row's real entries first, in order, then its links at 0.
    /// - Complexity: O(n + m).
    static func localCutLength(_ cut: [Double], graph: UnitGraph, units: [Int32], offsets: [Int32]) -> [Double] {
        var local = [Double](repeating: 0, count: Int(offsets[units.count]))
        for (i, gu) in units.enumerated() {
            var p = Int(offsets[i])
            for e in Int(graph.offsets[Int(gu)])..<Int(graph.offsets[Int(gu) + 1]) {
                local[p] = cut[e]
                p += 1
            }
        }
        return local
    }

    /// The real adjacency (CSR) with the island `links` appended to each row (shared length 0).
    /// - Complexity: O(n + m + links).
    static func mergingLinks(
        _ links: [(Int32, Int32)], offsets realOffsets: [Int32], neighbors realNeighbors: [Int32],
        sharedLength realLength: [Double]
    ) -> (offsets: [Int32], neighbors: [Int32], shared: [Double], isLink: [Bool]) {
        let n = realOffsets.count - 1
        var extra = [Int32](repeating: 0, count: n)
        for (a, b) in links {
            extra[Int(a)] += 1
            extra[Int(b)] += 1
        }
        var offsets = [Int32](repeating: 0, count: n + 1)
        for i in 0..<n {
            offsets[i + 1] = offsets[i] + (realOffsets[i + 1] - realOffsets[i]) + extra[i]
        }
        let total = Int(offsets[n])
        var neighbors = [Int32](repeating: 0, count: total)
        var shared = [Double](repeating: 0, count: total)
        var isLink = [Bool](repeating: false, count: total)
        var fill = [Int32](repeating: 0, count: n)
        for i in 0..<n {
            var p = Int(offsets[i])
            for e in Int(realOffsets[i])..<Int(realOffsets[i + 1]) {
                neighbors[p] = realNeighbors[e]
                shared[p] = realLength[e]
                p += 1
            }
            fill[i] = Int32(p)
        }
        for (a, b) in links {
            for (s, t) in [(a, b), (b, a)] {
                let p = Int(fill[Int(s)])
                neighbors[p] = t
                shared[p] = 0
                isLink[p] = true
                fill[Int(s)] += 1
            }
        }
        return (offsets, neighbors, shared, isLink)
    }

    /// Breadth-first flood from the units in `queue`, which is the queue: for each unit `from` taken from
    /// it in order, `enter(from, to)` is asked for every neighbour `to` (links included) and says whether
    /// `to` joins the end of the queue. Ends when the queue is exhausted, holding every unit that joined.
    /// - Complexity: O(units in the queue · degree).
    @inline(__always)
    func flood(_ queue: inout [Int32], enter: (_ from: Int, _ to: Int) -> Bool) {
        var head = 0
        while head < queue.count {
            let u = Int(queue[head])
            head += 1
            for e in Int(offsets[u])..<Int(offsets[u + 1]) {
                let v = neighbors[e]
                if enter(u, Int(v)) { queue.append(v) }
            }
        }
    }

    /// Labels the connected components of a CSR graph, numbered in order of their lowest unit.
    /// - Complexity: O(n + m).
    static func components(n: Int, offsets: [Int32], neighbors: [Int32]) -> ([Int32], Int) {
        var label = [Int32](repeating: -1, count: n)
        var stack: [Int32] = []
        var count: Int32 = 0
        for s in 0..<n where label[s] < 0 {
            label[s] = count
            stack.append(Int32(s))
            while let u = stack.popLast() {
                for e in Int(offsets[Int(u)])..<Int(offsets[Int(u) + 1]) {
                    let v = Int(neighbors[e])
                    if label[v] < 0 {
                        label[v] = count
                        stack.append(Int32(v))
                    }
                }
            }
            count += 1
        }
        return (label, Int(count))
    }
}
