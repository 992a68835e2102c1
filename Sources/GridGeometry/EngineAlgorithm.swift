import GridModel

/// An algorithm that borrows a run's `GeometryEngine` (its GEOS and PROJ contexts) for one call.
protocol EngineAlgorithm {
    var engine: GeometryEngine { get }
}

extension EngineAlgorithm {
    var geos: GEOSContext { engine.geos }

    func geometry(_ m: MultiPolygon) throws(GeometryError) -> Geometry {
        try engine.geometry(m)
    }
}
