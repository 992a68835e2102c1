import GridGeometry
import GridIO
import GridModel
import Testing

@testable import GridPlan

/// Stage logic tested directly, without the binary: cell sizing, duplicates, outside suggestions.
@Suite("Stage logic")
struct StageLogicTests {
    static func points(_ coordinates: [(Double, Double)], ids: [String]? = nil, weights: [Double]? = nil) -> PointTable {
        var t = PointTable(weightNames: weights == nil ? [] : ["w"])
        for (i, c) in coordinates.enumerated() {
            t.append(x: c.0, y: c.1, id: ids?[i] ?? "", weights: weights.map { [$0[i]] } ?? [], source: Int32(i + 2))
        }
        return t
    }

    static func request(areaKm2: Double, points: PointTable) -> UnitRequest {
        UnitRequest(
            jurisdictions: [], jurisdictionAreas: [areaKm2 * 1e6], names: JurisdictionNames([""]), points: points,
            centers: nil)
    }

    static func config(grids: Int? = nil, target: Double? = nil) -> PartitionConfig {
        var c = PartitionConfig(boundaryPath: "b.geojson", outputPath: "out")
        c.gridCount = grids
        c.targetWeight = target
        return c
    }

    // MARK: defaultCellSize

    @Test("without points: about 60 hexagons per grid, rounded to 2 significant digits")
    func cellSizeFromArea() {
        // 100 km² in 10 grids: s = √(1e8 / 600 / (√3/2)) = 438.7 m → 440 m.
        let size = HexagonUnitSource.defaultCellSize(
            Self.request(areaKm2: 100, points: PointTable(weightNames: [])), config: Self.config(grids: 10))
        #expect(size == 440)
        // Four times the area, same grids: twice the size.
        let bigger = HexagonUnitSource.defaultCellSize(
            Self.request(areaKm2: 400, points: PointTable(weightNames: [])), config: Self.config(grids: 10))
        #expect(bigger == 880)
    }

    @Test("--target sets the grid count from the total weight")
    func cellSizeFromTarget() {
        // 10 points of weight 100 and a target of 100: 10 grids, as --grids 10 would give.
        let spread = Self.points((0..<10).map { (Double($0) * 3000, 0) }, weights: Array(repeating: 100, count: 10))
        let byTarget = HexagonUnitSource.defaultCellSize(Self.request(areaKm2: 100, points: spread), config: Self.config(target: 100))
        let byGrids = HexagonUnitSource.defaultCellSize(Self.request(areaKm2: 100, points: spread), config: Self.config(grids: 10))
        #expect(byTarget == byGrids)
    }

    @Test("a dense core makes the cells finer, never below ~150 cells per grid")
    func cellSizeDenseCore() {
        // Half of the weight in a 2 km square (45 m apart), the rest spread over 10 km × 10 km.
        var coordinates: [(Double, Double)] = []
        for i in 0..<2000 { coordinates.append((Double(i % 100) * 100, Double(i / 100) * 500)) }
        for i in 0..<2025 { coordinates.append((2000 + Double(i % 45) * 45, 2000 + Double(i / 45) * 45)) }
        let size = HexagonUnitSource.defaultCellSize(
            Self.request(areaKm2: 100, points: Self.points(coordinates)), config: Self.config(grids: 10))
        #expect(size == 290)  // 438.7 m × 0.9⁴ = 288 m: the core still holds more than 1/12 of a grid per cell,
        #expect(size >= 270)  // so the cells get finer down to the floor √(1e8 / 1500 / (√3/2)) = 277 m
    }

    @Test("a pile of points at one address does not stop the cells getting finer around it")
    func cellSizeWithPile() {
        // A dense core spread over a 2 km square, and once with 300 more points at one address in it
        // (a geocoded police station): no cell size can split the pile, but the rest still needs finer cells.
        var core: [(Double, Double)] = []
        for i in 0..<2000 { core.append((Double(i % 100) * 100, Double(i / 100) * 500)) }
        for i in 0..<2025 { core.append((2000 + Double(i % 45) * 45, 2000 + Double(i / 45) * 45)) }
        let plain = HexagonUnitSource.defaultCellSize(Self.request(areaKm2: 100, points: Self.points(core)), config: Self.config(grids: 10))
        let piled = HexagonUnitSource.defaultCellSize(
            Self.request(areaKm2: 100, points: Self.points(core + Array(repeating: (3000, 3000), count: 300))), config: Self.config(grids: 10))
        #expect(piled <= plain, "pile: \(piled) m, without: \(plain) m")
        #expect(piled < 400, "the pile must not leave the core at the coarse size (\(piled) m)")
    }

