import GridModel
import Testing

@testable import GridGeometry

@Suite("hexagon units") struct HexagonUnitsTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    @Test("clipped unit areas add up to each jurisdiction's area (hole, island, two jurisdictions)")
    func areasAreConserved() throws {
        let js = Fixtures.twoJurisdictions
        let (units, _) = try engine.hexagonUnits(jurisdictions: js, cellSizeMetres: 400)
        for k in js.indices {
            let expected = try engine.area(js[k])
            var sum = 0.0
            for u in 0..<units.count where units.jurisdiction[u] == Int32(k) { sum += units.area[u] }
            #expect(abs(sum - expected) / expected < 1e-9, "jurisdiction \(k): \(sum) vs \(expected)")
        }
        // Measured areas agree with the stored ones.
        for u in stride(from: 0, to: units.count, by: 37) {
            #expect(abs(try engine.area(units.shapes[u]) - units.area[u]) <= 1e-6 * units.area[u])
        }
    }

    @Test("two threads give the same units and the same dissolved grids, bit for bit, as one")
    func threadsGiveSameUnits() throws {
        let js = Fixtures.twoJurisdictions
        let (one, _) = try engine.hexagonUnits(jurisdictions: js, cellSizeMetres: 150)
        let (two, _) = try engine.hexagonUnits(jurisdictions: js, cellSizeMetres: 150, threads: 2)
        #expect(one.count > 1000)
        #expect(one.shapes == two.shapes && one.names == two.names && one.jurisdiction == two.jurisdiction)
        #expect(one.area.map(\.bitPattern) == two.area.map(\.bitPattern) && one.neighbors == two.neighbors)
        #expect(one.sharedLength.map(\.bitPattern) == two.sharedLength.map(\.bitPattern))
        // Ten stripes of units as grids.
        let assignment = (0..<one.count).map { Int32($0 * 10 / one.count) }
        let a = try engine.dissolve(units: one, assignment: assignment, gridCount: 10)
        let b = try engine.dissolve(units: one, assignment: assignment, gridCount: 10, threads: 2)
        #expect(a.map(\.shape) == b.map(\.shape) && a.map(\.area) == b.map(\.area) && a.map(\.perimeter) == b.map(\.perimeter))
    }

    @Test("the coverage union of the units equals the boundary")
    func unionEqualsBoundary() throws {
        let js = Fixtures.twoJurisdictions
        let (units, _) = try engine.hexagonUnits(jurisdictions: js, cellSizeMetres: 400)
        for k in js.indices {
            let idx = (0..<units.count).filter { units.jurisdiction[$0] == Int32(k) }
            let grid = try engine.dissolve(
                units: units, assignment: units.jurisdiction, gridCount: js.count)[k]
            let total = try engine.area(js[k])
            #expect(try engine.symmetricDifferenceArea(grid.shape, js[k]) < 1e-6 * total)
            let unary = try engine.union(idx.map { units.shapes[$0] })
            #expect(try engine.symmetricDifferenceArea(unary, grid.shape) < 1e-6 * total)
        }
        #expect(engine.coverageUnionFallbacks == 0)  // the clipped units form an exact coverage
    }

    @Test("every interior hexagon has six neighbours sharing one full edge; adjacency is symmetric")
    func adjacency() throws {
        let (units, lattice) = try engine.hexagonUnits(jurisdictions: Fixtures.twoJurisdictions, cellSizeMetres: 400)
        let edge = lattice.edgeLength
        var interior = 0
        for u in 0..<units.count {
            let nb = units.neighbors(of: u)
            // Symmetric, same jurisdiction, positive length.
            for (k, v) in zip(Int(units.offsets[u])..., nb) {
                #expect(units.jurisdiction[Int(v)] == units.jurisdiction[u])
                #expect(units.sharedLength[k] > 0)
                let back = units.neighbors(of: Int(v))
                let j = Int(units.offsets[Int(v)]) + (back.firstIndex(of: Int32(u)).map { $0 - back.startIndex } ?? -1)
                #expect(j >= Int(units.offsets[Int(v)]) && units.sharedLength[j] == units.sharedLength[k])
            }
            // Whole cells whose six neighbours are whole too.
            let (col, row) = lattice.cell(x: units.centroidX[u], y: units.centroidY[u])
            guard lattice.wholeCellUnit(col: col, row: row) == Int32(u) else { continue }
            let ring = (0..<6).map { lattice.neighbour(col: col, row: row, edge: $0) }
            guard ring.allSatisfy({ lattice.wholeCellUnit(col: $0.col, row: $0.row) != nil }) else { continue }
            interior += 1
            #expect(nb.count == 6)
            for k in Int(units.offsets[u])..<Int(units.offsets[u + 1]) {
                #expect(abs(units.sharedLength[k] - edge) < 1e-9 * edge)
            }
        }
        #expect(interior > 100)
    }

    @Test("a cell cut in two by a narrow gap becomes two units named by part")
    func splitCellsBecomeSeveralUnits() throws {
        let (units, _) = try engine.hexagonUnits(jurisdictions: [Fixtures.cShape], cellSizeMetres: 500)
        let parted = units.names.filter { $0.split(separator: "_").count == 3 }
        #expect(parted.count >= 2)
        for s in units.shapes { #expect(s.polygons.count == 1) }
        let sum = units.area.reduce(0, +)
        #expect(abs(sum - 3_000 * 2_000 + 2_000 * 30) < 1e-6 * sum)
        #expect(Set(units.names).count == units.count)
    }

    @Test("units are ordered by jurisdiction, then row, then column")
    func order() throws {
        let (units, lattice) = try engine.hexagonUnits(jurisdictions: Fixtures.twoJurisdictions, cellSizeMetres: 600)
        var last: (Int32, Int, Int) = (-1, Int.min, Int.min)
        for u in 0..<units.count {
            let parts = units.names[u].dropFirst().split(separator: "_").compactMap { Int($0) }
            let key = (units.jurisdiction[u], parts[1], parts[0])
            #expect(key >= last)
            last = key
            _ = lattice
        }
    }

    @Test("overlapping jurisdictions are refused, naming both")
    func overlapThrows() throws {
        let a = MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 1_000, 1_000)]))
        let b = MultiPolygon(Polygon(rings: [Fixtures.rect(500, 0, 1_500, 1_000)]))
        #expect(throws: GeometryError.self) { try engine.hexagonUnits(jurisdictions: [a, b], cellSizeMetres: 100) }
        do {
            _ = try engine.hexagonUnits(jurisdictions: [a, b], cellSizeMetres: 100)
        } catch {
            #expect(error.message.contains("0 and 1"))
        }
    }

    @Test("slivers thinner than a millimetre are merged into their neighbour, not lost")
    func sliversAreMerged() throws {
        // The lattice origin is the box's lower-left corner; x = 2.5 cell widths is a vertical hexagon edge
        // in even rows, so a border 0.1 mm east of it leaves 0.1 mm slivers there.
        let w = 100.0
        let right = 2.5 * w * 4 + 0.0001
        let block = MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, right, 600)]))
        let (units, lattice) = try engine.hexagonUnits(jurisdictions: [block], cellSizeMetres: w)
        let total = try engine.area(block)
        #expect(abs(units.area.reduce(0, +) - total) < 1e-9 * total)
        let tiny = units.area.filter { $0 < 1e-6 * lattice.cellArea }
        #expect(tiny.isEmpty)
        // Some unit absorbed a sliver: its shape pokes into the next column but is still one polygon.
        let merged = (0..<units.count).filter { units.shapes[$0].polygons.count == 1 && abs(units.area[$0] - lattice.cellArea) > 1e-6 && abs(units.area[$0] - lattice.cellArea) < 1 }
        #expect(!merged.isEmpty)
        #expect(Set(units.names).count == units.count)
        let grid = try engine.dissolve(units: units, assignment: Array(repeating: 0, count: units.count), gridCount: 1)
        #expect(try engine.symmetricDifferenceArea(grid[0].shape, block) < 1e-6 * total)
    }

    @Test("the same input gives the same units, bit for bit")
    func deterministic() throws {
        let a = try engine.hexagonUnits(jurisdictions: Fixtures.twoJurisdictions, cellSizeMetres: 350).units
        let b = try GeometryEngine().hexagonUnits(jurisdictions: Fixtures.twoJurisdictions, cellSizeMetres: 350).units
        #expect(a.shapes == b.shapes && a.names == b.names && a.area == b.area)
        #expect(a.offsets == b.offsets && a.neighbors == b.neighbors && a.sharedLength == b.sharedLength)
    }
}
