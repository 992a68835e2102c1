import Foundation
import GridGeometry
import GridModel
import Testing

/// Polygon validity of the written files, checked with GEOS on the coordinates exactly as written.
extension OutputCheck {
    /// Every grid and unit polygon is OGC-valid as written (after rounding), with counter-clockwise
    /// shells and clockwise holes, and each grid has exactly 1 + `exclaves` parts.
    /// - Returns: grids in one piece and grids with declared island parts, counted from the files.
    @discardableResult
    func checkValidity() throws -> (onePiece: Int, withIslands: Int) {
        let engine = try GeometryEngine()
        var onePiece = 0, withIslands = 0
        for (layer, features, key) in [("grids", grids, "grid_id"), ("units", units, "unit_id")] {
            var invalid: [String] = []
            for f in features {
                let props = try #require(f["properties"] as? [String: Any])
                let name = "\(props[key] ?? "?")"
                let shape = try Self.multiPolygon(f)
                if let reason = try engine.invalidityReason(shape) { invalid.append("\(name): \(reason)") }
                for p in shape.polygons {
                    if Ring.signedArea(p.exterior) <= 0 { invalid.append("\(name): clockwise shell") }
                    for h in p.holes where Ring.signedArea(h) >= 0 { invalid.append("\(name): counter-clockwise hole") }
                }
                if layer == "grids" {
                    let exclaves = try #require(props["exclaves"] as? Int)
                    #expect(shape.polygons.count == 1 + exclaves, "grid \(name): \(shape.polygons.count) parts, \(exclaves) declared exclaves")
                    if shape.polygons.count == 1 { onePiece += 1 } else { withIslands += 1 }
                }
            }
            #expect(invalid.isEmpty, "\(folder.lastPathComponent)/\(layer).geojson: \(invalid.count) invalid: \(invalid.prefix(5))")
        }
        return (onePiece, withIslands)
    }

    /// The report's contiguity figures are the files' own.
    func checkContiguityReport(onePiece: Int, withIslands: Int) {
        #expect(Int(summary("contiguous_grids")) == onePiece, "contiguous_grids = grids in one piece")
        #expect(Int(summary("grids_with_exclaves")) == withIslands, "grids_with_exclaves = grids with island parts")
    }
}
