import GridModel

/// The GeoJSON layer over `JSONScanner`: walks a FeatureCollection, a single Feature or a bare
/// geometry and either collects `Feature`s (polygon files) or streams points into a `PointTable`
/// (point files, see `GeoJSONParser+Points.swift`).
///
/// Objects whose meaning depends on their `type` member are read after a look-ahead
/// (`peekType`), so member order never matters.
struct GeoJSONParser {
    var s: JSONScanner
    /// True when reading a point file: no `Feature` values are built.
    let pointMode: Bool
    /// True when reading a barrier file: LineString and MultiLineString are accepted besides polygons.
    var lineMode = false

    var features: [Feature] = []
    var crs: String?
    var sawCRS = false
    var diagnostics = DiagnosticCounter()

    // Point mode.
    var points: PointTable
    let idField: [UInt8]?
    let idFieldName: String?
    let weightFields: [[UInt8]]
    let weightFieldNames: [String]
    var weightSeen: [Bool]
    /// The property names of the first feature that has a properties object, for the message when
    /// a weight field is in no feature (a misspelt name).
    var firstPropertyNames: [String] = []
    var propertyNamesRecorded = false
    var idSeen = false
    var featWeights: [Double]
    var featWeightPresent: [Bool]
    var featID: String?
    var featMemberID: String?
    /// The geometry type of the current feature when it is not a point and was skipped.
    var featGeometrySkipped: String?

    init(scanner: JSONScanner, pointMode: Bool, idField: String? = nil, weightFields: [String] = []) {
        self.s = scanner
        self.pointMode = pointMode
        self.points = PointTable(weightNames: weightFields)
        self.idFieldName = idField
        self.idField = idField.map { Array($0.utf8) }
        self.weightFieldNames = weightFields
        self.weightFields = weightFields.map { Array($0.utf8) }
        self.weightSeen = Array(repeating: false, count: weightFields.count)
        self.featWeights = Array(repeating: 0, count: weightFields.count)
        self.featWeightPresent = Array(repeating: false, count: weightFields.count)
    }

    var file: String { s.file }

    /// An error located at a feature's start line.
    func featureError(_ message: String, index: Int, line: Int) -> GridIOError {
        GridIOError(file: file, message: message, location: "feature \(index), line \(line)", kind: .badData)
    }

    /// Reads the whole document and checks nothing follows it.
    mutating func parseDocument() throws(GridIOError) {
        s.skipWhitespace()
        if s.atEnd { throw GridIOError(file: file, message: "the file is empty", kind: .badData) }
        guard s.current == UInt8(ascii: "{") else {
            throw s.error("expected a GeoJSON object ({…}), found \(s.foundText)")
        }
        guard let type = try peekType() else { throw s.error("the top-level object has no \"type\" member") }
        switch type {
        case "FeatureCollection": try parseCollection()
        case "Feature": try parseFeature(index: 0, topLevel: true)
        case "Point", "MultiPoint", "Polygon", "MultiPolygon", "LineString", "MultiLineString", "GeometryCollection":
            let line = s.line
            s.featureIndex = 0
            let g = try parseGeometry(topLevel: true)
            s.featureIndex = nil
            try emit(index: 0, line: line, id: nil, geometry: g, properties: [])
        default:
            throw s.error("unknown GeoJSON type \"\(type)\"; expected FeatureCollection, Feature or a geometry")
        }
        s.skipWhitespace()
        if !s.atEnd { throw s.error("unexpected content after the end of the GeoJSON object") }
    }

    /// Looks ahead in the object at the current `{` for its `type` string, then comes back.
    mutating func peekType() throws(GridIOError) -> String? {
        let m = s.mark
        try s.beginObject()
        var first = true
        var result: String?
        while let k = try s.nextMember(&first) {
            if k.equals("type", s.base) {
                guard s.current == UInt8(ascii: "\"") else { throw s.error("\"type\" must be a string, found \(s.foundText)") }
                result = try s.readString()
                break
            }
            try s.skipValue()
        }
        s.reset(to: m)
        return result
    }

    mutating func parseCollection() throws(GridIOError) {
        try s.beginObject()
        var first = true
        var keys = KeyTracker()
        var sawFeatures = false
        while let k = try s.nextMember(&first) {
            try keys.insert(k, scanner: s)
            if k.equals("features", s.base) {
                sawFeatures = true
                try s.beginArray("the features array")
                var f = true
                var index = 0
                while try s.nextElement(&f) {
                    try parseFeature(index: index, topLevel: false)
                    index += 1
                }
            } else if k.equals("crs", s.base) {
                try readCRSMember()
            } else {
                try s.skipValue()
            }
        }
        if !sawFeatures { throw s.error("the FeatureCollection has no \"features\" member") }
    }

