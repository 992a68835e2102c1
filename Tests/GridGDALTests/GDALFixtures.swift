import Foundation
import GridIO
import GridModel

/// Fixtures made in each test with GDAL's own command-line tools (gdal-bin), from small GeoJSON texts.
enum GDALFixtures {
    static let ogr2ogr: String? = find("ogr2ogr")
    static let ogrinfo: String? = find("ogrinfo")

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
            return "\(dir)/\(name)"
        }
        return nil
    }

    struct ToolError: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a tool; throws with its output when it fails.
    @discardableResult
    static func run(_ tool: String?, _ arguments: [String], environment: [String: String] = [:]) throws -> String {
        guard let tool else { throw ToolError(description: "gdal-bin is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw ToolError(description: "\(tool) \(arguments): \(text)") }
        return text
    }

    /// A fresh temporary folder.
    static func folder(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "gridgdal-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Three townships (two squares side by side and one with a hole) with Chinese names, WGS84.
    static let townships = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"名称":"七里乡","人口":1729,"面积":2.5},"geometry":{"type":"Polygon","coordinates":[[[118.80,28.90],[118.81,28.90],[118.81,28.91],[118.80,28.91],[118.80,28.90]]]}},
        {"type":"Feature","properties":{"名称":"石室乡","人口":980,"面积":1.25},"geometry":{"type":"Polygon","coordinates":[[[118.81,28.90],[118.82,28.90],[118.82,28.91],[118.81,28.91],[118.81,28.90]]]}},
        {"type":"Feature","properties":{"名称":"府山街道","人口":4321,"面积":null},"geometry":{"type":"MultiPolygon","coordinates":[[[[118.82,28.90],[118.84,28.90],[118.84,28.92],[118.82,28.92],[118.82,28.90]],[[118.825,28.905],[118.825,28.915],[118.835,28.915],[118.835,28.905],[118.825,28.905]]]]}}
        ]}
        """

    /// Five points with ids and weights (one without a weight).
    static let points = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"编号":"甲1","户数":3},"geometry":{"type":"Point","coordinates":[118.801,28.901]}},
        {"type":"Feature","properties":{"编号":"乙2","户数":0.5},"geometry":{"type":"Point","coordinates":[118.812,28.905]}},
        {"type":"Feature","properties":{"编号":"丙3","户数":null},"geometry":{"type":"Point","coordinates":[118.83,28.91]}},
        {"type":"Feature","properties":{"编号":"丁4","户数":7},"geometry":null},
        {"type":"Feature","properties":{"编号":"戊5","户数":2},"geometry":{"type":"Point","coordinates":[118.835,28.918]}}
        ]}
        """
}
