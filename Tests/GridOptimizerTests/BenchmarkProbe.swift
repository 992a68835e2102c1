import Testing
@testable import GridOptimizer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Manual measurement, off by default (speed lives in benchmarks, not in timed tests):
/// `GRIDOPT_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter BenchmarkProbe`.
@Suite("BenchmarkProbe", .enabled(if: getenv("GRIDOPT_BENCH") != nil))
struct BenchmarkProbe {
    @Test("10k and 50k hexagon graphs: time, balance, compactness, contiguity")
    func measure() throws {
        let cases: [(rows: Int, columns: Int, grids: Int, tolerance: Double)] = [
            (100, 100, 20, 0.01), (100, 100, 100, 0.01), (100, 100, 20, 0.05), (200, 250, 500, 0.01),
        ]
        for c in cases {
            let graph = try TestGraphs.hexagons(
                rows: c.rows, columns: c.columns, holes: [(c.rows / 3, c.columns / 3, 4)],
                weights: .random(seed: 1, low: 0, high: 2))
            var problem = PartitionProblem(
                graph: graph, gridsPerJurisdiction: [c.grids], toleranceFraction: c.tolerance, seed: 1)
            problem.threads = 2
            let clock = ContinuousClock()
            var result: PartitionResult?
            let elapsed = try clock.measure { result = try Partitioner.solve(problem) }
            guard let r = result else { continue }
            let pp = r.gridPolsbyPopper
            print(
                "BENCH n=\(graph.unitCount) K=\(c.grids) t=\(c.tolerance): \(elapsed) maxdev=\(r.maxAbsDeviation) "
                    + "meanPP=\(mean(pp)) minPP=\(pp.min() ?? 0) contiguous=\(r.exclaveParts.filter { $0 == 0 }.count)/\(c.grids) "
                    + "within=\(r.withinTolerance) iterations=\(r.iterations) notes=\(r.notes)")
        }
    }
}
