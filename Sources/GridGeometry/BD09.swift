#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// BD-09 (Baidu): GCJ-02 with a further rotation and scaling; degrees, longitude first.
public enum BD09 {
    static let xPi = Double.pi * 3000.0 / 180.0

    /// WGS84 → BD-09 (through GCJ-02).
    public static func fromWGS84(lon: Double, lat: Double) -> (Double, Double) {
        let (gLon, gLat) = GCJ02.fromWGS84(lon: lon, lat: lat)
        return fromGCJ02(lon: gLon, lat: gLat)
    }

    /// BD-09 → WGS84 by fixed-point iteration on the full forward formula (step < 1e-9°).
    public static func toWGS84(lon: Double, lat: Double) -> (Double, Double) {
        GCJ02.invert(lon: lon, lat: lat, forward: fromWGS84)
    }

    /// GCJ-02 → BD-09.
    public static func fromGCJ02(lon: Double, lat: Double) -> (Double, Double) {
        let z = (lon * lon + lat * lat).squareRoot() + 0.00002 * sinRad(lat * xPi)
        let theta = atan2(lat, lon) + 0.000003 * cosRad(lon * xPi)
        return (z * cosRad(theta) + 0.0065, z * sinRad(theta) + 0.006)
    }

    /// BD-09 → GCJ-02 (iterative, step < 1e-9°).
    public static func toGCJ02(lon: Double, lat: Double) -> (Double, Double) {
        GCJ02.invert(lon: lon, lat: lat, forward: fromGCJ02)
    }
}

@inline(__always) func sinRad(_ x: Double) -> Double { sin(x) }
@inline(__always) func cosRad(_ x: Double) -> Double { cos(x) }
@inline(__always) func sinPi(_ x: Double) -> Double { sin(x * Double.pi) }
