import GridIO

/// The output folder as every command uses it: opened (and checked) before any work, written all at
/// once at the end.
extension OutputFolder {
    /// Opens `path` for the outputs: refused when it is not a writable folder or, without `force`,
    /// already holds gridplan outputs. `partition`, `validate` (which discards it at once) and
    /// `evaluate` all check `--out` here.
    static func open(_ path: String, force: Bool) throws(PipelineError) -> OutputFolder {
        do throws(GridIOError) {
            return try OutputFolder(path: path, force: force)
        } catch {
            throw .input(error)
        }
    }

    /// Stages `files` in order and renames them all into place; on failure the folder is left as it was.
    func write(_ files: [(name: String, bytes: [UInt8])]) throws(PipelineError) {
        try discardingOnFailure { () throws(GridIOError) in
            for file in files { try stage(name: file.name, bytes: file.bytes) }
            try commit()
        }
    }

    /// Stages one file now (the rest follow with `write`); on failure the folder is left as it was.
    func stageFile(_ name: String, _ bytes: [UInt8]) throws(PipelineError) {
        try discardingOnFailure { () throws(GridIOError) in try stage(name: name, bytes: bytes) }
    }

    /// Registers a file another thread wrote into the staging folder; on failure the folder is left
    /// as it was.
    func adoptFile(_ name: String) throws(PipelineError) {
        try discardingOnFailure { () throws(GridIOError) in try adopt(name: name) }
    }

    /// Runs `body`; when it fails, discards the staged files and rethrows as a pipeline error.
    private func discardingOnFailure(_ body: () throws(GridIOError) -> Void) throws(PipelineError) {
        do throws(GridIOError) {
            try body()
        } catch {
            discard()
            throw .input(error)
        }
    }
}
