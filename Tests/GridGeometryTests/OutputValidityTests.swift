import GridModel
import Testing

@testable import GridGeometry

@Suite("valid polygons out: snapping, rounding, gaps") struct OutputValidityTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    /// A brick wall of 100 m × 50 m bricks, rows offset by half a brick: every long edge carries
    /// T-junctions (corners of the bricks above and below). Each brick's corners are then moved by up to
    /// ±4 mm independently, as rounding to 7 decimals of a degree does to a layer written by another tool.
    static func noisyBricks(seed: UInt64) -> [MultiPolygon] {
        var rng = SeededGenerator(seed: seed)
        var bricks: [MultiPolygon] = []
        func noise() -> Double { Double(rng.next() % 8001) / 1e6 - 0.004 }
        for row in 0..<6 {
            let y0 = Double(row) * 50
            var xs: [Double] = row % 2 == 0 ? Array(stride(from: 0.0, through: 600, by: 100)) : [0] + Array(stride(from: 50.0, through: 550, by: 100)) + [600]
            xs.sort()
            for k in 0..<(xs.count - 1) {
                let (a, b) = (xs[k], xs[k + 1])
                var ring = [a, y0, b, y0, b, y0 + 50, a, y0 + 50]
                for i in ring.indices { ring[i] += (i % 2 == 0 ? Fixtures.x0 : Fixtures.y0) + noise() }
                ring += [ring[0], ring[1]]
                bricks.append(MultiPolygon(Polygon(rings: [ring])))
            }
        }
        return bricks
    }

    /// Distance from (x, y) to the nearest segment of a shape's rings.
    static func distance(_ x: Double, _ y: Double, to m: MultiPolygon) -> Double {
        var best = Double.infinity
        for p in m.polygons {
            for r in p.rings {
                var i = 0
                while i + 3 < r.count {
                    let (ax, ay, bx, by) = (r[i], r[i + 1], r[i + 2], r[i + 3])
                    let dx = bx - ax, dy = by - ay
                    let len2 = dx * dx + dy * dy
                    let t = len2 > 0 ? max(0, min(1, ((x - ax) * dx + (y - ay) * dy) / len2)) : 0
                    let ex = ax + t * dx - x, ey = ay + t * dy - y
                    best = min(best, (ex * ex + ey * ey).squareRoot())
                    i += 2
                }
            }
        }
        return best
    }

    @Test("units with T-junctions off by millimetres keep their own shape: no needle borrows a neighbour's vertex")
    func tJunctionsKeepShapes() throws {
        let bricks = Self.noisyBricks(seed: 7)
        let jurisdiction = MultiPolygon(Polygon(rings: [Fixtures.rect(0, 0, 600, 300)]))
        let units = try engine.givenUnits(bricks, names: bricks.indices.map { "B\($0)" }, jurisdictions: [jurisdiction], snapMetres: 0.5)
        #expect(units.count == bricks.count)
        for u in 0..<units.count {
            let source = bricks[Int(units.sourceIndex[u])]
            #expect(try engine.invalidityReason(units.shapes[u]) == nil, "unit \(units.names[u]) valid")
            for p in units.shapes[u].polygons {
                for r in p.rings {
                    var worst = 0.0
                    var i = 0
                    while i + 1 < r.count {
                        worst = max(worst, Self.distance(r[i], r[i + 1], to: source))
                        i += 2
                    }
                    #expect(worst <= GivenUnitsReport.vertexSnapMetres + 1e-9, "unit \(units.names[u]) has a vertex \(worst) m off its own outline")
                }
            }
        }
        // Neighbours share their edges in full: 5 row borders of 600 m and 33 brick ends of 50 m.
        let sharedTotal = units.sharedLength.reduce(0, +) / 2
        #expect(abs(sharedTotal - (5 * 600 + (5 + 6 + 5 + 6 + 5 + 6) * 50)) < 1, "shared length \(sharedTotal)")
    }

    @Test("a spike thinner than the rounding step is snap-rounded away; shells come out counter-clockwise")
    func roundingKeepsPolygonsValid() throws {
        // Lon/lat input given as EPSG:4326 so no projection blurs the test: a clockwise square with a
        // 1e-8° wide spike on its east side and a hole of zero width after rounding.
        let cw: [Double] = [120, 30, 120, 30.001, 120.001, 30.001, 120.001, 30.0005, 120.002, 30.0005, 120.001, 30.00050001, 120.001, 30, 120, 30]
        let hole: [Double] = [120.0002, 30.0002, 120.0003, 30.0002, 120.0004, 30.00020004, 120.0002, 30.0002]
        let shape = MultiPolygon(Polygon(rings: [cw, hole]))
        let out = try engine.outputShapes([shape], from: "EPSG:4326")
        #expect(out.snapped == [0])
        let result = out.shapes[0]
        #expect(try engine.invalidityReason(result) == nil)
        for p in result.polygons {
            #expect(Ring.signedArea(p.exterior) > 0)
            for h in p.holes { #expect(Ring.signedArea(h) < 0) }
            for r in p.rings { for v in r { #expect(abs(v * 1e7 - (v * 1e7).rounded()) < 1e-6, "on the 7-decimal grid") } }
        }
        // A polygon that is valid after rounding is only rounded and oriented, not snapped.
        let plain = MultiPolygon(Polygon(rings: [[120, 30, 120, 30.001, 120.001, 30.001, 120.001, 30, 120, 30]]))
        let kept = try engine.outputShapes([plain], from: "EPSG:4326")
        #expect(kept.snapped.isEmpty)
        #expect(Ring.signedArea(kept.shapes[0].polygons[0].exterior) > 0)
    }

    @Test("holes between stations under the threshold go to the station sharing most boundary; larger ones stay")
    func smallGapsFilled() throws {
        // A: 0–1000 with a 10 m × 10 m pinhole and a 300 m × 300 m lake; B: east neighbour, leaving a
        // 0.5 m × 100 m slit along the border that only A and B enclose (A's side longer: A wraps it).
        let a = MultiPolygon(Polygon(rings: [
            Fixtures.rect(0, 0, 1_000, 1_000), Ring.reversed(Fixtures.rect(100, 100, 110, 110)),
            Ring.reversed(Fixtures.rect(400, 400, 700, 700)),
        ]))
        let b = MultiPolygon(Polygon(rings: [Fixtures.rect(1_000, 0, 2_000, 1_000)]))
        let (filled, gaps) = try engine.fillGaps([a, b], maxFillArea: 10_000)
        #expect(gaps.all.count == 2)
        #expect(gaps.filled.count == 1)
        #expect(abs(gaps.filled.totalArea - 100) < 1e-6)
        #expect(abs(gaps.all.largestArea - 90_000) < 1e-6)
        #expect(abs(try engine.area(filled[0]) - (1_000_000 - 90_000)) < 1e-6)
        #expect(abs(try engine.area(filled[1]) - 1_000_000) < 1e-6)
        let (unchanged, none) = try engine.fillGaps([a, b], maxFillArea: 50)
        #expect(none.filled.count == 0 && none.all.count == 2)
        #expect(unchanged == [a, b])
    }
}
