import Foundation
import GridIO
import Testing

@Suite("Atomic output folder")
struct OutputFolderTests {
    func freshPath() -> String { NSTemporaryDirectory() + "gridio-out-\(UUID().uuidString)" }
    func contents(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing>" }
    func parentEntries(_ path: String) -> [String] {
        contents((path as NSString).deletingLastPathComponent).filter { $0.contains((path as NSString).lastPathComponent) }
    }

    @Test("commit creates the folder and moves every staged file into place, leaving no temp folder")
    func commit() throws {
        let path = freshPath() + "/nested/out"
        let folder = try OutputFolder(path: path, force: false)
        try folder.stage(name: "grids.geojson", bytes: Array("g".utf8))
        try folder.stage(name: "report.json", bytes: Array("r".utf8))
        #expect(!FileManager.default.fileExists(atPath: path))
        try folder.commit()
        #expect(contents(path) == ["grids.geojson", "report.json"])
        #expect(read(path + "/grids.geojson") == "g")
        #expect(parentEntries(path) == ["out"])
    }

    @Test("discard leaves an existing target exactly as it was and removes the temp folder")
    func discard() throws {
        let path = freshPath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "old".write(toFile: path + "/grids.geojson", atomically: false, encoding: .utf8)
        let folder = try OutputFolder(path: path, force: true)
        try folder.stage(name: "grids.geojson", bytes: Array("new".utf8))
        folder.discard()
        #expect(contents(path) == ["grids.geojson"] && read(path + "/grids.geojson") == "old")
        #expect(parentEntries(path).count == 1)
    }

    @Test("a folder never committed is cleaned up when released, and a new target is not created")
    func releasedWithoutCommit() throws {
        let path = freshPath() + "/a/b"
        do {
            let folder = try OutputFolder(path: path, force: false)
            try folder.stage(name: "report.json", bytes: [])
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent))
    }

    @Test("without force, a target holding gridplan outputs is refused as unwritable")
    func refusesExisting() throws {
        let path = freshPath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "x".write(toFile: path + "/report.json", atomically: false, encoding: .utf8)
        #expect {
            _ = try OutputFolder(path: path, force: false)
        } throws: { error in
            let e = error as? GridIOError
            return e?.kind == .unwritable && e?.message.contains("already holds gridplan outputs (report.json); use --force") == true
        }
        #expect(parentEntries(path).count == 1)
    }

    @Test("with force, existing outputs are replaced and other files are kept")
    func forceReplaces() throws {
        let path = freshPath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "old".write(toFile: path + "/grids.geojson", atomically: false, encoding: .utf8)
        try "mine".write(toFile: path + "/notes.txt", atomically: false, encoding: .utf8)
        let folder = try OutputFolder(path: path, force: true)
        try folder.stage(name: "grids.geojson", bytes: Array("new".utf8))
        try folder.commit()
        #expect(read(path + "/grids.geojson") == "new" && read(path + "/notes.txt") == "mine")
        #expect(parentEntries(path).count == 1)
    }

    @Test("a failed commit restores the files already replaced")
    func failedCommitRollsBack() throws {
        let path = freshPath()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try "old".write(toFile: path + "/grids.geojson", atomically: false, encoding: .utf8)
        let folder = try OutputFolder(path: path, force: true)
        try folder.stage(name: "grids.geojson", bytes: Array("new".utf8))
        try folder.stage(name: "report.json", bytes: Array("r".utf8))
        // The second rename fails (its staged file vanished) after the first one succeeded.
        try FileManager.default.removeItem(atPath: folder.stagingPath + "/report.json")
        #expect(throws: GridIOError.self) { try folder.commit() }
        #expect(read(path + "/grids.geojson") == "old")
        #expect(contents(path) == ["grids.geojson"])
        #expect(parentEntries(path).count == 1)
    }

    @Test("an output name taken by a folder is refused before anything changes")
    func folderInTheWay() throws {
        let path = freshPath()
        try FileManager.default.createDirectory(atPath: path + "/report.json/x", withIntermediateDirectories: true)
        try "old".write(toFile: path + "/grids.geojson", atomically: false, encoding: .utf8)
        let folder = try OutputFolder(path: path, force: true)
        try folder.stage(name: "grids.geojson", bytes: Array("new".utf8))
        try folder.stage(name: "report.json", bytes: Array("r".utf8))
        #expect(throws: GridIOError.self) { try folder.commit() }
        #expect(read(path + "/grids.geojson") == "old")
        #expect(contents(path + "/report.json") == ["x"])
        #expect(parentEntries(path).count == 1)
    }

    @Test("a target that is a file, or in a read-only place, is refused up front")
    func unwritableTargets() throws {
        let file = freshPath()
        try "x".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(throws: GridIOError.self) { _ = try OutputFolder(path: file, force: true) }
        #expect(throws: GridIOError.self) { _ = try OutputFolder(path: "/proc/gridplan-out", force: true) }
    }
}
