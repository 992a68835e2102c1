/// Multilevel coarsening: units matched in pairs along their longest shared boundary, level after
/// level, until a few dozen units per grid remain (`Tuning.coarsestUnitsPerGrid`).
///
/// A pair is never matched across an island link (so the real components, and with them the light
/// land of `LightComponents`, are the same at every level), never when both hold a post, and never
/// when the merged unit would be too heavy or too large to balance (`Tuning.coarseUnitCap` of a
/// grid's mean weight or mean area). A coarse unit's tallies are sums of its members', its perimeter
/// ΣP − 2·shared, so a `Partition` of a coarse graph has the same tallies as the projection of its
/// assignment onto the finer graph: every level is an ordinary `WorkGraph`.
struct Hierarchy {
    /// One level: its graph, the post unit of every grid in it, and for every unit of the level
    /// below (finer) the unit of this level that holds it (empty for the finest level).
    struct Level {
        let graph: WorkGraph
        let centres: [Int32]?
        let fineToCoarse: [Int32]
    }

    /// Finest level first.
    let levels: [Level]

    /// Coarsens `graph` for `gridCount` grids, visiting units in a seeded order.
    /// - Complexity: O(m) per level, O(m log(n / (coarsestUnitsPerGrid·K))) in total.
    init(graph: WorkGraph, gridCount: Int, centres: [Int32]?, seed: UInt64) {
        var levels = [Level(graph: graph, centres: centres, fineToCoarse: [])]
        var rng = SplitMix64(seed: seed)
        let target = Tuning.coarsestUnitsPerGrid * gridCount
        let totalWeight = graph.weight.reduce(0, +)
        let totalArea = graph.area.reduce(0, +)
        let meanWeight = totalWeight / Double(max(gridCount, 1))
        let meanArea = totalArea / Double(max(gridCount, 1))
        while let top = levels.last, top.graph.unitCount > target, levels.count < Tuning.maxLevels {
            let fine = top.graph
            let (map, count) = Hierarchy.match(
                fine, centres: top.centres, meanWeight: meanWeight, meanArea: meanArea, rng: &rng)
            // Stop when matching no longer shrinks the graph (units at their cap, or stars).
            guard Double(count) < Tuning.minimumShrink * Double(fine.unitCount) else { break }
            let coarse = WorkGraph(coarsening: fine, fineToCoarse: map, coarseCount: count)
            levels.append(Level(graph: coarse, centres: top.centres.map { $0.map { map[Int($0)] } }, fineToCoarse: map))
        }
        self.levels = levels
    }

    /// Heavy-edge matching by shared boundary length: every unmatched unit, in a seeded order, pairs
    /// with its unmatched real neighbour of longest shared boundary whose union stays under the cap.
    /// (Matching by the compactness of the pair, P²/A of the union, was measured: no better.)
    /// - Returns: the coarse unit of every unit (numbered by lowest member) and the coarse count.
    static func match(
        _ graph: WorkGraph, centres: [Int32]?, meanWeight: Double, meanArea: Double, rng: inout SplitMix64
    ) -> ([Int32], Int) {
        let n = graph.unitCount
        var isCentre = [Bool](repeating: false, count: n)
        for c in centres ?? [] { isCentre[Int(c)] = true }
        func size(_ u: Int) -> Double {
            max(meanWeight > 0 ? graph.weight[u] / meanWeight : 0, meanArea > 0 ? graph.area[u] / meanArea : 0)
        }
        let cap = Tuning.coarseUnitCap
        var mate = [Int32](repeating: -1, count: n)
        var order = Array(0..<Int32(n))
        for i in stride(from: n - 1, to: 0, by: -1) { order.swapAt(i, rng.nextIndex(i + 1)) }
        for ui in order {
            let u = Int(ui)
            guard mate[u] < 0 else { continue }
            let su = size(u)
            var best = -1
            var bestLength = -1.0
            if su < cap {
                for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) where !graph.isLink[e] {
                    let v = Int(graph.neighbors[e])
                    guard mate[v] < 0, !(isCentre[u] && isCentre[v]), su + size(v) <= cap else { continue }
                    let score = graph.sharedLength[e]
                    if best < 0 || score > bestLength {
                        bestLength = score
                        best = v
                    }
                }
            }
            if best >= 0 {
                mate[u] = Int32(best)
                mate[best] = Int32(u)
            } else {
                mate[u] = Int32(u)
            }
        }
        var map = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        for u in 0..<n where map[u] < 0 {
            map[u] = count
            map[Int(mate[u])] = count
            count += 1
        }
        return (map, Int(count))
    }

    /// The assignment of the finer level below `level` that puts every unit where its coarse unit is.
    static func project(_ coarse: [Int32], through fineToCoarse: [Int32]) -> [Int32] {
        fineToCoarse.map { coarse[Int($0)] }
    }
}

