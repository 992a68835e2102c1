/// GCJ-02 / BD-09 over whole arrays (degrees, longitude first), in place.
///
/// One pass over two contiguous buffers: no allocation, no bounds checks and no copy-on-write per point;
/// every point gives exactly what the per-point function gives (the same code runs).
/// - Complexity: O(n); the inverses iterate a few times per point (typically 3–4).
extension GCJ02 {
    /// WGS84 → GCJ-02 for every (lon[i], lat[i]).
    public static func fromWGS84(lon: inout [Double], lat: inout [Double]) {
        apply(&lon, &lat) { fromWGS84(lon: $0, lat: $1) }
    }

    /// GCJ-02 → WGS84 for every (lon[i], lat[i]) (iterative inverse, step < 1e-9°).
    public static func toWGS84(lon: inout [Double], lat: inout [Double]) {
        apply(&lon, &lat) { toWGS84(lon: $0, lat: $1) }
    }

    /// Applies `f` to every pair in place. `lon` and `lat` must have the same count.
    @inline(__always)
    static func apply(_ lon: inout [Double], _ lat: inout [Double], _ f: (Double, Double) -> (Double, Double)) {
        precondition(lon.count == lat.count, "lon has \(lon.count) values but lat has \(lat.count)")
        lon.withUnsafeMutableBufferPointer { x in
            lat.withUnsafeMutableBufferPointer { y in
                for i in 0..<x.count { (x[i], y[i]) = f(x[i], y[i]) }
            }
        }
    }
}

extension BD09 {
    /// WGS84 → BD-09 for every (lon[i], lat[i]).
    public static func fromWGS84(lon: inout [Double], lat: inout [Double]) {
        GCJ02.apply(&lon, &lat) { fromWGS84(lon: $0, lat: $1) }
    }

    /// BD-09 → WGS84 for every (lon[i], lat[i]) (iterative inverse, step < 1e-9°).
    public static func toWGS84(lon: inout [Double], lat: inout [Double]) {
        GCJ02.apply(&lon, &lat) { toWGS84(lon: $0, lat: $1) }
    }

    /// GCJ-02 → BD-09 for every (lon[i], lat[i]).
    public static func fromGCJ02(lon: inout [Double], lat: inout [Double]) {
        GCJ02.apply(&lon, &lat) { fromGCJ02(lon: $0, lat: $1) }
    }

    /// BD-09 → GCJ-02 for every (lon[i], lat[i]) (iterative inverse, step < 1e-9°).
    public static func toGCJ02(lon: inout [Double], lat: inout [Double]) {
        GCJ02.apply(&lon, &lat) { toGCJ02(lon: $0, lat: $1) }
    }
}