    @Test("many points at one address do not drive the cells down")
    func cellSizeOneAddress() {
        let coordinates = Array(repeating: (5000.0, 5000.0), count: 1000) + (0..<100).map { (Double($0) * 100, 0.0) }
        let size = HexagonUnitSource.defaultCellSize(
            Self.request(areaKm2: 100, points: Self.points(coordinates)), config: Self.config(grids: 10))
        #expect(size == 440)
    }

    // MARK: duplicates

    @Test("repeated records are warned and kept: the same id at the same place (bit for bit) is POINT_DUPLICATE, elsewhere POINT_ID_REUSED")
    func duplicates() {
        let p = Self.points([(1, 1), (1, 1), (1, 1), (2, 2), (1, 1)], ids: ["a", "a", "b", "a", "a"])
        let d = PointDuplicates.diagnostics(p, file: "p.csv") { "point \($0)" }
        #expect(d.map(\.code) == [.pointDuplicate, .pointIDReused] && d.map(\.count) == [2, 1])
        #expect(PointDuplicates.diagnostics(Self.points([(1, 1), (1, 1)]), file: "p.csv") { "\($0)" }.isEmpty)
        // Coordinates are compared bit for bit: a near miss is the same id elsewhere.
        let near = Self.points([(1, 1), (1.000_000_000_001, 1)], ids: ["a", "a"])
        #expect(PointDuplicates.diagnostics(near, file: "p.csv") { "\($0)" }.map(\.code) == [.pointIDReused])
        // A repeat at the id's second place names that place's first point, not the id's first.
        let second = Self.points([(1, 1), (2, 2), (2, 2), (2, 2)], ids: ["a", "a", "a", "a"])
        let d2 = PointDuplicates.diagnostics(second, file: "p.csv") { "point \($0)" }
        #expect(d2.first { $0.code == .pointDuplicate }?.location == "first: point 2 repeats point 1; point 3 repeats point 1")
        #expect(d2.first { $0.code == .pointIDReused }?.count == 1)
    }

    @Test("the duplicate warning names points by line for text files and by feature for GeoJSON and GDAL layers")
    func duplicateWarning() throws {
        let p = Self.points([(1, 1), (1, 1), (1, 1)], ids: ["a", "a", "a"])
        let tsv = PointFile(path: "p.tsv", kind: try PointFileKind(path: "p.tsv"), table: p)
        let csv = try #require(PointDuplicates.diagnostics(p, file: tsv.path) { tsv.location(of: $0) }.first)
        #expect(csv.code == .pointDuplicate && csv.count == 2 && csv.location == "first: line 3 repeats line 2; line 4 repeats line 2")
        let json = PointFile(path: "p.json", kind: try PointFileKind(path: "p.json"), table: p)
        #expect(PointDuplicates.diagnostics(p, file: json.path) { json.location(of: $0) }.first?.location.hasPrefix("first: feature 3 repeats feature 2") == true)
        #expect(try PointFileKind(path: "p.gpkg") == .gdal)
        #expect(throws: PipelineError.self) { try PointFileKind(path: "p.dxf") }
    }

    // MARK: outside suggestions

    /// A lon/lat square around (lon, lat), its hexagon units and the points, all in the square's UTM zone.
    static func plausibility(
        lon: Double, lat: Double, halfDegrees: Double, lonLatPoints: [(Double, Double)]
    ) throws -> (PointPlausibility, [UnitID?]) {
        let engine = try GeometryEngine()
        let workCRS = CRS.autoUTM(longitude: lon, latitude: lat)
        let (a, b) = (halfDegrees, halfDegrees)
        let ring = [lon - a, lat - b, lon + a, lat - b, lon + a, lat + b, lon - a, lat + b, lon - a, lat - b]
        let square = try engine.transform(MultiPolygon(Polygon(rings: [ring])), from: "EPSG:4326", to: workCRS)
        let (set, lattice) = try engine.hexagonUnits(jurisdictions: [square], cellSizeMetres: 200)
        var table = Self.points(lonLatPoints)
        try engine.transform(x: &table.x, y: &table.y, from: "EPSG:4326", to: workCRS)
        let projected = ProjectedInputs(
            workCRS: workCRS, jurisdictions: [square], jurisdictionAreas: [try engine.area(square)], points: table,
            names: JurisdictionNames([""]), pointsFile: PointFile(path: "p.geojson", kind: .geoJSON, table: table),
            boundaryCRS: "EPSG:4326", pointsCRS: "EPSG:4326")
        let units = BuiltUnits(set: set, lattice: lattice, cellSizeMetres: 200, description: "")
        let located = UnitID.located(try engine.assignPoints(x: table.x, y: table.y, units: set, lattice: lattice))
        return (PointPlausibility(points: projected, units: units, engine: engine, boundaryPath: "b.geojson"), located)
    }