extension WorkGraph {
    /// The graph of coarse units `fineToCoarse` (0..<coarseCount, every value used) of `fine`.
    ///
    /// Weights, further weights and areas add up; perimeter is ΣP minus both sides of every internal
    /// shared boundary; the centroid is area-weighted (the plain mean for zero area); an edge is a
    /// link only when all its fine edges are links.
    /// - Complexity: O(n + m) of the fine graph.
    convenience init(coarsening fine: WorkGraph, fineToCoarse map: [Int32], coarseCount n: Int) {
        let s = fine.secondaryCount
        var weight = [Double](repeating: 0, count: n)
        var secondary = [Double](repeating: 0, count: n * s)
        var area = [Double](repeating: 0, count: n)
        var perimeter = [Double](repeating: 0, count: n)
        var sx = [Double](repeating: 0, count: n)
        var sy = [Double](repeating: 0, count: n)
        var members = [Int32](repeating: 0, count: n + 1)
        var component = [Int32](repeating: 0, count: n)
        for u in 0..<fine.unitCount {
            let c = Int(map[u])
            weight[c] += fine.weight[u]
            for k in 0..<s { secondary[c * s + k] += fine.secondary[u * s + k] }
            area[c] += fine.area[u]
            perimeter[c] += fine.perimeter[u]
            sx[c] += fine.x[u]
            sy[c] += fine.y[u]
            members[c + 1] += 1
            component[c] = fine.component[u]
        }
        var x = [Double](repeating: 0, count: n)
        var y = [Double](repeating: 0, count: n)
        var ax = [Double](repeating: 0, count: n)
        var ay = [Double](repeating: 0, count: n)
        for u in 0..<fine.unitCount {
            let c = Int(map[u])
            ax[c] += fine.area[u] * fine.x[u]
            ay[c] += fine.area[u] * fine.y[u]
        }
        for c in 0..<n {
            if area[c] > 0 {
                x[c] = ax[c] / area[c]
                y[c] = ay[c] / area[c]
            } else {
                x[c] = sx[c] / Double(members[c + 1])
                y[c] = sy[c] / Double(members[c + 1])
            }
        }
        for c in 0..<n { members[c + 1] += members[c] }
        var fill = members
        var memberList = [Int32](repeating: 0, count: fine.unitCount)
        for u in 0..<fine.unitCount {
            let c = Int(map[u])
            memberList[Int(fill[c])] = Int32(u)
            fill[c] += 1
        }
        let adjacency = WorkGraph.coarseAdjacency(
            fine, map: map, count: n, members: members, memberList: memberList, perimeter: &perimeter)
        self.init(
            unitCount: n, offsets: adjacency.offsets, neighbors: adjacency.neighbors, sharedLength: adjacency.shared,
            isLink: adjacency.isLink,
            weight: weight, secondaryCount: s, secondary: secondary, area: area, perimeter: perimeter, x: x, y: y,
            globalUnit: [], component: component, componentCount: fine.componentCount, links: adjacency.links)
    }

    /// The adjacency of the coarse units (neighbours in order of first appearance; `slot` finds an
    /// entry), subtracting every internal shared boundary from `perimeter` (seen from both sides).
    private static func coarseAdjacency(
        _ fine: WorkGraph, map: [Int32], count n: Int, members: [Int32], memberList: [Int32], perimeter: inout [Double]
    ) -> (offsets: [Int32], neighbors: [Int32], shared: [Double], isLink: [Bool], links: [(Int32, Int32)]) {
        var offsets = [Int32](repeating: 0, count: n + 1)
        var neighbors: [Int32] = []
        var shared: [Double] = []
        var isLink: [Bool] = []
        neighbors.reserveCapacity(fine.neighbors.count)
        var slot = [Int32](repeating: -1, count: n)
        var links: [(Int32, Int32)] = []
        for c in 0..<n {
            let rowStart = neighbors.count
            for i in Int(members[c])..<Int(members[c + 1]) {
                let u = Int(memberList[i])
                for e in Int(fine.offsets[u])..<Int(fine.offsets[u + 1]) {
                    let d = Int(map[Int(fine.neighbors[e])])
                    if d == c {
                        perimeter[c] -= fine.sharedLength[e]
                        continue
                    }
                    if slot[d] < 0 {
                        slot[d] = Int32(neighbors.count)
                        neighbors.append(Int32(d))
                        shared.append(0)
                        isLink.append(true)
                    }
                    let p = Int(slot[d])
                    shared[p] += fine.sharedLength[e]
                    if !fine.isLink[e] { isLink[p] = false }
                }
            }
            for p in rowStart..<neighbors.count {
                slot[Int(neighbors[p])] = -1
                if isLink[p], c < Int(neighbors[p]) { links.append((Int32(c), neighbors[p])) }
            }
            offsets[c + 1] = Int32(neighbors.count)
        }
        return (offsets, neighbors, shared, isLink, links)
    }
}
