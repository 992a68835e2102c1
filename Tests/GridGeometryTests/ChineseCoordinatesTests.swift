import Testing

@testable import GridGeometry

@Suite("GCJ-02 and BD-09") struct ChineseCoordinatesTests {
    /// (WGS84 lon, lat, GCJ-02 lon, lat, BD-09 lon, lat) generated once with Python `prcoords` 1.0.2
    /// (`wgs_gcj`, `wgs_bd`). eviltransform 0.1.1's `wgs2gcj` agrees with prcoords to 1.2e-7° (about 1 cm).
    static let vectors: [(Double, Double, Double, Double, Double, Double)] = [
        (116.391, 39.9075, 116.39724102232381, 39.90890113063956, 116.40361404060864, 39.915243769991704),
        (121.4737, 31.2304, 121.47822305927693, 31.22845773757727, 121.484781468503, 31.234310593689997),
        (120.1551, 30.2741, 120.15979447929637, 30.271771223200254, 120.16635834855023, 30.27759921816922),
        (118.87, 28.97, 118.87477907086884, 28.966899897779015, 118.88135353293943, 28.972647825117136),
        (113.2644, 23.1291, 113.26972959210308, 23.126423339922844, 113.27615075157122, 23.13271125723948),
        (104.0657, 30.6595, 104.06820739998749, 30.657079144677592, 104.0747017028295, 30.663109266260737),
    ]

    /// Metres between two lon/lat points (equirectangular, fine at these distances).
    static func metres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let k = 111_320.0
        let dx = (a.0 - b.0) * k * cosine(a.1 * Double.pi / 180), dy = (a.1 - b.1) * k
        return (dx * dx + dy * dy).squareRoot()
    }

    @Test("forward formulas match prcoords within 2 cm")
    func forward() {
        for v in Self.vectors {
            #expect(Self.metres(GCJ02.fromWGS84(lon: v.0, lat: v.1), (v.2, v.3)) < 0.02)
            #expect(Self.metres(BD09.fromWGS84(lon: v.0, lat: v.1), (v.4, v.5)) < 0.02)
        }
    }

    @Test("inverses recover the published WGS84 points within 5 cm")
    func inverseOfVectors() {
        for v in Self.vectors {
            #expect(Self.metres(GCJ02.toWGS84(lon: v.2, lat: v.3), (v.0, v.1)) < 0.05)
            #expect(Self.metres(BD09.toWGS84(lon: v.4, lat: v.5), (v.0, v.1)) < 0.05)
        }
    }

    @Test("round trips WGS84 → GCJ-02/BD-09 → WGS84 err by less than 5 cm over China")
    func roundTrips() {
        var rng = SeededGenerator(seed: 7)
        var worstG = 0.0, worstB = 0.0
        for _ in 0..<2_000 {
            let p = (Double.random(in: 75...134, using: &rng), Double.random(in: 18...53, using: &rng))
            let g = GCJ02.fromWGS84(lon: p.0, lat: p.1)
            worstG = max(worstG, Self.metres(GCJ02.toWGS84(lon: g.0, lat: g.1), p))
            let b = BD09.fromWGS84(lon: p.0, lat: p.1)
            worstB = max(worstB, Self.metres(BD09.toWGS84(lon: b.0, lat: b.1), p))
        }
        #expect(worstG < 0.05)
        #expect(worstB < 0.05)
    }

    @Test("the engine converts gcj02 and bd09 sources before PROJ")
    func engineUsesPseudoCRS() throws {
        let engine = try GeometryEngine()
        let v = Self.vectors[0]
        var x = [v.2], y = [v.3]
        try engine.transform(x: &x, y: &y, from: "GCJ02", to: "EPSG:32650")
        var bx = [v.4], by = [v.5]
        try engine.transform(x: &bx, y: &by, from: "bd09", to: "EPSG:32650")
        #expect(abs(x[0] - 447945.692) < 0.05 && abs(y[0] - 4417668.190) < 0.05)
        #expect(abs(bx[0] - 447945.692) < 0.05 && abs(by[0] - 4417668.190) < 0.05)
        var wx = [v.0], wy = [v.1]
        try engine.transform(x: &wx, y: &wy, from: "OGC:CRS84", to: "gcj02")
        #expect(Self.metres((wx[0], wy[0]), (v.2, v.3)) < 0.02)
    }
}
