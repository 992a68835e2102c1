import GridModel

/// The boundary as sub-jurisdictions: boundary features grouped by the `--boundary-id` property.
struct Jurisdictions {
    /// Names in output order (numeric names sorted numerically, others by text); "" for one jurisdiction.
    var names: [String]
    /// Polygons of each jurisdiction, still in the input CRS, one entry per contributing feature.
    var parts: [[MultiPolygon]]
    /// 0-based feature index of each contributing part, for messages.
    var featureIndices: [[Int]]
    /// The bureau's own code of each jurisdiction (`--station-code`); empty without it.
    var codes: [String] = []

    /// Reads each jurisdiction's `field` (`--station-code`) from its features: every feature of a
    /// station must carry the same non-empty value, and no two stations the same one.
    mutating func readCodes(field: String, features: [Feature], file: String) throws(PipelineError) {
        var byFeature: [Int: String] = [:]  // lookups only
        for f in features {
            if let text = f[property: field]?.text, !text.isEmpty { byFeature[f.index] = text }
        }
        var out: [String] = []
        for (j, indices) in featureIndices.enumerated() {
            var code: String?
            for i in indices {
                guard let c = byFeature[i] else {
                    throw .data("\(file): feature \(i) has no value for --station-code \(field)")
                }
                if let code, code != c {
                    throw .data("\(file): station \(names[j]) has two codes in --station-code \(field): \(code) and \(c) (feature \(i))")
                }
                code = c
            }
            let value = code ?? ""
            if let k = out.firstIndex(of: value) {
                throw .data("\(file): stations \(names[k]) and \(names[j]) share the code \(value) (--station-code \(field))")
            }
            out.append(value)
        }
        codes = out
    }

    /// Groups polygon features by `idField` (or takes them all as one jurisdiction).
    /// Features without geometry are skipped with a warning; point geometries and a missing id are errors.
    static func group(
        _ features: [Feature], idField: String?, file: String, warn: (Diagnostic) -> Void
    ) throws(PipelineError) -> Jurisdictions {
        if let idField { try PipelineError.requireProperty(idField, option: "--boundary-id", file: file, features: features) }
        var byName: [String: Int] = [:]
        var names: [String] = []
        var parts: [[MultiPolygon]] = []
        var indices: [[Int]] = []
        var nullCount = 0
        var firstNull = -1
        for f in features {
            guard let g = f.geometry else {
                nullCount += 1
                if firstNull < 0 { firstNull = f.index }
                continue
            }
            guard let shape = g.multiPolygon else {
                throw PipelineError.data("\(file): feature \(f.index) is a point; a boundary must be Polygon or MultiPolygon (line \(f.line))")
            }
            var name = ""
            if let idField {
                guard let v = f[property: idField], let text = v.text, !text.isEmpty else {
                    throw PipelineError.data("\(file): feature \(f.index) has no value for --boundary-id \(idField) (line \(f.line))")
                }
                name = text
            }
            if let k = byName[name] {
                parts[k].append(shape)
                indices[k].append(f.index)
            } else {
                byName[name] = names.count
                names.append(name)
                parts.append([shape])
                indices.append([f.index])
            }
        }
        if nullCount > 0 {
            warn(Diagnostic(code: .geometryNull, file: file, location: "feature \(firstNull)",
                            message: "\(nullCount) boundary feature(s) without geometry skipped", count: nullCount))
        }
        guard !names.isEmpty else {
            throw PipelineError.data("\(file): no Polygon or MultiPolygon feature")
        }
        // Stable output order independent of file order.
        let order = names.indices.sorted { Self.nameLess(names[$0], names[$1]) }
        return Jurisdictions(
            names: order.map { names[$0] }, parts: order.map { parts[$0] }, featureIndices: order.map { indices[$0] })
    }

    static func nameLess(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b), x != y { return x < y }
        return a < b
    }
}

/// Sub-jurisdiction names in output order, as every stage after `read` names them.
struct JurisdictionNames: Sendable {
    var names: [String]
    /// The bureau's own station codes (`--station-code`), empty without it.
    var codes: [String]

    init(_ names: [String], codes: [String] = []) {
        self.names = names
        self.codes = codes
    }

    /// The code that starts the grid codes of jurisdiction `j`: the station's own code when given.
    func code(_ j: Int) -> String? {
        codes.indices.contains(j) ? codes[j] : nil
    }

    var count: Int { names.count }

    /// The name of jurisdiction `j`, "" when there is one unnamed jurisdiction.
    func name(_ j: Int) -> String {
        names.indices.contains(j) ? names[j] : ""
    }

    /// "jurisdiction NAME", or "the jurisdiction" when unnamed, for messages.
    func label(_ j: Int) -> String {
        let n = name(j)
        return n.isEmpty ? "the jurisdiction" : "jurisdiction \(n)"
    }
}
