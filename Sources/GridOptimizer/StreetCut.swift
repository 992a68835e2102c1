/// The street-cut term of a street-block search (`LocalSearch.cutWeight`): metres of grid edge off the
/// barrier lines (`WorkGraph.cutLength`), charged on their own beside Σ 1/PP, which keeps the real perimeter.
enum StreetCut {
    /// The weight per metre for a search on `partition`: `Tuning.blockCutWeight` per side of a mean grid's
    /// square (√(area / K)); 0 without cut lengths.
    ///
    /// Per side, so the term weighs against Σ 1/PP the same at every scale: a metre of a square grid's
    /// perimeter adds about 2/(π·side) to its 1/PP, so a weight w makes an off-street metre cost about
    /// 1 + 1.6·w street metres.
    static func weight(_ partition: Partition) -> Double {
        guard !partition.graph.cutLength.isEmpty, partition.gridCount > 0 else { return 0 }
        let side = (partition.area.reduce(0, +) / Double(partition.gridCount)).squareRoot()
        return side > 0 ? Tuning.blockCutWeight / side : 0
    }

    /// Change of the metres of grid edge off the barrier lines if unit `u` moved from grid `g` to grid `h`:
    /// its edges to g become grid edges, its edges to h stop being ones.
    /// - Complexity: O(degree(u)).
    @inline(__always)
    static func change(_ partition: Partition, _ u: Int, from g: Int32, to h: Int32) -> Double {
        let graph = partition.graph
        var change = 0.0
        for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
            let a = partition.assignment[Int(graph.neighbors[e])]
            if a == g {
                change += graph.cutLength[e]
            } else if a == h {
                change -= graph.cutLength[e]
            }
        }
        return change
    }

    /// Metres of grid edge off the barrier lines (each edge between two grids once).
    /// - Complexity: O(n + m).
    static func total(_ partition: Partition) -> Double {
        let graph = partition.graph
        var total = 0.0
        for u in 0..<graph.unitCount {
            let g = partition.assignment[u]
            for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1])
            where partition.assignment[Int(graph.neighbors[e])] != g {
                total += graph.cutLength[e]
            }
        }
        return total / 2
    }
}
