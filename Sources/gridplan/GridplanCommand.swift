import ArgumentParser

/// `gridplan`: balanced, contiguous, compact policing grids from boundaries and workload points.
@main
struct Gridplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridplan",
        abstract: "Cut a jurisdiction into contiguous, compact, workload-balanced policing grids.",
        discussion: """
            Exit status (BSD sysexits): 0 done; 64 bad options; 65 bad input data or an impossible plan; \
            66 input missing or unreadable; 70 internal error; 73 output cannot be written. \
            On any error the output folder is left as it was.
            """,
        version: "0.1.0",
        subcommands: [PartitionCommand.self, EvaluateCommand.self, ValidateCommand.self, SampleCommand.self])
}
