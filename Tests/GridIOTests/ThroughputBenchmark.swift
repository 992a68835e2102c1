import Foundation
import GridIO
import GridModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Not a timed assertion: a measurement to run by hand in a release build.
///
///     GRIDIO_BENCH=1 swift test -c release --filter ThroughputBenchmark
///
/// Writes a 1-million-point FeatureCollection to /tmp, times `GeoJSONReader.readPoints` and
/// Foundation's `JSONDecoder` (typed Codable structs) on the same file and prints MB/s for both.
@Suite("Throughput benchmark (GRIDIO_BENCH=1, release build)")
struct ThroughputBenchmark {
    struct FC: Decodable { var features: [F] }
    struct F: Decodable { var properties: P; var geometry: G }
    struct P: Decodable { var id: String; var calls: Double }
    struct G: Decodable { var type: String; var coordinates: [Double] }

    static func maxRSSMegabytes() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_maxrss) / 1024
    }

    static func makeFile(points: Int, path: String) throws {
        var rng = SplitMix(seed: 7)
        var out: [UInt8] = Array("{\"type\":\"FeatureCollection\",\"name\":\"calls\",\"features\":[\n".utf8)
        out.reserveCapacity(points * 150)
        let kinds = ["theft", "traffic", "dispute", "noise"]
        for i in 0..<points {
            let lon = 118.0 + Double(rng.next() % 13_000_000) / 1e7
            let lat = 28.2 + Double(rng.next() % 13_000_000) / 1e7
            let line = "{\"type\":\"Feature\",\"properties\":{\"id\":\"p\(i)\",\"calls\":\(rng.next() % 9 + 1),\"kind\":\"\(kinds[i % 4])\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[\(lon),\(lat)]}}" + (i + 1 < points ? ",\n" : "\n")
            out.append(contentsOf: line.utf8)
        }
        out.append(contentsOf: "]}\n".utf8)
        try Data(out).write(to: URL(fileURLWithPath: path))
    }

    @Test("readPoints vs JSONDecoder on 1 M points", .enabled(if: ProcessInfo.processInfo.environment["GRIDIO_BENCH"] != nil))
    func measure() throws {
        let path = "/tmp/gridio-bench-1M.geojson"
        if !FileManager.default.fileExists(atPath: path) { try Self.makeFile(points: 1_000_000, path: path) }
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0) / 1e6
        let rss0 = Self.maxRSSMegabytes()

        var best = Double.infinity
        var count = 0
        for _ in 0..<3 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let r = try GeoJSONReader.readPoints(path: path, idField: "id", weightFields: ["calls"])
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, t)
            count = r.points.count
        }
        let rss1 = Self.maxRSSMegabytes()
        print(String(format: "readPoints: %.1f MB, %d points, best of 3 %.3f s = %.0f MB/s; max RSS %.0f MB (before %.0f MB)",
                     size, count, best, size / best, rss1, rss0))

        let t0 = DispatchTime.now().uptimeNanoseconds
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let fc = try JSONDecoder().decode(FC.self, from: data)
        let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        print(String(format: "JSONDecoder (Codable): %d features in %.3f s = %.0f MB/s; max RSS %.0f MB",
                     fc.features.count, t, size / t, Self.maxRSSMegabytes()))
        #expect(count == fc.features.count)
    }
}
