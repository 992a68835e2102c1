import ArgumentParser
import GridIO
import GridPlan

/// `gridplan partition [PLAN.yml] [options]`: make balanced policing grids.
struct PartitionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partition",
        abstract: "Make contiguous, compact, balanced policing grids.",
        discussion: "A plan file (YAML) holds the same keys as the long options; options given here override it.")

    @OptionGroup var options: PartitionOptions

    @Option(help: "Output folder.")
    var out: String?
    @Option(help: "Map formats to write, comma-separated: geojson (default), gpkg (one plan.gpkg: grids, units, points), shp (UTF-8 with .cpg and .prj).")
    var format: String?
    @Flag(help: "Replace gridplan outputs already in --out.")
    var force = false
    @Flag(help: "Only errors on standard error.")
    var quiet = false
    @Flag(help: "Stage details on standard error.")
    var verbose = false

    func run() throws {
        let console = Console(level: quiet ? .quiet : (verbose ? .verbose : .normal))
        let config = try Console.exitOnFailure { () throws(PlanOptions.Failure) in
            try PlanOptions.resolve(options, out: out, force: force, format: format)
        }
        let outcome = try console.exitOnFailure { () throws(PipelineError) in
            try PartitionPipeline.run(config, sink: console.sink())
        }
        if !quiet { for line in outcome.summary { print(line) } }
    }
}
