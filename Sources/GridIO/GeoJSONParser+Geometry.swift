import GridModel

extension GeoJSONParser {
    /// The geometry types gridplan reads.
    enum GeometryKind { case point, multiPoint, polygon, multiPolygon, lineString, multiLineString }

    /// Reads a geometry object or null at the current position. Returns nil for null and for
    /// empty coordinates (counted as `GEOMETRY_EMPTY`). In point mode, lines and polygons are skipped
    /// (nil, with `featGeometrySkipped` set). Lines are read only in line mode (barrier files).
    mutating func parseGeometry(topLevel: Bool) throws(GridIOError) -> FeatureGeometry? {
        s.skipWhitespace()
        if s.current == UInt8(ascii: "n") {
            try s.expectLiteral("null")
            return nil
        }
        guard s.current == UInt8(ascii: "{") else { throw s.error("expected a geometry object or null, found \(s.foundText)") }
        guard let type = try peekType() else { throw s.error("the geometry has no \"type\" member") }
        let expected =
            pointMode ? "Point or MultiPoint" : lineMode ? "LineString, MultiLineString, Polygon or MultiPolygon" : "Polygon or MultiPolygon"
        if pointMode && ["LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"].contains(type) {
            // A point file's other geometries are skipped and counted (GEOMETRY_SKIPPED), as nulls are.
            featGeometrySkipped = type
            try s.skipValue()
            return nil
        }
        let kind: GeometryKind
        switch type {
        case "Point": kind = .point
        case "MultiPoint": kind = .multiPoint
        case "Polygon": kind = .polygon
        case "MultiPolygon": kind = .multiPolygon
        case "LineString" where lineMode: kind = .lineString
        case "MultiLineString" where lineMode: kind = .multiLineString
        case "LineString", "MultiLineString", "GeometryCollection":
            throw s.error("\(type) is not supported; expected \(expected)")
        default:
            throw s.error("unknown geometry type \"\(type)\"; expected \(expected)")
        }
        if pointMode && (kind == .polygon || kind == .multiPolygon) {
            throw s.error("\(type) geometry in a point file; expected Point or MultiPoint")
        }
        let line = s.line
        try s.beginObject()
        var first = true
        var keys = KeyTracker()
        var sawCoordinates = false
        var geometry: FeatureGeometry?
        while let k = try s.nextMember(&first) {
            try keys.insert(k, scanner: s)
            if k.equals("coordinates", s.base) {
                sawCoordinates = true
                geometry = try parseCoordinates(kind)
            } else if topLevel && k.equals("crs", s.base) {
                try readCRSMember()
            } else {
                try s.skipValue()
            }
        }
        if !sawCoordinates { throw s.error("the \(type) geometry has no \"coordinates\" member") }
        if geometry == nil {
            let loc = "feature \(s.featureIndex ?? 0), line \(line)"
            diagnostics.add(
                .geometryEmpty, location: loc,
                text: pointMode ? "feature(s) with empty coordinates skipped" : "geometries with empty coordinates taken as null")
        }
        return geometry
    }

    /// Reads the `coordinates` value for a geometry of `kind`; nil when it is empty (`[]`).
    mutating func parseCoordinates(_ kind: GeometryKind) throws(GridIOError) -> FeatureGeometry? {
        switch kind {
        case .point:
            if isEmptyArray() { return nil }
            let (x, y) = try readPosition()
            return .point(x: x, y: y)
        case .multiPoint:
            var xy: [Double] = []
            try s.beginArray("an array of positions")
            var first = true
            while try s.nextElement(&first) {
                let (x, y) = try readPosition()
                xy.append(x)
                xy.append(y)
            }
            return xy.isEmpty ? nil : .multiPoint(xy)
        case .polygon:
            return try readPolygon(number: nil).map { .polygon($0) }
        case .multiPolygon:
            var polygons: [Polygon] = []
            try s.beginArray("an array of polygons")
            var first = true
            while try s.nextElement(&first) {
                let start = s.pos
                guard let p = try readPolygon(number: polygons.count + 1) else {
                    throw s.error("polygon \(polygons.count + 1) of the MultiPolygon has no rings", at: start)
                }
                polygons.append(p)
            }
            return polygons.isEmpty ? nil : .multiPolygon(MultiPolygon(polygons: polygons))
        case .lineString:
            if isEmptyArray() { return nil }
            return .multiLineString([try readLine(number: nil)])
        case .multiLineString:
            var lines: [[Double]] = []
            try s.beginArray("an array of lines")
            var first = true
            while try s.nextElement(&first) {
                if isEmptyArray() { continue }  // an empty member adds nothing
                lines.append(try readLine(number: lines.count + 1))
            }
            return lines.isEmpty ? nil : .multiLineString(lines)
        }
    }

    /// Reads a line (array of at least 2 positions). `number` is its 1-based place in a MultiLineString,
    /// for messages.
    mutating func readLine(number: Int?) throws(GridIOError) -> [Double] {
        let line = try readPositions("a line (array of positions)")
        if line.xy.count / 2 < 2 {
            let name = number.map { "line \($0) of the MultiLineString" } ?? "the LineString"
            throw GridIOError(
                file: file, message: "\(name) has \(line.xy.count / 2) position(s); a line needs at least 2",
                location: location(of: line), kind: .badData)
        }
        return line.xy
    }

