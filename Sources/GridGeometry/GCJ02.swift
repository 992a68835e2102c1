/// GCJ-02 ("Mars coordinates", Amap/Tencent): the circulated forward formula and an iterative inverse.
///
/// Coordinates are degrees, longitude first. The forward formula is the one every open
/// implementation uses (eviltransform, PRCoords, coordTransform); it is applied everywhere,
/// with no automatic "outside China" switch: the caller declares the CRS.
public enum GCJ02 {
    static let a = 6378245.0
    static let ee = 0.00669342162296594323

    /// WGS84 → GCJ-02.
    public static func fromWGS84(lon: Double, lat: Double) -> (Double, Double) {
        let (dLon, dLat) = offset(lon: lon, lat: lat)
        return (lon + dLon, lat + dLat)
    }

    /// GCJ-02 → WGS84 by fixed-point iteration on the forward formula until the step is below 1e-9°
    /// (about 0.1 mm); round trip error is far below a centimetre.
    public static func toWGS84(lon: Double, lat: Double) -> (Double, Double) {
        invert(lon: lon, lat: lat, forward: fromWGS84)
    }

    /// Offset (dLon, dLat) in degrees added to WGS84 to get GCJ-02.
    static func offset(lon: Double, lat: Double) -> (Double, Double) {
        let x = lon - 105.0, y = lat - 35.0
        // The same term opens both series: computed once (bit-identical to computing it twice).
        let shared = (20.0 * sinPi(6.0 * x) + 20.0 * sinPi(2.0 * x)) * 2.0 / 3.0
        var dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        dLat += shared
        dLat += (20.0 * sinPi(y) + 40.0 * sinPi(y / 3.0)) * 2.0 / 3.0
        dLat += (160.0 * sinPi(y / 12.0) + 320.0 * sinPi(y / 30.0)) * 2.0 / 3.0
        var dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        dLon += shared
        dLon += (20.0 * sinPi(x) + 40.0 * sinPi(x / 3.0)) * 2.0 / 3.0
        dLon += (150.0 * sinPi(x / 12.0) + 300.0 * sinPi(x / 30.0)) * 2.0 / 3.0
        let radLat = lat / 180.0 * Double.pi
        var magic = sinRad(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * Double.pi)
        dLon = (dLon * 180.0) / (a / sqrtMagic * cosRad(radLat) * Double.pi)
        return (dLon, dLat)
    }

    /// Inverts a near-identity `forward` map by fixed-point iteration (the Jacobian is I + O(1e-5)).
    static func invert(lon: Double, lat: Double, forward: (Double, Double) -> (Double, Double)) -> (Double, Double) {
        var wLon = lon, wLat = lat
        for _ in 0..<50 {
            let (fLon, fLat) = forward(wLon, wLat)
            let dLon = fLon - lon, dLat = fLat - lat
            wLon -= dLon
            wLat -= dLat
            if abs(dLon) < 1e-9 && abs(dLat) < 1e-9 { break }
        }
        return (wLon, wLat)
    }
}