    /// Reads one Feature object at the current position.
    mutating func parseFeature(index: Int, topLevel: Bool) throws(GridIOError) {
        s.skipWhitespace()
        s.featureIndex = index
        let line = s.line
        try s.beginObject("a Feature object")
        var first = true
        var keys = KeyTracker()
        var typeOK = false
        var sawGeometry = false
        var geometry: FeatureGeometry?
        var properties: [Property] = []
        var id: PropertyValue?
        if pointMode { resetPointFeature() }
        while let k = try s.nextMember(&first) {
            try keys.insert(k, scanner: s)
            if k.equals("type", s.base) {
                guard s.current == UInt8(ascii: "\"") else { throw s.error("\"type\" must be a string, found \(s.foundText)") }
                let t = try s.readKey()
                guard t.equals("Feature", s.base) else {
                    throw s.error("expected a Feature, found type \"\(t.string(s.base))\"", at: t.start - 1)
                }
                typeOK = true
            } else if k.equals("geometry", s.base) {
                sawGeometry = true
                geometry = try parseGeometry(topLevel: false)
            } else if k.equals("properties", s.base) {
                if pointMode {
                    try parsePointProperties()
                } else {
                    properties = try parseProperties()
                }
            } else if k.equals("id", s.base) {
                id = try parseID()
            } else if topLevel && k.equals("crs", s.base) {
                try readCRSMember()
            } else {
                try s.skipValue()
            }
        }
        s.featureIndex = nil
        if !typeOK { throw featureError("feature has no \"type\": \"Feature\" member", index: index, line: line) }
        if !sawGeometry {
            throw featureError("feature has no \"geometry\" member (use \"geometry\": null for none)", index: index, line: line)
        }
        try emit(index: index, line: line, id: id, geometry: geometry, properties: properties)
    }

    /// Hands a finished feature to the collection (polygon mode) or the point table (point mode).
    mutating func emit(index: Int, line: Int, id: PropertyValue?, geometry: FeatureGeometry?, properties: [Property]) throws(GridIOError) {
        if pointMode {
            try emitPoints(index: index, line: line, geometry: geometry)
        } else {
            features.append(Feature(index: index, line: line, id: id, geometry: geometry, properties: properties))
        }
    }

    /// A feature `id` member: a string or a number (null taken as absent).
    mutating func parseID() throws(GridIOError) -> PropertyValue? {
        switch s.current {
        case UInt8(ascii: "\""):
            let v = try s.readString()
            if pointMode { featMemberID = v }
            return .string(v)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = s.pos
            let v = try s.readNumber()
            if pointMode { featMemberID = String(decoding: UnsafeBufferPointer(start: s.base + start, count: s.pos - start), as: UTF8.self) }
            return .number(v)
        case UInt8(ascii: "n"):
            try s.expectLiteral("null")
            return nil
        default:
            throw s.error("a feature id must be a string or a number, found \(s.foundText)")
        }
    }

    /// Reads all properties of a feature, in file order; nested values are kept as JSON text.
    mutating func parseProperties() throws(GridIOError) -> [Property] {
        if s.current == UInt8(ascii: "n") {
            try s.expectLiteral("null")
            return []
        }
        try s.beginObject("a properties object or null")
        var first = true
        var keys = KeyTracker()
        var props: [Property] = []
        while let k = try s.nextMember(&first) {
            try keys.insert(k, scanner: s)
            props.append(Property(name: k.string(s.base), value: try readPropertyValue()))
        }
        return props
    }

    mutating func readPropertyValue() throws(GridIOError) -> PropertyValue {
        switch s.current {
        case UInt8(ascii: "\""): return .string(try s.readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try s.readNumber())
        case UInt8(ascii: "t"):
            try s.expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try s.expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try s.expectLiteral("null")
            return .null
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = s.pos
            try s.skipValue()
            return .json(String(decoding: UnsafeBufferPointer(start: s.base + start, count: s.pos - start), as: UTF8.self))
        default:
            throw s.error("expected a JSON value, found \(s.foundText)")
        }
    }
}
