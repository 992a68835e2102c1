import ArgumentParser
import Foundation
import GridIO
import GridPlan

/// `gridplan sample --out DIR`: writes the built-in synthetic county.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write the built-in synthetic county (boundary.geojson, points.csv, plan.yml).")

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "Number of household points.")
    var points: Int = 50_000

    @Option(help: "Number of grids written into plan.yml.")
    var grids: Int = 60

    @Option(help: "Mean radius of the county in metres.")
    var radius: Double = 22_000

    @Option(help: "Generator seed.")
    var seed: UInt64 = 20_261_129

    @Flag(help: "Replace sample files already in --out.")
    var force = false

    func validate() throws {
        guard points > 0 else { throw ValidationError("--points must be positive") }
        guard grids > 0 else { throw ValidationError("--grids must be positive") }
        guard radius >= 1000 else { throw ValidationError("--radius must be at least 1000 metres") }
    }

    func run() throws {
        let county = SampleCounty(pointCount: points, radiusMetres: radius, seed: seed)
        // Every station area needs a grid: a plan with fewer would be refused by partition.
        guard grids >= county.stations.count else {
            Console.error("--grids \(grids) is fewer than the sample's \(county.stations.count) station areas (every one needs a grid)")
            throw ExitCode(ExitStatus.usage)
        }
        if !force {
            for name in ["boundary.geojson", "points.csv", "plan.yml"] where FileManager.default.fileExists(atPath: out + "/" + name) {
                Console.error("\(out): already holds \(name); use --force to replace the sample")
                throw ExitCode(ExitStatus.cannotCreate)
            }
        }
        do throws(GridIOError) {
            // Sample files are not partition outputs, so the folder's own guard does not apply.
            let folder = try OutputFolder(path: out, force: true)
            for file in SampleFiles.make(county, grids: grids) {
                try folder.stage(name: file.name, bytes: file.bytes)
            }
            try folder.commit()
        } catch {
            Console.error(error.description)
            throw ExitCode(ExitStatus.of(error))
        }
        print("sample county written to \(out)/: \(county.stations.count) station areas, \(county.points.count) points")
    }
}
