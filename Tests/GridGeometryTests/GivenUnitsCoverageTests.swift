import GridModel
import Testing

@testable import GridGeometry

@Suite("given units as an exact coverage") struct GivenUnitsCoverageTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    static func square(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> MultiPolygon {
        MultiPolygon(Polygon(rings: [Fixtures.rect(minX, minY, maxX, maxY)]))
    }

    /// Six 1 km blocks A–F (two rows of three) over a 3 km × 2 km jurisdiction, digitised badly:
    /// a 0.3 m gap A|B, a 0.3 m gap B/E, a 0.2 m overlap B|C, C 0.2 m over the jurisdiction's east edge,
    /// and E's west edge bent 0.1 m into D (a 1 km long sliver triangle), with vertices D does not have.
    static var noisyBlocks: (jurisdiction: MultiPolygon, units: [MultiPolygon], names: [String]) {
        let e = [1_000.0, 1_000.3, 2_000, 1_000.3, 2_000, 2_000, 1_000, 2_000, 999.9, 1_500, 1_000, 1_000.3]
            .enumerated().map { $0.offset % 2 == 0 ? $0.element + Fixtures.x0 : $0.element + Fixtures.y0 }
        let units = [
            square(0, 0, 1_000, 1_000), square(1_000.3, 0, 2_000, 1_000), square(1_999.8, 0, 3_000.2, 1_000),
            square(0, 1_000, 1_000, 2_000), MultiPolygon(Polygon(rings: [e])), square(2_000, 1_000, 3_000, 2_000),
        ]
        return (square(0, 0, 3_000, 2_000), units, ["A", "B", "C", "D", "E", "F"])
    }

    @Test("gaps, overlaps and overshoots are resolved so that the units tile the jurisdiction")
    func noisyBlocksTile() throws {
        let f = Self.noisyBlocks
        let units = try engine.givenUnits(f.units, names: f.names, jurisdictions: [f.jurisdiction], snapMetres: 0.5)
        #expect(units.names == f.names)
        #expect(units.shapes.allSatisfy { $0.polygons.count == 1 })
        let total = try engine.area(f.jurisdiction)
        #expect(abs(units.area.reduce(0, +) - total) <= 1e-9 * total)
        #expect(try engine.symmetricDifferenceArea(engine.union(units.shapes), f.jurisdiction) < 1e-6)
        let r = units.givenUnitsReport
        #expect(abs(r.gapArea - 600) < 1e-6, "gap \(r.gapArea)")  // 0.3 × 1000 twice
        #expect(r.gapCount >= 1 && r.largestGapArea <= r.gapArea)
        #expect(abs(r.overlapArea - (200 + 0.5 * 999.7 * 0.1)) < 1e-6, "overlap \(r.overlapArea)")
        #expect(abs(r.clippedArea - 200) < 1e-6, "clipped \(r.clippedArea)")
        #expect(r.uncoveredArea == 0 && r.outsideSources.isEmpty && r.splitSources.isEmpty && r.repairedSources.isEmpty)
        // The overlaps went to the lower index: B keeps its full footprint, C and E lose theirs.
        #expect(units.area[1] >= 999.7 * 1_000)
        #expect(abs(units.area[2] - 1_000 * 1_000) < 1e-6)
        func adjacent(_ a: Int, _ b: Int) -> Bool { units.neighbors(of: a).contains(Int32(b)) }
        for (a, b) in [(0, 1), (0, 3), (1, 2), (1, 4), (2, 5), (3, 4), (4, 5)] { #expect(adjacent(a, b), "\(a)-\(b)") }
        for (a, b) in [(0, 4), (0, 5), (0, 2), (3, 5)] { #expect(!adjacent(a, b), "\(a)-\(b)") }
    }

    @Test("every set of units dissolves into one polygon exactly when it is connected in the graph")
    func connectedSetsDissolveToOnePolygon() throws {
        let f = Self.noisyBlocks
        let units = try engine.givenUnits(f.units, names: f.names, jurisdictions: [f.jurisdiction], snapMetres: 0.5)
        let fallbacks = engine.coverageUnionFallbacks
        for mask in 1..<(1 << units.count) {
            let members = (0..<units.count).filter { mask & (1 << $0) != 0 }
            var reached: Set<Int> = [members[0]], stack = [members[0]]
            while let u = stack.popLast() {
                for v in units.neighbors(of: u) where members.contains(Int(v)) && reached.insert(Int(v)).inserted {
                    stack.append(Int(v))
                }
            }
            let connected = reached.count == members.count
            let assignment = (0..<units.count).map { mask & (1 << $0) != 0 ? Int32(0) : Int32(1) }
            let grids = try engine.dissolve(units: units, assignment: assignment, gridCount: 2)
            #expect((grids[0].shape.polygons.count == 1) == connected, "set \(members): \(grids[0].shape.polygons.count) parts")
            let expected = members.reduce(0.0) { $0 + units.area[$1] }
            #expect(abs(grids[0].area - expected) <= 1e-9 * expected)
        }
        #expect(engine.coverageUnionFallbacks == fallbacks)  // always an exact coverage
    }

    @Test("the result is the same on every run")
    func deterministic() throws {
        let f = Self.noisyBlocks
        let a = try engine.givenUnits(f.units, names: f.names, jurisdictions: [f.jurisdiction], snapMetres: 0.5)
        let b = try GeometryEngine().givenUnits(f.units, names: f.names, jurisdictions: [f.jurisdiction], snapMetres: 0.5)
        #expect(a.shapes == b.shapes && a.neighbors == b.neighbors && a.sharedLength == b.sharedLength)
        #expect(a.givenUnitsReport == b.givenUnitsReport)
    }

    @Test("the report counts inputs outside, repaired, duplicated, split, border slivers, clipped area and gaps")
    func reportCounts() throws {
        // J0: a 1 km square and a 100 m island; J1: the square east of it.
        let j0 = MultiPolygon(polygons: [
            Polygon(rings: [Fixtures.rect(0, 0, 1_000, 1_000)]), Polygon(rings: [Fixtures.rect(0, 1_200, 100, 1_300)]),
        ])
        let j1 = Self.square(1_000, 0, 2_000, 1_000)
        let bowTie = [100.0, 100, 200, 200, 200, 100, 100, 200, 100, 100]
            .enumerated().map { $0.offset % 2 == 0 ? $0.element + Fixtures.x0 : $0.element + Fixtures.y0 }
        let shapes = [
            Self.square(0, 0, 1_000.2, 600),  // 0: 0.2 m over the border into J1
            Self.square(1_000, 0, 2_000, 1_000.5),  // 1: 0.5 m over J1's north edge
            Self.square(5_000, 5_000, 5_100, 5_100),  // 2: outside everything
            MultiPolygon(Polygon(rings: [bowTie])),  // 3: invalid, and inside 0
            MultiPolygon(polygons: [  // 4: the rest of J0 (0.3 m gap to 0) and the island
                Polygon(rings: [Fixtures.rect(0, 600.3, 1_000, 1_000)]), Polygon(rings: [Fixtures.rect(0, 1_200, 100, 1_300)]),
            ]),
        ]
        let units = try engine.givenUnits(shapes, names: ["U0", "U1", "U2", "U3", "U4"], jurisdictions: [j0, j1], snapMetres: 0.5)
        #expect(units.names == ["U0", "U1", "U4_1", "U4_2"])
        #expect(units.sourceIndex == [0, 1, 4, 4])
        #expect(units.jurisdiction == [0, 1, 0, 0])
        let r = units.givenUnitsReport
        #expect(r.outsideSources == [2, 3])
        #expect(r.repairedSources == [3])
        #expect(r.splitSources == [4])
        #expect(r.borderSliverCount == 1 && abs(r.borderSliverArea - 120) < 1e-6, "\(r.borderSliverArea)")
        #expect(abs(r.clippedArea - (500 + 10_000)) < 1e-6, "\(r.clippedArea)")
        #expect(abs(r.gapArea - 300) < 1e-6, "\(r.gapArea)")
        #expect(abs(r.overlapArea - 5_000) < 1e-6, "\(r.overlapArea)")  // the repaired bow-tie, inside U0
        #expect(r.uncoveredArea == 0 && !r.isClean)
        let total = try engine.area(j0) + engine.area(j1)
        #expect(abs(units.area.reduce(0, +) - total) <= 1e-9 * total)
        #expect(abs(units.area[1] - 1_000_000) < 1e-6)  // J1 exactly: the sliver came back from U0
    }

    @Test("clean input gives a clean report and its own shapes' areas")
    func cleanInput() throws {
        let shapes = [Self.square(0, 0, 1_000, 1_000), Self.square(1_000, 0, 2_000, 1_000)]
        let units = try engine.givenUnits(shapes, names: ["a", "b"], jurisdictions: [Self.square(0, 0, 2_000, 1_000)], snapMetres: 0.5)
        #expect(units.givenUnitsReport.isClean)
        #expect(units.area == [1_000_000, 1_000_000])
        #expect(units.sharedLength == [1_000, 1_000])
    }
}

@Suite("overlapping jurisdictions") struct OverlapTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    @Test("a sliver overlap goes to the lower index; the result passes the overlap check")
    func smallOverlapResolved() throws {
        let a = GivenUnitsCoverageTests.square(0, 0, 1_000, 1_000)
        let b = GivenUnitsCoverageTests.square(999.5, 0, 2_000, 1_000)
        let c = GivenUnitsCoverageTests.square(5_000, 0, 6_000, 1_000)
        #expect(throws: GeometryError.self) { try engine.hexagonUnits(jurisdictions: [a, b], cellSizeMetres: 200) }
        let r = try engine.resolveOverlaps([a, b, c], maxShare: 0.01)
        #expect(r.shapes[0] == a && r.shapes[2] == c)
        #expect(abs(try engine.area(r.shapes[1]) - 1_000_000) < 1e-6)
        #expect(r.overlapArea.count == 1)
        #expect(r.overlapArea.first.map { $0.0 == 0 && $0.1 == 1 && abs($0.2 - 500) < 1e-6 } == true)
        let (units, _) = try engine.hexagonUnits(jurisdictions: r.shapes, cellSizeMetres: 200)
        #expect(abs(units.area.reduce(0, +) - 3_000_000) < 1e-3)
    }

    @Test("an overlap above the share is refused, naming both with the area and share")
    func bigOverlapRefused() throws {
        let a = GivenUnitsCoverageTests.square(0, 0, 1_000, 1_000)
        let b = GivenUnitsCoverageTests.square(900, 0, 2_000, 1_000)
        do {
            _ = try engine.resolveOverlaps([a, b], names: ["District 1", "District 2"], maxShare: 0.01)
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("District 1") && error.message.contains("District 2"), "\(error.message)")
            #expect(error.message.contains("100000 m²") && error.message.contains("10%"), "\(error.message)")
        }
        #expect(throws: GeometryError.self) { try engine.resolveOverlaps([a, b], maxShare: 0.01) }
    }
}

