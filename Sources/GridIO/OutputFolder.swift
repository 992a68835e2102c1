import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output folder written all at once or not at all.
///
/// Files are staged in a hidden temporary folder beside the target (same filesystem, named
/// `.NAME.gridplan-tmp-PID`), then renamed into place by `commit()`. Files the target already
/// holds are kept as hard links (or moved) into the temporary folder until every rename has
/// succeeded, so a failure part-way restores them: on any error, and after `discard()`, the
/// target is exactly as it was. Not thread-safe: use from one task.
public final class OutputFolder {
    /// The names gridplan writes; without `force`, a target holding any of them is refused.
    public static let outputNames = [
        "grids.geojson", "units.geojson", "points.csv", "report.json", "report.html", "plan.gpkg", "grids.shp", "units.shp", "points.shp",
    ]

    /// The target folder.
    public let path: String
    /// The temporary folder beside the target.
    public let stagingPath: String
    /// Names staged so far, in staging order.
    public private(set) var staged: [String] = []
    private var createdAncestors: [String] = []
    private var finished = false

    /// Checks up front that `path` can receive the outputs and creates the staging folder.
    /// - Throws: `.unwritable` when the target (or its nearest existing ancestor) is not a writable
    ///   folder, or when, without `force`, it already holds gridplan outputs.
    public init(path: String, force: Bool) throws(GridIOError) {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        self.path = p
        let slash = p.lastIndex(of: "/")
        let parent = slash.map { $0 == p.startIndex ? "/" : String(p[..<$0]) } ?? "."
        let name = slash.map { String(p[p.index(after: $0)...]) } ?? p
        stagingPath = (parent == "/" ? "" : parent) + "/." + name + ".gridplan-tmp-\(getpid())"

        func fail(_ message: String) -> GridIOError { GridIOError(file: p, message: message, kind: .unwritable) }
        var st = stat()
        if stat(p, &st) == 0 {
            guard (st.st_mode & S_IFMT) == S_IFDIR else { throw fail("exists and is not a folder") }
            guard access(p, W_OK | X_OK) == 0 else { throw fail("folder is not writable") }
            if !force {
                let present = Self.outputNames.filter { access(p + "/" + $0, F_OK) == 0 }
                if !present.isEmpty {
                    throw fail("already holds gridplan outputs (\(present.joined(separator: ", "))); use --force to replace them")
                }
            }
        } else {
            // Find the nearest existing ancestor and check it, then create the missing parents.
            var missing: [String] = []
            var a = parent
            while stat(a, &st) != 0 {
                missing.append(a)
                guard let s = a.lastIndex(of: "/") else {
                    a = "."
                    break
                }
                a = s == a.startIndex ? "/" : String(a[..<s])
            }
            guard stat(a, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { throw fail("\(a) is not a folder") }
            guard access(a, W_OK | X_OK) == 0 else { throw fail("cannot create the folder: \(a) is not writable") }
            for dir in missing.reversed() {
                guard mkdir(dir, 0o755) == 0 || errno == EEXIST else {
                    throw fail("cannot create \(dir): \(InputFile.errnoText(errno))")
                }
                createdAncestors.append(dir)
            }
        }
        if access(stagingPath, F_OK) == 0 { try? FileManager.default.removeItem(atPath: stagingPath) }
        guard mkdir(stagingPath, 0o755) == 0 else {
            let e = InputFile.errnoText(errno)
            removeCreatedAncestors()
            throw fail("cannot create a temporary folder beside it: \(e)")
        }
    }

    deinit {
        if !finished { discard() }
    }

    /// Writes `bytes` as `name` in the staging folder (flushed to disk).
    ///
    /// Staging a name again replaces it.
    /// - Precondition: `name` is a plain file name (no "/").
    public func stage(name: String, bytes: [UInt8]) throws(GridIOError) {
        precondition(!name.isEmpty && !name.contains("/") && name != "." && name != "..", "plain file name")
        precondition(!finished, "stage after commit or discard")
        try Self.writeFile(stagingPath + "/" + name, bytes: bytes, reportedAs: path + "/" + name)
        if !staged.contains(name) { staged.append(name) }
    }

    /// Writes `bytes` at `file` and flushes them to disk; errors name `reportedAs`.
    ///
    /// `reportedAs` is the target the file is for. Touches no `OutputFolder`, so another thread may write a file into
    /// `stagingPath` this way while the owner goes on; the owner then `adopt`s it.
    public static func writeFile(_ file: String, bytes: [UInt8], reportedAs target: String) throws(GridIOError) {
        func fail(_ what: String) -> GridIOError {
            GridIOError(file: target, message: "\(what): \(InputFile.errnoText(errno))", kind: .unwritable)
        }
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw fail("cannot write") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let b = raw.baseAddress else { return 0 }
                return write(fd, b + written, bytes.count - written)
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw fail("cannot write") }
            written += n
        }
        guard fsync(fd) == 0 else { throw fail("cannot flush") }
    }

    /// Registers `name`, already written into `stagingPath` by another writer (GDAL), as staged.
    /// - Throws: `.unwritable` when no such file is there.
    public func adopt(name: String) throws(GridIOError) {
        precondition(!name.isEmpty && !name.contains("/") && name != "." && name != "..", "plain file name")
        precondition(!finished, "adopt after commit or discard")
        guard access(stagingPath + "/" + name, F_OK) == 0 else {
            throw GridIOError(file: path + "/" + name, message: "was not written", kind: .unwritable)
        }
        if !staged.contains(name) { staged.append(name) }
    }

    /// Renames every staged file into the target (created if needed), then removes the staging
    /// folder. On failure, every rename done so far is undone and the target is left as it was.
    public func commit() throws(GridIOError) {
        precondition(!finished, "commit after commit or discard")
        var createdTarget = false
        if access(path, F_OK) != 0 {
            guard mkdir(path, 0o755) == 0 else {
                let e = InputFile.errnoText(errno)
                discard()
                throw GridIOError(file: path, message: "cannot create the folder: \(e)", kind: .unwritable)
            }
            createdTarget = true
        }
        // Refuse before changing anything when an output name is taken by something that is not a file.
        for name in staged {
            var st = stat()
            if lstat(path + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) != S_IFREG {
                if createdTarget { _ = rmdir(path) }
                discard()
                throw GridIOError(file: path + "/" + name, message: "exists and is not a file; not replaced", kind: .unwritable)
            }
        }
        let backup = stagingPath + "/.previous"
        var kept: [(name: String, linked: Bool)] = []
        var moved: [String] = []
        var failure: GridIOError?
        for name in staged {
            let target = path + "/" + name
            if access(target, F_OK) == 0 {
                if access(backup, F_OK) != 0 { _ = mkdir(backup, 0o755) }
                if link(target, backup + "/" + name) == 0 {
                    kept.append((name, true))
                } else if rename(target, backup + "/" + name) == 0 {
                    kept.append((name, false))
                } else {
                    failure = GridIOError(file: target, message: "cannot replace: \(InputFile.errnoText(errno))", kind: .unwritable)
                    break
                }
            }
            guard rename(stagingPath + "/" + name, target) == 0 else {
                failure = GridIOError(file: target, message: "cannot move into place: \(InputFile.errnoText(errno))", kind: .unwritable)
                break
            }
            moved.append(name)
        }
        if let failure {
            // Undo: take the new files out, put the old ones back.
            for name in moved.reversed() { _ = rename(path + "/" + name, stagingPath + "/" + name) }
            for k in kept.reversed() { _ = rename(backup + "/" + k.name, path + "/" + k.name) }
            if createdTarget { _ = rmdir(path) }
            discard()
            throw failure
        }
        let dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
        try? FileManager.default.removeItem(atPath: stagingPath)
        finished = true
    }

    /// Removes the staging folder (and any parent folders `init` created); the target is untouched.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        removeCreatedAncestors()
        finished = true
    }

    private func removeCreatedAncestors() {
        for dir in createdAncestors.reversed() { _ = rmdir(dir) }
        createdAncestors = []
    }
}
