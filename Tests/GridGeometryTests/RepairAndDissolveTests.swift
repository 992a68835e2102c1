import GridModel
import Testing

@testable import GridGeometry

@Suite("repair and dissolve") struct RepairAndDissolveTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    @Test("a bow-tie is reported invalid, with the reason and the area change")
    func bowTie() throws {
        let m = MultiPolygon(Polygon(rings: [[0, 0, 10, 10, 10, 0, 0, 10, 0, 0]]))
        let r = try engine.repair(m)
        #expect(!r.wasValid)
        #expect(r.reason?.contains("Self-intersection") == true, "\(r.reason ?? "nil")")
        #expect(r.areaBefore == 0)
        #expect(abs(r.areaAfter - 50) < 1e-9)
        #expect(r.shape.polygons.count == 2)
        for p in r.shape.polygons { #expect(Ring.signedArea(p.exterior) > 0) }
    }

    @Test("a valid polygon passes untouched")
    func validPolygon() throws {
        let ring = Fixtures.rect(0, 0, 100, 50)
        let m = MultiPolygon(Polygon(rings: [ring]))
        let r = try engine.repair(m)
        #expect(r.wasValid && r.reason == nil)
        #expect(r.areaBefore == 5_000 && r.areaAfter == 5_000)
        #expect(r.shape == m)
    }

    @Test("an unclosed ring throws with GEOS's message")
    func unclosedRing() {
        let m = MultiPolygon(Polygon(rings: [[0, 0, 10, 0, 10, 10, 0, 10]]))
        do {
            _ = try engine.area(m)
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("GEOS"), "\(error.message)")
        }
    }

    @Test("dissolving a known assignment gives the expected areas and single-part grids")
    func dissolveHalves() throws {
        let block = MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 6_000, 4_000)]))
        let (units, _) = try engine.hexagonUnits(jurisdictions: [block], cellSizeMetres: 300)
        // West half / east half by centroid.
        let assignment = units.centroidX.map { $0 < Fixtures.x0 + 3_000 ? Int32(0) : Int32(1) }
        let grids = try engine.dissolve(units: units, assignment: assignment, gridCount: 3)
        #expect(grids.count == 3)
        for g in 0..<2 {
            var expected = 0.0
            for u in 0..<units.count where assignment[u] == Int32(g) { expected += units.area[u] }
            #expect(abs(grids[g].area - expected) < 1e-9 * expected)
            #expect(grids[g].shape.polygons.count == 1)
            #expect(grids[g].shape.polygons[0].rings.count == 1)
            #expect(grids[g].perimeter > 2 * 4_000)
        }
        #expect(abs(grids[0].area + grids[1].area - 24_000_000) < 1e-3)
        #expect(grids[2].shape.isEmpty && grids[2].area == 0)
    }

    @Test("coverage union of hexagon units agrees with unary union on a clipped sample")
    func coverageMatchesUnary() throws {
        let (units, _) = try engine.hexagonUnits(jurisdictions: Fixtures.twoJurisdictions, cellSizeMetres: 500)
        let idx = (0..<units.count).filter { units.jurisdiction[$0] == 0 }
        let coverage = try engine.unionOfCoverage(
            idx.map { try engine.geometry(units.shapes[$0]) }, expectedArea: idx.reduce(0) { $0 + units.area[$1] })
        let fast = try Geometry.collection(idx.map { try engine.geometry(units.shapes[$0]) }, in: engine.geos).coverageUnion()
        let unary = try engine.union(idx.map { units.shapes[$0] })
        #expect(try engine.symmetricDifferenceArea(try fast.toMultiPolygon(), unary) < 1e-6)
        #expect(try coverage.toMultiPolygon().polygons.count == 2)  // the main part and the island
    }

    @Test("a bad assignment throws")
    func badAssignment() throws {
        let block = MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 1_000, 1_000)]))
        let (units, _) = try engine.hexagonUnits(jurisdictions: [block], cellSizeMetres: 300)
        #expect(throws: GeometryError.self) {
            try engine.dissolve(units: units, assignment: Array(repeating: 5, count: units.count), gridCount: 2)
        }
    }
}
