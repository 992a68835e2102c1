// gridplan-fuzz: a seeded random-mutation driver for GridIO's GeoJSON and CSV readers.
//
//   gridplan-fuzz [--seed N] [--iterations N] [--seconds T] [--limit-ms M] [--max-rss-mb R] [--max-bytes B] [SEED_DIR...]
//
// Feeds mutated seeds to GeoJSONReader.readFeatures, GeoJSONReader.readPoints and CSVPointReader.read.
// A thrown GridIOError is the expected outcome for a broken input; a crash (exit 3, input in
// fuzz-crash.bin), an input taking longer than --limit-ms (exit 4, fuzz-hang.bin) or a peak RSS above
// --max-rss-mb (exit 5) is a failure. Same seed and seed files → same inputs.
import Foundation
import GridIO

var seed: UInt64 = 1
var iterations = Int.max
var seconds = 60.0
var limitMs: Int64 = 5_000
var maxRSSMB = 1024
var maxBytes = 256 * 1024
var seedDirs: [String] = []
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    func value() -> String {
        guard let v = args.popFirst() else {
            FileHandle.standardError.write(Data("gridplan-fuzz: \(a) needs a value\n".utf8))
            exit(64)
        }
        return v
    }
    switch a {
    case "--seed": seed = UInt64(value()) ?? 1
    case "--iterations": iterations = Int(value()) ?? Int.max
    case "--seconds": seconds = Double(value()) ?? 60
    case "--limit-ms": limitMs = Int64(value()) ?? 5_000
    case "--max-rss-mb": maxRSSMB = Int(value()) ?? 1024
    case "--max-bytes": maxBytes = Int(value()) ?? maxBytes
    default: seedDirs.append(a)
    }
}

var seeds = FuzzSeeds.builtIn
for dir in seedDirs {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    for name in names {
        if let data = FileManager.default.contents(atPath: dir + "/" + name), data.count <= maxBytes {
            seeds.append([UInt8](data))
        }
    }
}

CurrentInput.crashFD = open("fuzz-crash.bin", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
CurrentInput.hangFD = open("fuzz-hang.bin", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
installCrashHandlers()
startWatchdog(limitMs: limitMs)

var mutator = Mutator(seed: seed)
var accepted = 0, refused = 0, slowest: Int64 = 0
var messages = Set<String>()
let start = CurrentInput.nowMs()
var i = 0
func peakRSSMB() -> Int {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) / 1024  // kilobytes on Linux
    #else
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss) / (1024 * 1024)  // bytes on macOS
    #endif
}
while i < iterations && Double(CurrentInput.nowMs() - start) / 1000 < seconds {
    var input = seeds[mutator.random.below(seeds.count)]
    if mutator.random.below(20) != 0 { input = mutator.mutate(input, maxBytes: maxBytes) }
    CurrentInput.set(input)
    let t0 = CurrentInput.nowMs()
    CurrentInput.startedMs = t0
    var ok = 0
    if (try? GeoJSONReader.readFeatures(bytes: input, file: "in.geojson")) != nil { ok += 1 }
    do throws(GridIOError) {
        _ = try GeoJSONReader.readPoints(bytes: input, file: "in.geojson", idField: "id", weightFields: ["w"])
        ok += 1
    } catch {
        if messages.count < 5000 { messages.insert(error.message) }
    }
    if (try? GeoJSONReader.readPoints(bytes: input, file: "in.geojson", idField: nil, weightFields: [])) != nil { ok += 1 }
    do throws(GridIOError) {
        _ = try CSVPointReader.read(bytes: input, file: "in.csv", idField: "id", weightFields: ["w"])
        ok += 1
    } catch {
        if messages.count < 5000 { messages.insert(error.message) }
    }
    CurrentInput.startedMs = 0
    slowest = max(slowest, CurrentInput.nowMs() - t0)
    if ok > 0 { accepted += 1 } else { refused += 1 }
    i += 1
    if i % 2000 == 0 && peakRSSMB() > maxRSSMB {
        print("gridplan-fuzz: MEMORY: peak RSS \(peakRSSMB()) MB above \(maxRSSMB) MB after \(i) inputs")
        exit(5)
    }
}
let elapsed = Double(CurrentInput.nowMs() - start) / 1000
print(
    "gridplan-fuzz: seed \(seed): \(i) inputs in \(String(format: "%.1f", elapsed)) s (\(Int(Double(i) / max(elapsed, 0.001)))/s), \(accepted) accepted by at least one reader, \(refused) refused by all, \(messages.count) distinct error messages, slowest input \(slowest) ms, peak RSS \(peakRSSMB()) MB; no crash, no hang"
)
