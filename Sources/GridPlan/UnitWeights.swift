import GridGeometry

/// Weights carried by given unit polygons (`--units` with `--weight` and no `--points`).
enum UnitWeights {
    /// Maps the weights of the given units onto the units actually built. A given unit cut by a
    /// jurisdiction border becomes pieces named `<id>_<k>`; its weight is shared among them by area.
    /// - Parameters:
    ///   - given: weights[k][i] of given unit i.
    ///   - names: ids of the given units, parallel to `given[k]`.
    static func distribute(_ given: [[Double]], units: UnitSet, names: [String]) throws(PipelineError) -> [[Double]] {
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() { index[name] = i }
        var source = Array(repeating: -1, count: units.count)
        var pieceArea = Array(repeating: 0.0, count: names.count)
        for u in 0..<units.count {
            let name = units.names[u]
            var i = index[name]
            if i == nil, let cut = name.lastIndex(of: "_"), name[name.index(after: cut)...].allSatisfy(\.isNumber) {
                i = index[String(name[..<cut])]
            }
            guard let i else {
                throw PipelineError(.internalError, "unit \(name) does not match any given unit")
            }
            source[u] = i
            pieceArea[i] += units.area[u]
        }
        return given.map { w in
            (0..<units.count).map { u in
                let i = source[u]
                return pieceArea[i] > 0 ? w[i] * units.area[u] / pieceArea[i] : 0
            }
        }
    }
}
