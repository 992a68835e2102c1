import GridModel

/// What the pipeline tells its caller while it runs. The pipeline never prints: the CLI decides.
public enum PipelineEvent: Sendable {
    /// A stage started (`read`, `project`, `units`, …) with a short description.
    case stage(String, String)
    /// Something was repaired or excluded.
    case warning(Diagnostic)
    /// Extra detail for `--verbose`.
    case detail(String)
}

/// Receives pipeline events.
public typealias PipelineSink = @Sendable (PipelineEvent) -> Void