    /// An array of positions as read (interleaved x, y) and where it began: `line` and `start` (offset)
    /// of its `[`.
    struct Positions {
        var xy: [Double]
        var line: Int
        var start: Int
    }

    /// Reads an array of positions (a line or a ring); `expected` names it when the value is not an array.
    mutating func readPositions(_ expected: String) throws(GridIOError) -> Positions {
        var positions = Positions(xy: [], line: s.line, start: s.pos)
        try s.beginArray(expected)
        var first = true
        while try s.nextElement(&first) {
            let (x, y) = try readPosition()
            positions.xy.append(x)
            positions.xy.append(y)
        }
        return positions
    }

    /// Where a too-short array of positions is: line and column of its `[` when it sits on one line, else
    /// its feature and first line.
    func location(of positions: Positions) -> String {
        s.line == positions.line
            ? s.location(at: positions.start) : "feature \(s.featureIndex ?? 0), line \(positions.line)"
    }

    /// True (and consumed) when the value at the current position is `[]`.
    mutating func isEmptyArray() -> Bool {
        s.skipWhitespace()
        guard s.current == UInt8(ascii: "[") else { return false }
        let m = s.mark
        s.pos += 1
        s.skipWhitespace()
        if s.current == UInt8(ascii: "]") {
            s.pos += 1
            return true
        }
        s.reset(to: m)
        return false
    }

    /// Reads a position `[x, y]` or `[x, y, z, …]`; numbers past the second are checked and dropped.
    @inline(__always) mutating func readPosition() throws(GridIOError) -> (Double, Double) {
        try s.beginArray("a position [x, y]")
        var first = true
        var n = 0
        var x = 0.0, y = 0.0
        while try s.nextElement(&first) {
            let v = try s.readCoordinate()
            if n == 0 { x = v } else if n == 1 { y = v }
            n += 1
        }
        if n < 2 { throw s.error("a position needs at least 2 numbers, found \(n)", at: s.pos - 1) }
        return (x, y)
    }

    /// Reads a polygon (array of rings); nil when it has no rings. `number` is its 1-based place
    /// in a MultiPolygon, for messages.
    mutating func readPolygon(number: Int?) throws(GridIOError) -> Polygon? {
        try s.beginArray("an array of rings")
        var first = true
        var rings: [[Double]] = []
        while try s.nextElement(&first) {
            rings.append(try readRing(ring: rings.count + 1, polygon: number))
        }
        return rings.isEmpty ? nil : Polygon(rings: rings)
    }

    /// Reads a linear ring. An unclosed ring is closed by repeating its first position and counted
    /// (`RING_CLOSED`); a ring with fewer than 4 positions once closed is an error.
    mutating func readRing(ring: Int, polygon: Int?) throws(GridIOError) -> [Double] {
        var ringRead = try readPositions("a ring (array of positions)")
        let n = ringRead.xy.count / 2
        let name = polygon.map { "ring \(ring) of polygon \($0)" } ?? "ring \(ring)"
        if n > 0 && (ringRead.xy[0] != ringRead.xy[2 * n - 2] || ringRead.xy[1] != ringRead.xy[2 * n - 1]) {
            ringRead.xy.append(ringRead.xy[0])
            ringRead.xy.append(ringRead.xy[1])
            diagnostics.add(
                .ringClosed, location: "feature \(s.featureIndex ?? 0), line \(ringRead.line)",
                text: "unclosed ring(s) closed by repeating the first position")
        }
        if ringRead.xy.count / 2 < 4 {
            throw GridIOError(
                file: file, message: "\(name) has \(n) positions; a closed linear ring needs at least 4",
                location: location(of: ringRead), kind: .badData)
        }
        return ringRead.xy
    }

    /// Reads the legacy `crs` member (GeoJSON 2008) into `crs`, e.g. "EPSG:4549".
    mutating func readCRSMember() throws(GridIOError) {
        if s.current == UInt8(ascii: "n") {
            try s.expectLiteral("null")
            return
        }
        let start = s.pos
        try s.beginObject("a crs object")
        var first = true
        var keys = KeyTracker()
        var type: String?
        var name: String?
        while let k = try s.nextMember(&first) {
            try keys.insert(k, scanner: s)
            if k.equals("type", s.base), s.current == UInt8(ascii: "\"") {
                type = try s.readString()
            } else if k.equals("properties", s.base), s.current == UInt8(ascii: "{") {
                try s.beginObject()
                var f = true
                var pkeys = KeyTracker()
                while let pk = try s.nextMember(&f) {
                    try pkeys.insert(pk, scanner: s)
                    if pk.equals("name", s.base), s.current == UInt8(ascii: "\"") {
                        name = try s.readString()
                    } else {
                        try s.skipValue()
                    }
                }
            } else {
                try s.skipValue()
            }
        }
        guard type == "name", let name else {
            throw s.error("unsupported crs member; only {\"type\": \"name\", \"properties\": {\"name\": …}} is read", at: start)
        }
        crs = LegacyCRSName.normalize(name)
    }
}
