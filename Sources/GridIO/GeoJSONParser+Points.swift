import GridModel

extension GeoJSONParser {
    /// Clears the per-feature id and weights before a feature is read.
    @inline(__always) mutating func resetPointFeature() {
        for k in featWeightPresent.indices { featWeightPresent[k] = false }
        featID = nil
        featMemberID = nil
        featGeometrySkipped = nil
    }

    /// Reads a point feature's properties, keeping only the id field and the weight fields.
    mutating func parsePointProperties() throws(GridIOError) {
        if s.current == UInt8(ascii: "n") {
            try s.expectLiteral("null")
            return
        }
        try s.beginObject("a properties object or null")
        var first = true
        var keys = KeyTracker()
        let recording = !propertyNamesRecorded
        propertyNamesRecorded = true
        while let k = try s.nextMember(&first) {
            try keys.insert(k, scanner: s)
            if recording { firstPropertyNames.append(k.string(s.base)) }
            if let idf = idField, k.equals(idf, s.base) {
                featID = try readIDText()
                continue
            }
            var matched = false
            for w in weightFields.indices where k.equals(weightFields[w], s.base) {
                if let v = try readWeight(weightFieldNames[w]) {
                    featWeights[w] = v
                    featWeightPresent[w] = true
                    weightSeen[w] = true
                }
                matched = true
                break
            }
            if !matched { try s.skipValue() }
        }
    }

    /// The id property as text: strings as they are, numbers as written in the file, null as nil.
    mutating func readIDText() throws(GridIOError) -> String? {
        switch s.current {
        case UInt8(ascii: "\""):
            idSeen = true
            return try s.readString()
        case UInt8(ascii: "n"):
            try s.expectLiteral("null")
            return nil
        default:
            let start = s.pos
            try s.skipValue()
            idSeen = true
            return String(decoding: UnsafeBufferPointer(start: s.base + start, count: s.pos - start), as: UTF8.self)
        }
    }

    /// A weight value: a non-negative finite number or numeric string; nil for null or "".
    mutating func readWeight(_ name: String) throws(GridIOError) -> Double? {
        let start = s.pos
        switch s.current {
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let v = try s.readNumber()
            if v < 0 { throw s.error("weight \"\(name)\" is negative (\(v)); weights must be ≥ 0", at: start) }
            return v
        case UInt8(ascii: "n"):
            try s.expectLiteral("null")
            return nil
        case UInt8(ascii: "\""):
            let (a, b, escaped) = try s.scanString()
            let bytes = escaped ? try s.unescape(a, b) : Array(UnsafeBufferPointer(start: s.base + a, count: b - a))
            let text = String(decoding: bytes, as: UTF8.self)
            if text.trimmingWhitespace.isEmpty { return nil }
            guard let v = PlainDecimal.parse(bytes) else {
                throw s.error("weight \"\(name)\" is not a finite number: \"\(text.prefix(40))\"", at: start)
            }
            if v < 0 { throw s.error("weight \"\(name)\" is negative (\(text)); weights must be ≥ 0", at: start) }
            return v
        default:
            throw s.error("weight \"\(name)\" must be a number, found \(s.foundText)")
        }
    }

    /// Appends the points of a finished feature, or counts why it was skipped.
    ///
    /// A MultiPoint's positions each become a point carrying an equal share of the feature's
    /// weights (weight ÷ number of positions), so the feature's total is conserved.
    mutating func emitPoints(index: Int, line: Int, geometry: FeatureGeometry?) throws(GridIOError) {
        guard let g = geometry else {
            if featGeometrySkipped != nil {
                diagnostics.add(
                    .geometrySkipped, location: "feature \(index), line \(line)",
                    text: "feature(s) that are not points (LineString, Polygon …) skipped", keep: 5)
            } else {
                diagnostics.add(.geometryNull, location: "feature \(index), line \(line)", text: "feature(s) without geometry skipped")
            }
            return
        }
        for w in featWeightPresent.indices where !featWeightPresent[w] {
            diagnostics.add(
                .weightMissing, location: "feature \(index), line \(line)",
                text: "feature(s) skipped: weight \"\(weightFieldNames[w])\" missing or null")
            return
        }
        let id = featID ?? (idFieldName == "id" ? featMemberID : nil) ?? ""
        if featID == nil, idFieldName == "id", featMemberID != nil { idSeen = true }
        let source = Int32(clamping: index)
        switch g {
        case .point(let x, let y):
            points.append(x: x, y: y, id: id, weights: featWeights, source: source)
        case .multiPoint(let xy):
            let n = xy.count / 2
            let share = featWeights.map { $0 / Double(n) }
            for i in 0..<n { points.append(x: xy[2 * i], y: xy[2 * i + 1], id: id, weights: share, source: source) }
        case .multiLineString:
            throw featureError("line geometry in a point file; expected Point or MultiPoint", index: index, line: line)
        case .polygon, .multiPolygon:
            throw featureError("polygon geometry in a point file; expected Point or MultiPoint", index: index, line: line)
        }
    }

    /// Checks, after the whole file, that every requested field occurred somewhere.
    func checkFieldsSeen() throws(GridIOError) {
        for w in weightFieldNames.indices where !weightSeen[w] {
            let have = firstPropertyNames.isEmpty ? "no properties" : firstPropertyNames.joined(separator: ", ")
            throw GridIOError(
                file: file, message: "no feature has a value for the weight field \"\(weightFieldNames[w])\"; the first feature has: \(have)",
                kind: .badData)
        }
        if let idf = idFieldName, !idSeen, points.count > 0 {
            throw GridIOError(file: file, message: "no feature has the id field \"\(idf)\"", kind: .badData)
        }
    }
}
