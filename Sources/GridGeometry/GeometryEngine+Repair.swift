import GridModel

/// Validity repair and simple measures (planar, in the units of the coordinates).
extension GeometryEngine {
    /// Checks validity; an invalid shape is made valid (GEOSMakeValidWithParams, structure method,
    /// polygons only). Always normalises: zero-area parts and rings are dropped, exteriors are
    /// counter-clockwise and holes clockwise. `reason` is GEOS's explanation when invalid.
    /// Areas are in the square units of the coordinates (m² in the work CRS).
    public func repair(_ m: MultiPolygon) throws(GeometryError) -> (
        shape: MultiPolygon, wasValid: Bool, reason: String?, areaBefore: Double, areaAfter: Double
    ) {
        let g = try geometry(m)
        let before = try g.area()
        if try g.isValid() {
            return (try g.toMultiPolygon(), true, nil, before, before)
        }
        let reason = try g.validReason()
        let fixed = try g.makeValidStructure()
        let shape = try fixed.toMultiPolygon()
        // Measure the polygonal part only (MakeValid can return a collection).
        let after = try geometry(shape).area()
        _ = takeGEOSNotices()
        return (shape, false, reason, before, after)
    }

    /// Planar area (m² in the work CRS).
    public func area(_ m: MultiPolygon) throws(GeometryError) -> Double {
        try geometry(m).area()
    }

    /// Perimeter: total length of all rings (m in the work CRS).
    public func perimeter(_ m: MultiPolygon) throws(GeometryError) -> Double {
        try geometry(m).length()
    }

    /// Unary union of all shapes (robust, not assuming a coverage).
    public func union(_ shapes: [MultiPolygon]) throws(GeometryError) -> MultiPolygon {
        var parts: [Geometry] = []
        parts.reserveCapacity(shapes.count)
        for s in shapes { parts.append(try geometry(s)) }
        return try Geometry.collection(parts, in: geos).unaryUnion().toMultiPolygon()
    }

    /// Area of the symmetric difference of `a` and `b` (m² in the work CRS): 0 for equal shapes.
    public func symmetricDifferenceArea(_ a: MultiPolygon, _ b: MultiPolygon) throws(GeometryError) -> Double {
        try geometry(a).symmetricDifference(geometry(b)).area()
    }

    /// GEOS's validity explanation, or nil when valid.
    public func invalidityReason(_ m: MultiPolygon) throws(GeometryError) -> String? {
        let g = try geometry(m)
        if try g.isValid() { return nil }
        return try g.validReason()
    }
}
