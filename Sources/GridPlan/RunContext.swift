import GridGeometry
import GridModel

/// What every command's run holds: the GEOS/PROJ engine (one per run, never shared), the sink that
/// receives events, and the warnings so far. Never prints.
class RunContext {
    let sink: PipelineSink
    let engine: GeometryEngine
    var warnings: [Diagnostic] = []

    init(sink: @escaping PipelineSink) throws(PipelineError) {
        self.sink = sink
        do throws(GeometryError) {
            engine = try GeometryEngine()
        } catch {
            throw PipelineError(.internalError, "cannot start GEOS/PROJ: \(error.message)")
        }
    }

    /// Records a warning and hands it to the sink.
    func warn(_ d: Diagnostic) {
        warnings.append(d)
        sink(.warning(d))
    }
}
