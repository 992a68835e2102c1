import GridGeometry
import GridIO
import GridModel

/// An earlier grid map (`--previous` of `partition` and of `evaluate`), read through the same path
/// as every other polygon input: reader repairs become warnings, coordinates are range-checked, and
/// shapes are projected and repaired (with a `POLYGON_REPAIRED` warning) when they are needed.
struct EarlierMap {
    /// One polygon feature of the earlier map.
    struct Feature {
        var index: Int
        var gridID: String
        /// `grid_code` when the feature has one.
        var gridCode: String?
        /// `unit_id` when the map is an earlier `units.geojson`.
        var unitID: String?
        /// The shape in the file's CRS.
        var shape: MultiPolygon
    }

    var path: String
    var crs: String
    /// The property naming each feature's grid.
    var idField: String
    /// Features with a geometry, in file order.
    var features: [Feature]

    /// Reads `path`; `idField` nil means `fallbackIDField` when any feature has it, else `grid_id`.
    /// - Parameter missingID: what to tell a planner whose map lacks the id property.
    static func read(
        _ path: String, idField: String?, fallbackIDField: String? = nil, crs declared: String?, layer: String? = nil,
        context: StageContext<some Any>, missingID: String
    ) throws(PipelineError) -> EarlierMap {
        let doc = try context.readFeatures(path, layer: layer, layerOption: "--previous-layer")
        let crs = try context.resolveCRS(declared: declared, fileCRS: doc.crs, file: path)
        let field =
            idField
            ?? fallbackIDField.flatMap { f in doc.features.contains { $0[property: f] != nil } ? f : nil }
            ?? "grid_id"
        var features: [Feature] = []
        for f in doc.features {
            guard let g = f.geometry else { continue }
            guard let shape = g.multiPolygon else {
                throw .data("\(path): feature \(f.index) is a point; an earlier grid map must be polygons (line \(f.line))")
            }
            guard let id = f[property: field]?.text, !id.isEmpty else {
                throw .data("\(path): feature \(f.index) has no value for \(field) (line \(f.line)); \(missingID)")
            }
            try CoordinateCheck.checkShape(shape, crs: crs, file: path, feature: f.index)
            features.append(
                Feature(
                    index: f.index, gridID: id, gridCode: f[property: "grid_code"]?.text, unitID: f[property: "unit_id"]?.text,
                    shape: shape))
        }
        guard !features.isEmpty else { throw .data("\(path): no Polygon or MultiPolygon feature") }
        return EarlierMap(path: path, crs: crs, idField: field, features: features)
    }

    /// Every feature's shape in `workCRS`, repaired where invalid (with a warning).
    func shapes(in workCRS: String, context: StageContext<some Any>) throws(PipelineError) -> [MultiPolygon] {
        var out: [MultiPolygon] = []
        out.reserveCapacity(features.count)
        for f in features {
            out.append(try context.project(f.shape, from: crs, to: workCRS, file: path, feature: f.index))
        }
        return out
    }
}