@Suite("GCJ-02 and BD-09 in bulk") struct ChineseBulkTests {
    @Test("bulk conversions equal the per-point functions bit for bit")
    func bulkEqualsPerPoint() {
        var rng = SeededGenerator(seed: 7)
        let lon = (0..<2_000).map { _ in Double.random(in: 73...135, using: &rng) }
        let lat = (0..<2_000).map { _ in Double.random(in: 18...53, using: &rng) }
        let cases: [((inout [Double], inout [Double]) -> Void, (Double, Double) -> (Double, Double))] = [
            ({ GCJ02.fromWGS84(lon: &$0, lat: &$1) }, { GCJ02.fromWGS84(lon: $0, lat: $1) }),
            ({ GCJ02.toWGS84(lon: &$0, lat: &$1) }, { GCJ02.toWGS84(lon: $0, lat: $1) }),
            ({ BD09.fromWGS84(lon: &$0, lat: &$1) }, { BD09.fromWGS84(lon: $0, lat: $1) }),
            ({ BD09.toWGS84(lon: &$0, lat: &$1) }, { BD09.toWGS84(lon: $0, lat: $1) }),
            ({ BD09.fromGCJ02(lon: &$0, lat: &$1) }, { BD09.fromGCJ02(lon: $0, lat: $1) }),
            ({ BD09.toGCJ02(lon: &$0, lat: &$1) }, { BD09.toGCJ02(lon: $0, lat: $1) }),
        ]
        for (k, (bulk, single)) in cases.enumerated() {
            var x = lon, y = lat
            bulk(&x, &y)
            let expected = zip(lon, lat).map { single($0, $1) }
            #expect(x == expected.map { $0.0 } && y == expected.map { $0.1 }, "case \(k)")
        }
    }

    @Test("transform from gcj02 uses the same conversion as the per-point inverse")
    func transformMatches() throws {
        let engine = try GeometryEngine()
        var x = [116.39724102232381, 121.47822305927693], y = [39.90890113063956, 31.22845773757727]
        let expected = zip(x, y).map { GCJ02.toWGS84(lon: $0, lat: $1) }
        try engine.transform(x: &x, y: &y, from: "gcj02", to: "EPSG:4326")
        for i in x.indices {
            #expect(abs(x[i] - expected[i].0) < 1e-9 && abs(y[i] - expected[i].1) < 1e-9)
        }
    }
}
