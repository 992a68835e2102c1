import GridModel
import Testing

@testable import GridGeometry

@Suite("coordinate transforms") struct TransformTests {
    let engine: GeometryEngine
    init() throws { engine = try GeometryEngine() }

    /// (lon, lat, E 32650, N 32650, E 4549, N 4549), from `cs2cs -d 3` (notes/interop.md §3.6).
    static let cs2cs: [(Double, Double, Double, Double, Double, Double)] = [
        (116.391, 39.9075, 447945.692, 4417668.190, 191361.669, 4425499.057),  // Beijing
        (121.4737, 31.2304, 926257.834, 3463775.600, 640412.315, 3457455.489),  // Shanghai
        (120.1551, 30.2741, 803538.326, 3353374.475, 514923.734, 3350508.870),  // Hangzhou
    ]

    @Test("points shared between two threads come out bit for bit as from one call", arguments: ["EPSG:32650", "gcj02"])
    func concurrentTransform(target: String) throws {
        var rng = SeededRandom(seed: 4)
        let n = 1201
        let lon = (0..<n).map { _ in 116 + Double(rng.next() % 1_000_000) * 1e-6 }
        let lat = (0..<n).map { _ in 39.5 + Double(rng.next() % 1_000_000) * 1e-6 }
        var x1 = lon, y1 = lat, x2 = lon, y2 = lat
        try engine.transform(x: &x1, y: &y1, from: "EPSG:4326", to: target)
        try engine.transform(x: &x2, y: &y2, from: "EPSG:4326", to: target, threads: 2, minimumSplit: 2)
        #expect(x1.map(\.bitPattern) == x2.map(\.bitPattern) && y1.map(\.bitPattern) == y2.map(\.bitPattern))
    }

    @Test("a point that fails in the second thread's share is named by its index among all points")
    func concurrentTransformFailure() {
        var x = [116.0, 116.1, 116.2, .infinity], y = [39.9, 39.9, 39.9, 39.9]
        var message = ""
        do {
            try engine.transform(x: &x, y: &y, from: "EPSG:4326", to: "EPSG:32650", threads: 2, minimumSplit: 2)
        } catch {
            message = error.message
        }
        #expect(message.contains("failed at point 3") && message.contains("of 4"), "\(message)")
    }

    @Test("proj.db is found")
    func database() {
        #expect(engine.projDatabasePath?.hasSuffix("proj.db") == true)
    }

    @Test("lon/lat to EPSG:32650 and EPSG:4549 matches cs2cs within 1 mm, easting first", arguments: [
        "EPSG:4326", "OGC:CRS84", "EPSG:4490",
    ])
    func knownTransforms(source: String) throws {
        var x = Self.cs2cs.map { $0.0 }, y = Self.cs2cs.map { $0.1 }
        try engine.transform(x: &x, y: &y, from: source, to: "EPSG:32650")
        for (k, v) in Self.cs2cs.enumerated() {
            #expect(abs(x[k] - v.2) < 1e-3 && abs(y[k] - v.3) < 1e-3, "\(x[k]), \(y[k])")
        }
        var gx = Self.cs2cs.map { $0.0 }, gy = Self.cs2cs.map { $0.1 }
        try engine.transform(x: &gx, y: &gy, from: source, to: "EPSG:4549")
        for (k, v) in Self.cs2cs.enumerated() {
            #expect(abs(gx[k] - v.4) < 1e-3 && abs(gy[k] - v.5) < 1e-3, "\(gx[k]), \(gy[k])")
        }
        // And back.
        try engine.transform(x: &gx, y: &gy, from: "EPSG:4549", to: source)
        for (k, v) in Self.cs2cs.enumerated() { #expect(abs(gx[k] - v.0) < 1e-9 && abs(gy[k] - v.1) < 1e-9) }
    }

    @Test("a MultiPolygon transforms ring by ring")
    func multiPolygon() throws {
        let m = MultiPolygon(Polygon(rings: [[116.391, 39.9075, 116.4, 39.9075, 116.4, 39.92, 116.391, 39.9075]]))
        let p = try engine.transform(m, from: "EPSG:4326", to: "EPSG:32650")
        #expect(abs(p.polygons[0].rings[0][0] - 447945.692) < 1e-3)
        #expect(p.polygons[0].rings[0][6] == p.polygons[0].rings[0][0])
    }

    @Test("an unknown CRS throws with PROJ's message and the CRS name")
    func unknownCRS() {
        var x = [1.0], y = [2.0]
        do {
            try engine.transform(x: &x, y: &y, from: "EPSG:999999", to: "EPSG:32650")
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("EPSG:999999"))
            #expect(error.message.contains("crs not found") || error.message.contains("nknown"), "\(error.message)")
        }
    }

    @Test("a point PROJ cannot transform throws naming the point")
    func failingPoint() {
        var x = [116.0, 500.0], y = [39.0, 95.0]
        #expect(throws: GeometryError.self) { try engine.transform(x: &x, y: &y, from: "EPSG:4326", to: "EPSG:32650") }
    }

    @Test("autoUTM picks the zone and hemisphere")
    func autoUTM() {
        #expect(CRS.autoUTM(longitude: 116.391, latitude: 39.9) == "EPSG:32650")
        #expect(CRS.autoUTM(longitude: 118.87, latitude: 28.97) == "EPSG:32650")
        #expect(CRS.autoUTM(longitude: 121.47, latitude: 31.23) == "EPSG:32651")
        #expect(CRS.autoUTM(longitude: -87.63, latitude: 41.88) == "EPSG:32616")
        #expect(CRS.autoUTM(longitude: 151.2, latitude: -33.9) == "EPSG:32756")
        #expect(CRS.autoUTM(longitude: -180, latitude: 1) == "EPSG:32601")
        #expect(CRS.autoUTM(longitude: 180, latitude: 1) == "EPSG:32601")
        #expect(CRS.autoUTM(longitude: 3, latitude: 50) == "EPSG:32631")
    }
}
