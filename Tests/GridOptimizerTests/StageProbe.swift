import Testing
@testable import GridOptimizer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Manual probe of the stages (start, greedy, annealing) on a 10k hexagon graph; off by default.
@Suite("StageProbe", .enabled(if: getenv("GRIDOPT_STAGES") != nil))
struct StageProbe {
    func meanPP(_ p: Partition) -> Double {
        mean((0..<p.gridCount).map { p.polsbyPopper($0) })
    }

    @Test("stage by stage compactness")
    func stages() throws {
        let graph = try TestGraphs.hexagons(
            rows: 100, columns: 100, holes: [(33, 33, 4)], weights: .random(seed: 1, low: 0, high: 2))
        let units = (0..<Int32(graph.unitCount)).map { $0 }
        let work = WorkGraph(graph: graph, units: units, localIndex: units, useAreaAsWeight: false)
        let k = Int(getenv("K").map { String(cString: $0) }.flatMap { Int($0) } ?? 20)
        let scale = Double(getenv("TSCALE").map { String(cString: $0) }.flatMap { Double($0) } ?? 1)
        let per = Int(getenv("PER").map { String(cString: $0) }.flatMap { Int($0) } ?? 500)
        let start = PowerDiagramStart(graph: work, gridCount: k).run(axis: (1, 0))
        var p = Partition(graph: work, gridCount: k, assignment: start)
        print("STAGE start \(meanPP(p))")
        p.repairContiguity()
        print("STAGE repaired \(meanPP(p))")
        let m = work.weight.reduce(0, +) / Double(k)
        var s = LocalSearch(partition: p, mean: m, band: 0.01, previous: nil, seed: 1, deadline: .now + .seconds(100))
        s.greedy(maxSweeps: 50)
        print("STAGE greedy \(meanPP(s.partition)) pen \(s.energy())")
        s.temperatureScale = scale
        s.anneal(proposals: per * work.unitCount)
        print("STAGE anneal \(meanPP(s.partition)) pen \(s.energy())")
        s.greedy(maxSweeps: 50)
        print("STAGE final \(meanPP(s.partition))")
    }
}
