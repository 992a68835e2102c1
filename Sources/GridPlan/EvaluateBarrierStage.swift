import GridGeometry
import GridModel

/// Stage `barriers` of `evaluate` (with `--barriers`): how much of the interior boundary between grids of
/// one sub-jurisdiction lies within `--barrier-distance` of the barrier lines, per grid and in total.
struct EvaluateBarrierStage: ContextStage {
    let context: EvaluateContext

    /// Sets `barrierShare` on every grid's stats and returns the total share and the barrier lines in the work
    /// CRS, for the map (nil without `--barriers`).
    static func run(_ map: GridMap, measured: inout MeasuredGrids, _ context: EvaluateContext) throws(PipelineError) -> (
        share: Double, lines: [[Double]]
    )? {
        let config = context.config
        guard !config.barrierPaths.isEmpty else { return nil }
        let files = try context.stage("barriers", "reading \(config.barrierPaths.joined(separator: ", "))") {
            () throws(PipelineError) -> [BarrierFile] in
            try BarrierFile.read(
                config.barrierPaths.map { ($0, false) }, declaredCRS: config.barriersCRS ?? config.inputCRS, stage: "barriers",
                context: context)
        }
        return try context.stage("barriers", "measuring the grid edges along the barriers") {
            () throws(PipelineError) -> (share: Double, lines: [[Double]]) in
            let layers = try BarrierProjection.project(files, workCRS: map.workCRS, context: context)
            let jurisdiction = map.jurisdiction.map { Int32(map.jurisdictionNames.firstIndex(of: $0) ?? 0) }
            let lines = layers.soft + layers.hardLines
            let r = try context.geometry(config.gridsPath) { () throws(GeometryError) in
                try context.engine.barrierShare(
                    grids: map.shapes, jurisdiction: jurisdiction, lines: lines, distanceMetres: config.barrierDistanceMetres)
            }
            for g in measured.stats.indices {
                measured.stats[g].barrierShare = r.share(g)
            }
            return (r.share, lines)
        }
    }
}
