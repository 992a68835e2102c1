import ArgumentParser
import GridPlan

/// `gridplan validate [PLAN.yml] [options]`: every check and repair of partition, without optimizing or writing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the inputs: print problems, repairs and what partition would do; exit 0 if usable.",
        discussion: """
            Takes the same plan file and options as partition and runs every read, check and repair \
            (CRS, ranges, polygon repair, points inside/outside, weights, units, grids per jurisdiction, \
            feasibility) without optimizing or writing anything. Exits with the status partition would give.
            """)

    @OptionGroup var options: PartitionOptions

    @OptionGroup var output: OutputOptions
    @OptionGroup var flags: ConsoleFlags

    func run() throws {
        // Warnings are listed in the account on stdout; stderr keeps errors (and progress with --verbose).
        try flags.run(
            configure: { () throws(PlanOptions.Failure) in
                try PlanOptions.resolve(options, out: output.out, force: output.force, requiresOut: false)
            },
            pipeline: PartitionPipeline.validate, lines: \.lines)
    }
}
