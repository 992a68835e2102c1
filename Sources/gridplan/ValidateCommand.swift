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

    @Option(help: "Output folder partition would write to (checked, never written).")
    var out: String?
    @Flag(help: "Partition would replace outputs already in --out.")
    var force = false
    @Flag(help: "Only errors on standard error, and no account on standard output.")
    var quiet = false
    @Flag(help: "Stage details on standard error.")
    var verbose = false

    func run() throws {
        // Warnings are listed in the account on stdout; stderr keeps errors (and progress with --verbose).
        let console = Console(level: quiet ? .quiet : (verbose ? .verbose : .normal))
        let config = try Console.exitOnFailure { () throws(PlanOptions.Failure) in
            try PlanOptions.resolve(options, out: out, force: force, requiresOut: false)
        }
        let outcome = try console.exitOnFailure { () throws(PipelineError) in
            try PartitionPipeline.validate(config, sink: console.sink())
        }
        if !quiet { for line in outcome.lines { print(line) } }
    }
}
