import GridModel

/// Validity repair and simple measures (planar, in the units of the coordinates).
struct PolygonRepair: EngineAlgorithm {
    let engine: GeometryEngine

    /// Checks validity; an invalid shape is made valid (GEOSMakeValidWithParams, structure method,
    /// polygons only). Always normalises: zero-area parts and rings are dropped, exteriors are
    /// counter-clockwise and holes clockwise. `reason` is GEOS's explanation when invalid.
    /// Areas are in the square units of the coordinates (m² in the work CRS).
    func repair(_ m: MultiPolygon) throws(GeometryError) -> (
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
        _ = engine.takeGEOSNotices()
        return (shape, false, reason, before, after)
    }

}
