import GridGeometry
import GridModel
import Testing

@Suite("largest overlap with an earlier map")
struct LargestOverlapTests {
    func box(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> MultiPolygon {
        MultiPolygon(Polygon(rings: [Fixtures.rect(minX, minY, maxX, maxY)]))
    }

    @Test("a unit goes to the old grid holding most of its area; one outside every grid gets −1; a bow-tie grid still counts")
    func majority() throws {
        let engine = try GeometryEngine()
        // Old grids: west 0–1000, east 1000–2000, and a hand-drawn self-intersecting bow-tie far away.
        let tie = [0.0, 0, 1_000, 1_000, 1_000, 0, 0, 1_000, 0, 0].enumerated().map {
            $0.offset % 2 == 0 ? $0.element + Fixtures.x0 + 5_000 : $0.element + Fixtures.y0
        }
        let bowtie = MultiPolygon(Polygon(rings: [tie]))
        let old = [box(0, 0, 1_000, 1_000), box(1_000, 0, 2_000, 1_000), bowtie]
        let units = [box(700, 0, 1_100, 500), box(900, 500, 1_600, 1_000), box(3_000, 0, 3_100, 100), box(5_050, 400, 5_150, 600)]
        let r = try engine.largestOverlap(units, in: old)
        #expect(r.map(\.index) == [0, 1, -1, 2])
        #expect(abs(r[0].area - 300 * 500) < 1e-6 && abs(r[1].area - 600 * 500) < 1e-6 && r[2].area == 0)
    }
}
