import Foundation
import Testing

/// Broken and odd input files (Fixtures/inputs, written by Fixtures/make-inputs.py) run through the
/// built binary: each error names its file and problem with the right exit status and leaves `--out`
/// exactly as it was; each repairable or unusual input plans, with the repairs counted in report.json.
@Suite(.serialized)
struct BrokenInputTests {
    static let inputs = GridplanBinary.packageRoot.appendingPathComponent("Tests/GridPlanTests/Fixtures/inputs")

    /// Options that keep every fixture run to a few dozen hexagons.
    static let small = ["--grids", "3", "--cell-size", "500", "--time-limit", "2", "--quiet"]

    struct ErrorCase: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var status: Int32
        /// Fragments the message must contain: the file first, then what is wrong and where.
        var fragments: [String]
        var testDescription: String { name }
    }

    static func boundary(_ file: String, points: String = "points.csv", _ more: [String] = []) -> [String] {
        ["--boundary", file, "--points", points] + more + small
    }

    static let errorCases: [ErrorCase] = [
        .init(name: "missing file", arguments: boundary("no-such.geojson"), status: 66, fragments: ["no-such.geojson", "cannot open"]),
        .init(name: "empty file", arguments: boundary("empty.geojson"), status: 65, fragments: ["empty.geojson: ", "empty"]),
        .init(name: "truncated file", arguments: boundary("truncated.geojson"), status: 65, fragments: ["truncated.geojson: ", "truncated", "line 1"]),
        .init(name: "GBK bytes", arguments: boundary("gbk.geojson"), status: 65, fragments: ["gbk.geojson: ", "UTF-8", "column 41"]),
        .init(name: "top-level array", arguments: boundary("top-array.geojson"), status: 65, fragments: ["top-array.geojson: ", "array"]),
        .init(name: "Topology", arguments: boundary("topology.geojson"), status: 65, fragments: ["topology.geojson: ", "Topology"]),
        .init(name: "LineString boundary", arguments: boundary("linestring.geojson"), status: 65, fragments: ["linestring.geojson: ", "LineString"]),
        .init(name: "NaN coordinate", arguments: boundary("nan-coordinate.geojson"), status: 65, fragments: ["nan-coordinate.geojson: ", "NaN", "feature 0"]),
        .init(name: "Infinity coordinate", arguments: boundary("infinity-coordinate.geojson"), status: 65, fragments: ["infinity-coordinate.geojson: ", "Infinity"]),
        .init(name: "1e400 coordinate", arguments: boundary("huge-coordinate.geojson"), status: 65, fragments: ["huge-coordinate.geojson: ", "1e400"]),
        .init(name: "string coordinate", arguments: boundary("string-coordinate.geojson"), status: 65, fragments: ["string-coordinate.geojson: ", "string", "column 136"]),
        .init(name: "ring of 3 positions", arguments: boundary("short-ring.geojson"), status: 65, fragments: ["short-ring.geojson: ", "at least 4", "feature 0"]),
        .init(name: "zero-area boundary", arguments: boundary("zero-area.geojson"), status: 65, fragments: ["zero-area.geojson: ", "zero area", "feature 0"]),
        .init(name: "nesting bomb", arguments: boundary("deep-nesting.geojson"), status: 65, fragments: ["deep-nesting.geojson: ", "nesting deeper than 64"]),
        .init(name: "duplicate member", arguments: boundary("duplicate-key.geojson"), status: 65, fragments: ["duplicate-key.geojson: ", "duplicate member"]),
        .init(name: "swapped lon/lat", arguments: boundary("swapped.geojson"), status: 65, fragments: ["swapped.geojson: ", "swapped"]),
        .init(name: "metres given as degrees", arguments: boundary("metres-as-degrees.geojson"), status: 65, fragments: ["metres-as-degrees.geojson: ", "EPSG:4549"]),
        .init(name: "negative weight", arguments: boundary("boundary.geojson", points: "weight-negative.csv", ["--weight", "w"]), status: 65, fragments: ["weight-negative.csv: ", "negative", "line 3"]),
        .init(name: "NaN weight", arguments: boundary("boundary.geojson", points: "weight-nan.csv", ["--weight", "w"]), status: 65, fragments: ["weight-nan.csv: ", "nan", "line 3"]),
        .init(name: "non-numeric weight", arguments: boundary("boundary.geojson", points: "weight-text.geojson", ["--weight", "w"]), status: 65, fragments: ["weight-text.geojson: ", "many", "feature 4"]),
        .init(name: "weight field no point has", arguments: boundary("boundary.geojson", ["--weight", "nosuch"]), status: 65, fragments: ["points.csv: ", "nosuch"]),
        .init(name: "weight field no GeoJSON point has names the first point's properties",
              arguments: boundary("boundary.geojson", points: "weight-text.geojson", ["--weight", "nosuch"]), status: 65,
              fragments: ["weight-text.geojson: ", "\"nosuch\"", "the first feature has: w"]),
        .init(name: "weight field no unit has names the first unit's properties",
              arguments: ["--boundary", "islands-holes.geojson", "--units", "islands-holes.geojson", "--weight", "nosuch"] + small, status: 65,
              fragments: ["islands-holes.geojson: ", "nosuch (--weight)", "feature 0 has: 所"]),
        .init(name: "unit id field no unit has names the first unit's properties",
              arguments: ["--boundary", "islands-holes.geojson", "--units", "islands-holes.geojson", "--unit-id", "nosuch", "--points", "points.csv"] + small,
              status: 65, fragments: ["islands-holes.geojson: ", "nosuch (--unit-id)", "feature 0 has: 所"]),
        .init(name: "units that do not tile the boundary (house footprints)",
              arguments: ["--boundary", "boundary.geojson", "--units", "units-scattered.geojson", "--weight", "w"] + small, status: 65,
              fragments: ["units-scattered.geojson: ", "the units cover 1.0% of the station areas", "--points"]),
        .init(name: "all weights zero", arguments: boundary("boundary.geojson", points: "weight-zero.csv", ["--weight", "w"]), status: 65, fragments: ["weight-zero.csv: ", "zero"]),
        .init(name: "short CSV row", arguments: boundary("boundary.geojson", points: "row-short.csv"), status: 65, fragments: ["row-short.csv: ", "2 fields", "line 3"]),
        .init(name: "every point outside", arguments: boundary("boundary.geojson", points: "points-all-outside.csv"), status: 65, fragments: ["points-all-outside.csv: ", "no point lies inside"]),
        .init(name: "--grids 0", arguments: ["--boundary", "boundary.geojson", "--points", "points.csv", "--grids", "0"], status: 64, fragments: ["--grids"]),
        .init(name: "--grids -2", arguments: ["--boundary", "boundary.geojson", "--points", "points.csv", "--grids=-2"], status: 64, fragments: ["--grids"]),
        .init(name: "more grids than units", arguments: ["--boundary", "boundary.geojson", "--points", "points.csv", "--grids", "500", "--cell-size", "1000"], status: 65, fragments: ["boundary.geojson: ", "500 grids", "units"]),
        .init(name: "tolerance 0", arguments: ["--boundary", "boundary.geojson", "--points", "points.csv", "--grids", "3", "--tolerance", "0"], status: 64, fragments: ["--tolerance"]),
        .init(name: "tolerance 1", arguments: ["--boundary", "boundary.geojson", "--points", "points.csv", "--grids", "3", "--tolerance", "1"], status: 64, fragments: ["--tolerance"]),
        .init(name: "a unit heavier than the upper bound", arguments: ["--boundary", "boundary.geojson", "--points", "points-heavy.csv", "--weight", "w", "--grids", "3", "--cell-size", "500"], status: 65, fragments: ["", "upper bound"]),
    ]

    /// Runs `command` with `arguments` into an `--out` holding an earlier grids.geojson, and checks that the
    /// error is reported as specified and that the folder is byte-for-byte as it was.
    func expectRefusal(_ command: String, _ c: ErrorCase) throws {
        let out = try GridplanBinary.temporaryFolder("broken")
        let marker = out.appendingPathComponent("grids.geojson")
        try Data("earlier run".utf8).write(to: marker)
        var args = [command] + c.arguments
        if command == "partition" { args += ["--out", out.path, "--force"] }
        let r = try GridplanBinary.run(args, in: Self.inputs)
        #expect(r.status == c.status, "\(command) \(c.name): stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("gridplan: error: \(c.fragments[0])"), "\(command) \(c.name): \(r.stderr)")
        for f in c.fragments where !f.isEmpty { #expect(r.stderr.contains(f), "\(command) \(c.name): message names \(f): \(r.stderr)") }
        #expect(try String(contentsOf: marker, encoding: .utf8) == "earlier run", "earlier output untouched")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["grids.geojson"], "nothing added to --out")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(out.lastPathComponent).gridplan-tmp") }, "no staging folder left")
    }

    @Test("partition refuses each broken input with its exit status and a message naming file and place, leaving --out untouched", arguments: errorCases)
    func partitionRefuses(_ c: ErrorCase) throws {
        try expectRefusal("partition", c)
    }

    @Test("validate stops on each broken input with the status partition gives", arguments: errorCases)
    func validateRefuses(_ c: ErrorCase) throws {
        try expectRefusal("validate", c)
    }

    @Test("a million-level JSON bomb is refused at the nesting limit without a crash")
    func jsonBomb() throws {
        let dir = try GridplanBinary.temporaryFolder("bomb")
        let bomb = dir.appendingPathComponent("bomb.geojson")
        try Data(("{\"type\":\"Feature\",\"properties\":{\"a\":" + String(repeating: "[", count: 1_000_000)).utf8).write(to: bomb)
        let r = try GridplanBinary.run(["validate", "--boundary", bomb.path, "--points", "points.csv", "--grids", "3"], in: Self.inputs)
        #expect(r.status == 65, "stderr: \(r.stderr)")
        #expect(r.stderr.contains("nesting deeper than 64"))
    }
}
