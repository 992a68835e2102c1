import Foundation
import GridGeometry
import GridModel
import Testing

/// An independent check of a partition's outputs: it reads the files as a GIS user would and
/// trusts nothing the optimizer says.
struct OutputCheck {
    let folder: URL
    let grids: [[String: Any]]
    let units: [[String: Any]]
    let report: [String: Any]
    let gridsText: String

    init(folder: URL) throws {
        self.folder = folder
        let gridsData = try Data(contentsOf: folder.appendingPathComponent("grids.geojson"))
        gridsText = String(decoding: gridsData, as: UTF8.self)
        grids = try Self.features(gridsData)
        units = try Self.features(Data(contentsOf: folder.appendingPathComponent("units.geojson")))
        report = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any])
    }

    static func features(_ data: Data) throws -> [[String: Any]] {
        #expect(data.prefix(3) != Data([0xEF, 0xBB, 0xBF]), "no BOM")
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["type"] as? String == "FeatureCollection")
        #expect(object["crs"] == nil, "RFC 7946: no crs member")
        return try #require(object["features"] as? [[String: Any]])
    }

    /// The MultiPolygon of a feature as plain polygons (lon/lat).
    static func multiPolygon(_ feature: [String: Any]) throws -> MultiPolygon {
        let geometry = try #require(feature["geometry"] as? [String: Any])
        #expect(geometry["type"] as? String == "MultiPolygon")
        let coordinates = try #require(geometry["coordinates"] as? [[[[Double]]]])
        return MultiPolygon(polygons: coordinates.map { polygon in
            Polygon(rings: polygon.map { ring in ring.flatMap { $0 } })
        })
    }

    func summary(_ key: String) -> Double {
        ((report["summary"] as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? .nan
    }

    func input(_ key: String) -> Double {
        ((report["input"] as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? .nan
    }

    /// Every structural promise of SPEC.md, checked from the files.
    func checkFormat() throws {
        // One schema per file: every feature has the same keys in the same order as the first.
        let firstKeys = try keyOrder(index: 0)
        for i in grids.indices { #expect(try keyOrder(index: i) == firstKeys) }
        #expect(firstKeys.starts(with: ["grid_id", "grid_code", "jurisdiction", "weight", "points", "units", "area_km2", "perimeter_km", "polsby_popper", "deviation"]))
        #expect(firstKeys.last == "exclaves")
        // At most 7 decimals anywhere in the coordinates; no exponents, NaN or Infinity.
        let decimals = try NSRegularExpression(pattern: "\\.[0-9]{8,}")
        #expect(decimals.firstMatch(in: gridsText, range: NSRange(gridsText.startIndex..., in: gridsText)) == nil)
        #expect(!gridsText.contains("NaN") && !gridsText.contains("Infinity"))
        for (i, g) in grids.enumerated() {
            #expect(g["id"] as? Int == i + 1, "integer feature ids 1…K")
            let m = try Self.multiPolygon(g)
            for p in m.polygons {
                #expect(Ring.signedArea(p.exterior) > 0, "exterior rings counter-clockwise")
                for hole in p.holes { #expect(Ring.signedArea(hole) < 0, "holes clockwise") }
                for ring in p.rings {
                    #expect(ring.count >= 8 && ring[0] == ring[ring.count - 2] && ring[1] == ring[ring.count - 1], "closed rings")
                }
            }
        }
    }

    /// Property names of grid feature `index` in file order (JSONSerialization loses order, so read the text).
    private func keyOrder(index: Int) throws -> [String] {
        let lines = gridsText.split(separator: "\n").filter { $0.contains("\"Feature\"") }
        let line = String(lines[index])
        let start = try #require(line.range(of: "\"properties\":{"))
        var keys: [String] = []
        let regex = try NSRegularExpression(pattern: "\"([a-z_0-9]+)\":")
        let tail = String(line[start.upperBound...])
        let end = tail.range(of: "}")?.lowerBound ?? tail.endIndex
        let props = String(tail[..<end])
        for m in regex.matches(in: props, range: NSRange(props.startIndex..., in: props)) {
            if let r = Range(m.range(at: 1), in: props) { keys.append(String(props[r])) }
        }
        return keys
    }

    /// Grids are connected, tile the boundary, hold every unit once, and the report matches the files.
    func checkPartition(boundary: MultiPolygon, tolerance: Double) throws {
        let engine = try GeometryEngine()
        var gridShapes: [MultiPolygon] = []
        var gridIDs: [String] = []
        var weightSum = 0.0
        for g in grids {
            let props = try #require(g["properties"] as? [String: Any])
            let shape = try Self.multiPolygon(g)
            let exclaves = try #require(props["exclaves"] as? Int)
            #expect(shape.polygons.count == 1 + exclaves, "grid \(props["grid_id"] ?? "") is one piece or a declared exclave")
            let deviation = try #require((props["deviation"] as? NSNumber)?.doubleValue)
            #expect(abs(deviation) <= tolerance + 1e-9, "grid \(props["grid_id"] ?? "") within tolerance")
            weightSum += (props["weight"] as? NSNumber)?.doubleValue ?? .nan
            gridShapes.append(shape)
            gridIDs.append(try #require(props["grid_id"] as? String))
        }
        #expect(Set(gridIDs).count == gridIDs.count, "grid ids unique")
        // Tiling: the union of the grids is the boundary; the grids' areas add up to it (no overlaps).
        let union = try engine.union(gridShapes)
        // Station areas side by side are not one valid MultiPolygon: dissolve them first.
        let dissolved = try engine.union(boundary.polygons.map { MultiPolygon($0) })
        let boundaryArea = try engine.area(dissolved)
        let gap = try engine.symmetricDifferenceArea(union, dissolved)
        #expect(gap / boundaryArea < 1e-6, "grids tile the boundary (symmetric difference \(gap / boundaryArea))")
        var summed = 0.0
        for s in gridShapes { summed += try engine.area(s) }
        #expect(abs(summed - boundaryArea) / boundaryArea < 1e-6, "no overlaps: areas add up")
        // Every unit in exactly one existing grid; unit weights add up to grid weights.
        var unitIDs = Set<String>()
        var perGrid: [String: Double] = [:]
        for u in units {
            let props = try #require(u["properties"] as? [String: Any])
            let id = try #require(props["unit_id"] as? String)
            #expect(!unitIDs.contains(id), "unit \(id) listed once")
            unitIDs.insert(id)
            let grid = try #require(props["grid_id"] as? String)
            #expect(gridIDs.contains(grid), "unit \(id) assigned to an existing grid")
            perGrid[grid, default: 0] += (props["weight"] as? NSNumber)?.doubleValue ?? .nan
        }
        for g in grids {
            let props = try #require(g["properties"] as? [String: Any])
            let id = try #require(props["grid_id"] as? String)
            let w = try #require((props["weight"] as? NSNumber)?.doubleValue)
            #expect(abs((perGrid[id] ?? 0) - w) <= 1e-6 * max(1, w), "grid \(id) weight equals its units' weights")
        }
        // The report agrees with the files.
        #expect(Int(summary("grids")) == grids.count)
        #expect(Int(summary("units")) == units.count)
        #expect(Int(summary("contiguous_grids")) + Int(summary("grids_with_exclaves")) == grids.count)
        #expect(Int(summary("split_grids")) == 0, "no grid has parts beyond its declared island exclaves")
        #expect(summary("max_abs_deviation") <= tolerance + 1e-9)
        #expect(abs(input("total_weight") - weightSum) <= 1e-6 * max(1, weightSum))
    }

    /// Rows of points.csv (header dropped).
    func pointRows() throws -> [[Substring]] {
        let text = try String(contentsOf: folder.appendingPathComponent("points.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.first == "point_index,id,lon,lat,grid_id")
        return lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }
}
