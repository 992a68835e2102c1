import GridGeometry
import GridModel

/// Weights carried by given unit polygons (`--units` with `--weight` and no `--points`).
enum UnitWeights {
    /// Maps the weights of the given units onto the units actually built. A given unit cut by a
    /// jurisdiction border becomes several pieces (`UnitSet.sourceIndex`); its weight is shared among
    /// them by area. The weight of given units that were left out is reported.
    /// - Parameters:
    ///   - given: weights[k][i] of given unit i.
    ///   - featureIndex: the input feature of each given unit, for messages.
    static func distribute(
        _ given: [[Double]], units: UnitSet, featureIndex: [Int], file: String, warn: (Diagnostic) -> Void
    ) -> [[Double]] {
        let sources = given.first?.count ?? 0
        var pieceArea = Array(repeating: 0.0, count: sources)
        for u in 0..<units.count {
            let i = Int(units.sourceIndex[u])
            if i >= 0 && i < sources { pieceArea[i] += units.area[u] }
        }
        let outside = (0..<sources).filter { pieceArea[$0] <= 0 }
        let lost = outside.reduce(0.0) { $0 + given[0][$1] }
        if lost > 0, let first = outside.first {
            // Which units were left out, and why, is reported by GivenUnitsWarnings; here the weight.
            warn(Diagnostic(
                code: .weightOutsideBoundary, file: file,
                location: "first at feature \(featureIndex.indices.contains(first) ? featureIndex[first] : first)",
                message: "weight \(Format.fixed(lost, 1)) of units left out is not counted", count: outside.count))
        }
        return given.map { w in
            (0..<units.count).map { u in
                let i = Int(units.sourceIndex[u])
                guard i >= 0 && i < sources, pieceArea[i] > 0 else { return 0 }
                return w[i] * units.area[u] / pieceArea[i]
            }
        }
    }
}
