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

    @OptionGroup var output: OutputOptions
    @Option(help: "Map formats to write, comma-separated: geojson (default), gpkg (one plan.gpkg: grids, units, points), shp (UTF-8 with .cpg and .prj), xlsx (plan.xlsx: sheets grids and points, for Excel).")
    var format: String?
    @OptionGroup var flags: ConsoleFlags

    func run() throws {
        try flags.run(
            configure: { () throws(PlanOptions.Failure) in try PlanOptions.resolve(options, out: output.out, force: output.force, format: format) },
            pipeline: PartitionPipeline.run, lines: \.summary)
    }
}
