import GridModel
import Testing

@testable import GridGeometry

@Suite("an earlier run's hexagon lattice") struct LatticeRecoveryTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    @Test("size and origin come back from the written units (centroids off by up to 5 mm) and rebuild the same cells")
    func recoverAndRebuild() throws {
        let jurisdictions = Fixtures.twoJurisdictions
        let (units, lattice) = try engine.hexagonUnits(jurisdictions: jurisdictions, cellSizeMetres: 230)
        var rng = SeededGenerator(seed: 3)
        func noise() -> Double { Double(rng.next() % 10_001) / 1e6 - 0.005 }
        let cx = units.centroidX.map { $0 + noise() }, cy = units.centroidY.map { $0 + noise() }
        let found = try #require(HexLattice.recover(names: units.names, area: units.area, centroidX: cx, centroidY: cy))
        #expect(found.cellSizeMetres == 230)
        #expect(found.originX == lattice.originX && found.originY == lattice.originY)
        // A lattice placed at that origin gives the same units, named the same, bit for bit.
        let again = try engine.hexagonUnits(
            jurisdictions: jurisdictions, cellSizeMetres: found.cellSizeMetres, origin: (found.originX, found.originY))
        #expect(again.units.names == units.names)
        #expect(again.units.shapes == units.shapes)
        // Another origin (a lattice shifted by 1 km and 0.37 m) still covers the jurisdictions exactly.
        let shifted = try engine.hexagonUnits(
            jurisdictions: jurisdictions, cellSizeMetres: 230, origin: (lattice.originX + 1_000.37, lattice.originY - 2_000.5))
        let total = try jurisdictions.reduce(0.0) { $0 + (try engine.area($1)) }
        #expect(abs(shifted.units.area.reduce(0, +) - total) <= 1e-9 * total)
    }

    @Test("given units or too few whole hexagons give no lattice")
    func noLattice() {
        #expect(HexLattice.recover(names: ["A", "B", "C"], area: [1, 1, 1], centroidX: [0, 1, 2], centroidY: [0, 0, 0]) == nil)
        #expect(HexLattice.recover(names: ["H1_1", "H2_1"], area: [5, 5], centroidX: [0, 1], centroidY: [0, 0]) == nil)
    }
}
