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
        do throws(GridIOError) {
            for file in files { try stage(name: file.name, bytes: file.bytes) }
            try commit()
        } catch {
            discard()
            throw .input(error)
        }
    }

    /// Stages one file now (the rest follow with `write`); on failure the folder is left as it was.
    func stageFile(_ name: String, _ bytes: [UInt8]) throws(PipelineError) {
        do throws(GridIOError) {
            try stage(name: name, bytes: bytes)
        } catch {
            discard()
            throw .input(error)
        }
    }

    /// Registers a file another thread wrote into the staging folder; on failure the folder is left
    /// as it was.
    func adoptFile(_ name: String) throws(PipelineError) {
        do throws(GridIOError) {
            try adopt(name: name)
        } catch {
            discard()
            throw .input(error)
        }
    }
}
