// gridplan-bench: the partition stage on generated counties, with the graphs written in METIS
// format so that Scripts/bench-metis.py can run METIS on exactly the same input.
//
// Usage: gridplan-bench [--out DIR] [--sizes 1000,10000,50000] [--grids 20,100,500]
//                       [--tolerance 0.01] [--runs 3] [--seed 1] [--weight-tolerance 0.05]
// --weight-tolerance makes the second weight (incidents) a hard band too (multi-constraint).
import GridOptimizer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var out = "/tmp/gridplan-bench"
    var sizes = [1000, 10000, 50000]
    var grids = [20, 100, 500]
    var tolerance = 0.01
    var runs = 3
    var seed: UInt64 = 1
    var weightTolerance: Double? = nil

    init(_ arguments: [String]) {
        var i = 1
        func list(_ s: String) -> [Int] { s.split(separator: ",").compactMap { Int($0) } }
        while i + 1 < arguments.count {
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--out": out = value
            case "--sizes": sizes = list(value)
            case "--grids": grids = list(value)
            case "--tolerance": tolerance = Double(value) ?? tolerance
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--seed": seed = UInt64(value) ?? seed
            case "--weight-tolerance": weightTolerance = Double(value)
            default: warn("gridplan-bench: unknown option \(arguments[i])\n")
            }
            i += 2
        }
    }
}

/// Prints a message on standard error.
func warn(_ message: String) {
    var text = message
    text.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
}

/// Writes `text` to `path`, or reports why not.
func write(_ text: String, to path: String) {
    guard let file = fopen(path, "w") else {
        warn("gridplan-bench: cannot write \(path)\n")
        return
    }
    fputs(text, file)
    fclose(file)
}

/// METIS graph file (fmt 011: vertex weights = primary weight × 100, edge weights = shared length
/// in cm) and a table of unit weights, areas, perimeters and centroids.
func writeGraph(_ graph: UnitGraph, name: String, folder: String) {
    let n = graph.unitCount
    var text = "\(n) \(graph.neighbors.count / 2) 011\n"
    for u in 0..<n {
        var line = "\(Int((graph.weights[0][u] * 100).rounded()))"
        for e in Int(graph.offsets[u])..<Int(graph.offsets[u + 1]) {
            line += " \(graph.neighbors[e] + 1) \(max(1, Int((graph.sharedLength[e] * 100).rounded())))"
        }
        text += line + "\n"
    }
    write(text, to: "\(folder)/\(name).graph")
    var units = "weight\tincidents\tarea\tperimeter\tx\ty\n"
    for u in 0..<n {
        units += "\(graph.weights[0][u])\t\(graph.weights[1][u])\t\(graph.area[u])\t\(graph.perimeter[u])\t\(graph.centroidX[u])\t\(graph.centroidY[u])\n"
    }
    write(units, to: "\(folder)/\(name).units.tsv")
}

func format(_ x: Double, _ digits: Int = 3) -> String {
    let p = Double(1 << 0) * [1, 10, 100, 1000, 10000][min(digits, 4)]
    return "\((x * p).rounded() / p)"
}

let options = Options(CommandLine.arguments)
mkdir(options.out, 0o755)
print("case\tunits\tK\ttime_s\tmax_dev\tcontiguous\tmean_pp\tmin_pp\tcut_edges\tmax_dev_incidents")
var results = "case\tunits\tK\ttolerance\ttime_s\tmax_dev\tcontiguous\tmean_pp\tmin_pp\tcut_edges\tmax_dev_incidents\tweight_tolerance\n"
for size in options.sizes {
    let county: County
    do { county = try County(units: size, seed: options.seed &+ UInt64(size)) } catch {
        warn("gridplan-bench: \(error)\n")
        continue
    }
    let graph = county.graph
    writeGraph(graph, name: county.name, folder: options.out)
    for k in options.grids where graph.unitCount >= 10 * k {
        var problem = PartitionProblem(
            graph: graph, gridsPerJurisdiction: [k], toleranceFraction: options.tolerance, seed: options.seed)
        problem.threads = 2
        problem.timeLimitSeconds = 600
        if let t = options.weightTolerance { problem.weightTolerances = [t] }
        var times: [Double] = []
        var last: PartitionResult?
        let clock = ContinuousClock()
        for _ in 0..<options.runs {
            var result: PartitionResult?
            let elapsed = clock.measure { result = try? Partitioner.solve(problem) }
            let c = elapsed.components
            times.append(Double(c.seconds) + Double(c.attoseconds) * 1e-18)
            last = result
        }
        guard let r = last else { continue }
        times.sort()
        let median = times[times.count / 2]
        let pp = r.gridPolsbyPopper
        let meanPP = pp.reduce(0, +) / Double(max(pp.count, 1))
        let contiguous = r.exclaveParts.filter { $0 == 0 }.count
        let second = r.gridWeights[1]
        let secondMean = second.reduce(0, +) / Double(k)
        let secondDev = second.map { abs($0 - secondMean) / secondMean }.max() ?? 0
        let row = [
            county.name, "\(graph.unitCount)", "\(k)", format(median, 4), format(r.maxAbsDeviation, 4),
            "\(contiguous)/\(k)", format(meanPP), format(pp.min() ?? 0), "\(r.cutEdges)", format(secondDev),
        ]
        print(row.joined(separator: "\t"))
        var saved = row
        saved.insert("\(options.tolerance)", at: 3)
        saved.append(options.weightTolerance.map { "\($0)" } ?? "")
        results += saved.joined(separator: "\t") + "\n"
        var parts = ""
        for g in r.assignment { parts += "\(g)\n" }
        write(parts, to: "\(options.out)/\(county.name).k\(k).gridplan.part")
    }
}
write(results, to: "\(options.out)/gridplan.tsv")
