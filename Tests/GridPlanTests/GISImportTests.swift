import Foundation
import Testing

/// GDAL (what QGIS reads through, and the reference for ArcGIS imports) accepts every GeoJSON output
/// without a warning. Runs only where `ogrinfo` is installed (CI installs gdal-bin).
@Suite(.serialized, .enabled(if: GDALTools.ogrinfo != nil, "ogrinfo not on PATH: install gdal-bin to run the GDAL import checks"))
struct GISImportTests {
    static var ogrinfo: String? { GDALTools.ogrinfo }
    static func tool(_ name: String) -> String? { GDALTools.find(name) }

    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func complaints(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix("ERROR") || $0.hasPrefix("Warning") }
    }

    static func fieldCount(_ info: String) -> Int {
        let types = ["String", "Integer", "Integer64", "Real"]
        return info.split(separator: "\n").filter { line in types.contains { line.contains(": \($0) (") } }.count
    }

    static func featureCount(_ info: String) -> Int? {
        info.split(separator: "\n").first { $0.hasPrefix("Feature Count: ") }.flatMap { Int($0.dropFirst(15)) }
    }

    @Test("ogrinfo reads grids and units as WGS 84 Multi Polygon layers without a warning, and a GeoPackage copy keeps every feature and field")
    func gdalAcceptsPartitionOutputs() throws {
        let ogrinfo = try #require(Self.ogrinfo)
        let ogr2ogr = try #require(Self.tool("ogr2ogr"), "gdal-bin ships ogr2ogr beside ogrinfo")
        let out = try GridplanBinary.temporaryFolder("gis")
        let r = try GridplanBinary.run(["partition", "Data/sample/plan.yml", "--out", out.path, "--quiet", "--tolerance", "0.2"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        for layer in ["grids", "units"] {
            let file = out.appendingPathComponent("\(layer).geojson").path
            let info = try Self.run(ogrinfo, ["-ro", "-al", "-so", "GeoJSON:\(file)"])
            #expect(info.status == 0, "\(layer): \(info.output)")
            #expect(Self.complaints(info.output).isEmpty, "\(layer): \(Self.complaints(info.output))")
            #expect(info.output.contains("Geometry: Multi Polygon"), "\(layer) is one Multi Polygon layer")
            #expect(info.output.contains("GEOGCRS[\"WGS 84\""), "\(layer) is read as WGS 84")
            let count = try #require(Self.featureCount(info.output))
            #expect(count > 0)

            let gpkg = out.appendingPathComponent("\(layer).gpkg").path
            let copy = try Self.run(ogr2ogr, ["-f", "GPKG", gpkg, "GeoJSON:\(file)"])
            #expect(copy.status == 0 && Self.complaints(copy.output).isEmpty, "ogr2ogr: \(copy.output)")
            let gpkgInfo = try Self.run(ogrinfo, ["-ro", "-al", "-so", gpkg])
            #expect(Self.featureCount(gpkgInfo.output) == count, "\(layer): every feature reaches the GeoPackage")
            #expect(Self.fieldCount(gpkgInfo.output) == Self.fieldCount(info.output), "\(layer): every field reaches the GeoPackage")

            let valid = try Self.run(ogrinfo, [
                "-ro", "-q", "GeoJSON:\(file)", "-dialect", "SQLite",
                "-sql", "SELECT COUNT(*) AS invalid FROM \"\(layer)\" WHERE NOT ST_IsValid(geometry)",
            ])
            #expect(valid.output.contains("invalid (Integer) = 0"), "\(layer): every geometry is valid: \(valid.output)")
        }
    }
}

/// Where the GDAL command-line tools are, if installed.
enum GDALTools {
    static let ogrinfo: String? = find("ogrinfo")

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
