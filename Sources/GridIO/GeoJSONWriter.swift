import GridModel

/// Writes RFC 7946 FeatureCollections of MultiPolygons.
public enum GeoJSONWriter {
    /// Decimals written for each coordinate (about 1 cm, GDAL's RFC 7946 default).
    public static let coordinateDecimals = 7

    /// The UTF-8 bytes (no BOM) of a FeatureCollection: one feature per line, geometry always
    /// MultiPolygon, exterior rings counter-clockwise and holes clockwise (rewound when needed),
    /// rings closed, coordinates with at most 7 decimals in shortest form, no `crs` member.
    /// `name` becomes the collection's `name` member (GDAL's layer name) when given.
    /// - Precondition: every coordinate is finite.
    /// - Complexity: O(total positions + property text).
    public static func featureCollection(_ features: [OutputFeature], name: String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + features.reduce(0) { $0 + 200 + 24 * positionCount($1.geometry) })
        out.append(contentsOf: Array("{\"type\":\"FeatureCollection\",".utf8))
        if let name {
            out.append(contentsOf: Array("\"name\":".utf8))
            JSONWriter.appendString(name, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: Array("\"features\":[".utf8))
        for (k, f) in features.enumerated() {
            out.append(contentsOf: k == 0 ? [0x0A] : [UInt8(ascii: ","), 0x0A])
            appendFeature(f, to: &out)
        }
        out.append(contentsOf: Array("\n]}\n".utf8))
        return out
    }

    private static func positionCount(_ m: MultiPolygon) -> Int {
        m.polygons.reduce(0) { $0 + $1.positionCount }
    }

    static func appendFeature(_ f: OutputFeature, to out: inout [UInt8]) {
        out.append(contentsOf: Array("{\"type\":\"Feature\",\"id\":".utf8))
        NumberFormat.appendInt(f.id, to: &out)
        out.append(contentsOf: Array(",\"properties\":".utf8))
        JSONWriter.append(.object(f.properties), pretty: false, indent: 0, to: &out)
        out.append(contentsOf: Array(",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[".utf8))
        for (p, polygon) in f.geometry.polygons.enumerated() {
            if p > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (r, ring) in polygon.rings.enumerated() {
                if r > 0 { out.append(UInt8(ascii: ",")) }
                appendRing(ring, exterior: r == 0, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: Array("]}}".utf8))
    }

    /// Appends a ring, reversed when its winding is wrong for its role, closed when open.
    static func appendRing(_ xy: [Double], exterior: Bool, to out: inout [UInt8]) {
        let area = Ring.signedArea(xy)
        let ring = (exterior ? area < 0 : area > 0) ? Ring.reversed(xy) : xy
        let n = ring.count / 2
        out.append(UInt8(ascii: "["))
        for i in 0..<n {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendPosition(ring[2 * i], ring[2 * i + 1], to: &out)
        }
        if n > 0 && (ring[0] != ring[2 * n - 2] || ring[1] != ring[2 * n - 1]) {
            out.append(UInt8(ascii: ","))
            appendPosition(ring[0], ring[1], to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    @inline(__always) static func appendPosition(_ x: Double, _ y: Double, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        NumberFormat.appendFixed(x, decimals: coordinateDecimals, to: &out)
        out.append(UInt8(ascii: ","))
        NumberFormat.appendFixed(y, decimals: coordinateDecimals, to: &out)
        out.append(UInt8(ascii: "]"))
    }
}
