import Foundation
import GridIO
import GridModel

/// `gridplan-bench --reader-throughput N`: writes an N-point FeatureCollection to /tmp, then times
/// `GeoJSONReader.readPoints` (best of 3) and Foundation's `JSONDecoder` with Codable structs on the
/// same file and prints MB/s and peak memory for both. A measurement, not a test: run it on a quiet
/// machine in a release build.
enum ReaderThroughput {
    private struct FC: Decodable { var features: [F] }
    private struct F: Decodable {
        var properties: P
        var geometry: G
    }
    private struct P: Decodable {
        var id: String
        var calls: Double
    }
    private struct G: Decodable {
        var type: String
        var coordinates: [Double]
    }

    static func maxRSSMegabytes() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_maxrss) / 1024
    }

    static func makeFile(points: Int, path: String) throws {
        var rng = SeededRandom(seed: 7)
        var out: [UInt8] = Array("{\"type\":\"FeatureCollection\",\"name\":\"calls\",\"features\":[\n".utf8)
        out.reserveCapacity(points * 150)
        let kinds = ["theft", "traffic", "dispute", "noise"]
        for i in 0..<points {
            let lon = 118.0 + Double(rng.next() % 13_000_000) / 1e7
            let lat = 28.2 + Double(rng.next() % 13_000_000) / 1e7
            let line =
                "{\"type\":\"Feature\",\"properties\":{\"id\":\"p\(i)\",\"calls\":\(rng.next() % 9 + 1),\"kind\":\"\(kinds[i % 4])\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}}" + (i + 1 < points ? ",\n" : "\n")
            out.append(contentsOf: line.utf8)
        }
        out.append(contentsOf: "]}\n".utf8)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    static func run(points: Int) throws {
        let path = "/tmp/gridio-bench-\(points).geojson"
        if !FileManager.default.fileExists(atPath: path) { try makeFile(points: points, path: path) }
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) / 1e6
        let rss0 = maxRSSMegabytes()
        var best = Double.infinity
        var count = 0
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let r = try GeoJSONReader.readPoints(path: path, idField: "id", weightFields: ["calls"])
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            count = r.points.count
        }
        print(
            String(
                format: "readPoints: %.1f MB, %d points, best of 3 %.3f s = %.0f MB/s; max RSS %.0f MB (before %.0f MB)",
                size, count, best, size / best, maxRSSMegabytes(), rss0))
        let t0 = DispatchTime.now().uptimeNanoseconds
        let fc = try JSONDecoder().decode(FC.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        print(
            String(
                format: "JSONDecoder (Codable): %d features in %.3f s = %.0f MB/s; max RSS %.0f MB",
                fc.features.count, t, size / t, maxRSSMegabytes()))
        if count != fc.features.count { warn("gridplan-bench: readPoints read \(count) points, JSONDecoder \(fc.features.count)\n") }
    }
}
