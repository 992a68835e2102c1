// gridplan-readbench: how fast points are read, per format (Benchmarks.md, "Reading a million points").
//
// Usage: gridplan-readbench make FILE.geojson N     writes N random points (id text, calls 1-9, kind text)
//        gridplan-readbench time [--runs 5] FILE…   reads each file with gridplan's reader for it
//                                                   (GeoJSON/CSV: its own; else GDAL) and prints the median
import GridGDAL
import GridIO
import GridModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func fail(_ message: String) -> Never {
    var text = "gridplan-readbench: \(message)\n"
    text.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
    exit(64)
}

func make(path: String, points: Int) {
    var rng = SeededRandom(seed: 7)
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
    guard let f = fopen(path, "wb") else { fail("cannot write \(path)") }
    _ = out.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

func read(_ path: String) throws -> PointTable {
    let lower = path.lowercased()
    if lower.hasSuffix(".csv") { return try CSVPointReader.read(path: path, idField: "id", weightFields: ["calls"]).points }
    if lower.hasSuffix(".geojson") || lower.hasSuffix(".json") {
        return try GeoJSONReader.readPoints(path: path, idField: "id", weightFields: ["calls"]).points
    }
    return try GDALReader.readPoints(path: path, fields: GDALPointFields(idField: "id", weightFields: ["calls"])).points
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "make"?:
    guard args.count == 3, let n = Int(args[2]) else { fail("usage: make FILE.geojson N") }
    make(path: args[1], points: n)
case "time"?:
    var runs = 5
    var files: [String] = []
    var i = 1
    while i < args.count {
        if args[i] == "--runs", i + 1 < args.count {
            runs = max(1, Int(args[i + 1]) ?? runs)
            i += 2
        } else {
            files.append(args[i])
            i += 1
        }
    }
    for file in files {
        var times: [Double] = []
        var summary = ""
        for _ in 0..<runs {
            let t0 = now()
            do {
                let p = try read(file)
                times.append(now() - t0)
                var sx = 0.0, sy = 0.0, sw = 0.0
                for k in 0..<p.count {
                    sx += p.x[k]
                    sy += p.y[k]
                    sw += p.weights.first?[k] ?? 1
                }
                summary = "n=\(p.count) Σx=\(sx) Σy=\(sy) Σcalls=\(sw)"
            } catch {
                fail("\(error)")
            }
        }
        times.sort()
        let median = times[times.count / 2]
        let shown = times.map { String(Int(($0 * 1000).rounded())) }.joined(separator: ", ")
        print("\(file): median \(Int((median * 1000).rounded())) ms of \(runs) (\(shown) ms); \(summary)")
    }
default:
    fail("usage: gridplan-readbench make FILE.geojson N | time [--runs 5] FILE…")
}
