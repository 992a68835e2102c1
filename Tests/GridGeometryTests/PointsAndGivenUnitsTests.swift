import GridModel
import Testing

@testable import GridGeometry

@Suite("point assignment and given units") struct PointsAndGivenUnitsTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    /// The first unit whose prepared shape covers the point, by brute force; -1 if none.
    func bruteForce(_ x: [Double], _ y: [Double], _ units: UnitSet) throws -> [Int32] {
        var prepared: [PreparedGeometry] = []
        for s in units.shapes { prepared.append(try PreparedGeometry(engine.geometry(s))) }
        var out = [Int32](repeating: -1, count: x.count)
        for i in x.indices {
            for u in prepared.indices where try prepared[u].covers(x: x[i], y: y[i]) {
                out[i] = Int32(u)
                break
            }
        }
        return out
    }

    func randomPoints(_ n: Int, seed: UInt64) -> ([Double], [Double]) {
        var rng = SeededGenerator(seed: seed)
        var x: [Double] = [], y: [Double] = []
        for _ in 0..<n {
            x.append(Fixtures.x0 + Double.random(in: -3_500...16_500, using: &rng))
            y.append(Fixtures.y0 + Double.random(in: -500...8_500, using: &rng))
        }
        return (x, y)
    }

    @Test("hexagon assignment agrees with brute-force prepared point-in-polygon")
    func hexagonPoints() throws {
        let (units, lattice) = try engine.hexagonUnits(jurisdictions: Fixtures.twoJurisdictions, cellSizeMetres: 450)
        var (x, y) = randomPoints(3_000, seed: 42)
        // Add lattice vertices and centres: exact edge cases.
        for u in stride(from: 0, to: units.count, by: 11) {
            x.append(units.shapes[u].polygons[0].rings[0][2])
            y.append(units.shapes[u].polygons[0].rings[0][3])
            x.append(units.centroidX[u])
            y.append(units.centroidY[u])
        }
        let fast = try engine.assignPoints(x: x, y: y, units: units, lattice: lattice)
        let slow = try bruteForce(x, y, units)
        for i in x.indices {
            // On a shared vertex any covering unit is right; elsewhere the unit must be the same.
            if fast[i] != slow[i] {
                #expect(fast[i] >= 0 && slow[i] >= 0, "point \(i): \(fast[i]) vs \(slow[i])")
                if fast[i] >= 0 {
                    let p = try PreparedGeometry(engine.geometry(units.shapes[Int(fast[i])]))
                    #expect(try p.covers(x: x[i], y: y[i]))
                }
            }
        }
        #expect(fast.contains(-1))  // points in the hole and outside
    }

    @Test("given units: assignment, areas, names and snapped adjacency")
    func givenUnits() throws {
        let j = Fixtures.twoJurisdictions
        // A 4 × 2 block grid of 'villages' over x in [-3000, 16000], y in [0, 8000], with a 0.3 m digitising gap
        // between columns 0 and 1.
        var shapes: [MultiPolygon] = [], names: [String] = []
        let xs: [Double] = [-3_000, 4_000, 9_000, 13_000, 16_000]
        for r in 0..<2 {
            for c in 0..<4 {
                let gap = c == 1 ? 0.3 : 0
                shapes.append(MultiPolygon(Polygon(rings: [
                    Fixtures.rect(xs[c] + gap, Double(r) * 4_000, xs[c + 1], Double(r + 1) * 4_000)
                ])))
                names.append("V\(r)\(c)")
            }
        }
        let units = try engine.givenUnits(shapes, names: names, jurisdictions: j, snapMetres: 1)
        // V?2 crosses the border at x = 10 km: cut in two.
        #expect(units.names.contains("V02_1") && units.names.contains("V02_2"))
        // V00 covers the island of jurisdiction 0 as well: one unit per part, the largest first.
        #expect(units.names.contains("V00_1") && units.names.contains("V00_2") && !units.names.contains("V00"))
        #expect(units.givenUnitsReport.splitSources == [0])
        for u in 0..<units.count {
            #expect(units.names[u].hasPrefix(names[Int(units.sourceIndex[u])]))
        }
        let total = try engine.area(j[0]) + engine.area(j[1])
        #expect(abs(units.area.reduce(0, +) - total) < 1e-9 * total)  // the 0.3 m gap is filled
        func neighbours(_ a: String, _ b: String) -> Double? {
            guard let u = units.names.firstIndex(of: a), let v = units.names.firstIndex(of: b) else { return nil }
            let nb = units.neighbors(of: u)
            guard let k = nb.firstIndex(of: Int32(v)) else { return nil }
            return units.sharedLength[k]
        }
        #expect(neighbours("V00_1", "V01") != nil)  // across the 0.3 m gap (filled)
        #expect(neighbours("V00_1", "V10") != nil)
        #expect(neighbours("V00_1", "V11") == nil)  // corner only
        #expect(neighbours("V00_2", "V00_1") == nil)  // the island touches nothing
        #expect(neighbours("V02_1", "V02_2") == nil)  // different jurisdictions
        for u in 0..<units.count {
            for (k, v) in zip(Int(units.offsets[u])..., units.neighbors(of: u)) {
                let back = units.neighbors(of: Int(v))
                let j = back.firstIndex(of: Int32(u))
                #expect(j != nil && units.sharedLength[j ?? 0] == units.sharedLength[k])
            }
        }
        let (x, y) = randomPoints(1_500, seed: 3)
        let fast = try engine.assignPoints(x: x, y: y, units: units, lattice: nil)
        #expect(fast == (try bruteForce(x, y, units)))
    }

    @Test("a given unit poking 0.2 m over a border stays whole in the jurisdiction holding most of it")
    func digitisingNoiseIsNotCut() throws {
        let j = Fixtures.twoJurisdictions
        let poke = MultiPolygon(Polygon(rings: [Fixtures.rect(8_000, 1_000, 10_000.2, 3_000)]))
        let units = try engine.givenUnits([poke], names: ["P"], jurisdictions: j, snapMetres: 0.5)
        #expect(units.names == ["P"])
        #expect(units.jurisdiction == [0])
        let r = units.givenUnitsReport
        #expect(r.borderSliverCount == 1 && abs(r.borderSliverArea - 0.2 * 2_000) < 1e-6)
        // P is the only unit: it fills its jurisdiction's main part; J0's island and all of J1 touch no unit.
        let island = 1_300.0 * 1_350
        #expect(abs(units.area[0] - (try engine.area(j[0]) - island)) < 1e-3)
        #expect(abs(r.uncoveredArea - island - 6_000 * 8_000) < 1e-3)
        let strict = try engine.givenUnits([poke], names: ["P"], jurisdictions: j, snapMetres: 0)
        #expect(strict.names == ["P_1", "P_2"])
    }
}