    @Test("points more than 10 km beyond the boundary are named, the first by its feature")
    func farPoints() throws {
        let inside = (0..<20).map { (45.0 + Double($0) * 0.001, 40.0) }
        let far = [(45.5, 40.5), (45.0, 40.0), (46.0, 40.0)]  // the middle one is inside
        let (check, located) = try Self.plausibility(lon: 45, lat: 40, halfDegrees: 0.05, lonLatPoints: inside + far)
        let found = check.outsideSuggestions(pointUnit: located)
        let d = try #require(found.first { $0.code == .pointFarFromBoundary })
        #expect(d.count == 2 && d.location == "first at feature 22")
        #expect(!found.contains { $0.code == .coordinatesSwappedSuspect })
    }

    @Test("points with longitude and latitude swapped are recognised, and nothing is suggested for inside points")
    func swappedPoints() throws {
        let inside = (0..<4).map { (45.0 + Double($0) * 0.005, 40.0) }
        let swapped = (0..<10).map { (40.0 + Double($0) * 0.005, 45.0) }
        let (check, located) = try Self.plausibility(lon: 45, lat: 40, halfDegrees: 0.05, lonLatPoints: inside + swapped)
        let found = check.outsideSuggestions(pointUnit: located)
        let d = try #require(found.first { $0.code == .coordinatesSwappedSuspect })
        // 10 swapped points come inside; the 4 inside points, swapped, go out: net 6 (≥ half of 10).
        #expect(d.count == 6)
        let (clean, cleanLocated) = try Self.plausibility(lon: 45, lat: 40, halfDegrees: 0.05, lonLatPoints: inside)
        #expect(clean.outsideSuggestions(pointUnit: cleanLocated).isEmpty)
    }

    @Test("points in GCJ-02 against a WGS84 boundary are recognised")
    func gcjPoints() throws {
        // A 0.004° square (≈ 400 m) in Hangzhou; GCJ-02 shifts points there by ≈ 500 m.
        var gcj: [(Double, Double)] = []
        for i in 0..<40 {
            let lon: Double = 120.1 + Double(i % 8) * 0.0005
            let lat: Double = 30.25 + Double(i / 8) * 0.0008
            gcj.append(GCJ02.fromWGS84(lon: lon, lat: lat))
        }
        let (check, located) = try Self.plausibility(lon: 120.102, lat: 30.252, halfDegrees: 0.002, lonLatPoints: gcj)
        let outside = located.filter { $0 == nil }.count
        #expect(outside >= 20)
        let found = check.outsideSuggestions(pointUnit: located)
        let d = try #require(found.first { $0.code == .crsSuspectGCJ02 })
        #expect(d.file == "p.geojson" && d.count >= outside / 2)
    }

    @Test("units touching over less than a metre are not linked in the optimizer's graph; longer links keep their length")
    func pinchLinksDropped() {
        // Chicago street blocks B1568 and B1569 met over 0.33 mm at a street node: linked, the optimizer
        // grew a grid through the pinch, and the written grid was two polygons without a declared exclave.
        let empty = MultiPolygon(polygons: [])
        let set = UnitSet(
            shapes: [empty, empty, empty], jurisdiction: [0, 0, 0], area: [1, 1, 1], perimeter: [4, 4, 4],
            centroidX: [0, 1, 2], centroidY: [0, 0, 0], names: ["a", "b", "c"],
            offsets: [0, 1, 3, 4], neighbors: [1, 0, 2, 1], sharedLength: [0.00033, 0.00033, 100, 100])
        let built = BuiltUnits(set: set, lattice: nil, cellSizeMetres: nil, description: "")
        let graph = built.graphSet
        #expect(graph.offsets == [0, 0, 1, 2])
        #expect(graph.neighbors == [2, 1])
        #expect(graph.sharedLength == [100, 100])
        #expect(set.withoutPinchLinks(realLengths: [2, 2, 0.5, 0.5]).neighbors == [1, 0], "the real length decides, not the cost")
    }
}
