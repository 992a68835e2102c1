import ArgumentParser
import GridIO
import GridPlan

/// An error that ends a command: its message and its sysexits status.
protocol CommandFailure: Error {
    var message: String { get }
    var exitCode: Int32 { get }
}

/// The exit statuses (BSD sysexits), chosen here and nowhere else.
enum ExitStatus {
    /// Bad options or plan.
    static let usage: Int32 = 64
    /// Bad input content, or a plan that cannot meet its constraints.
    static let data: Int32 = 65
    /// An input missing or unreadable.
    static let missing: Int32 = 66
    /// A bug or a library failure.
    static let software: Int32 = 70
    /// The output cannot be written.
    static let cannotCreate: Int32 = 73

    static func of(_ error: GridIOError) -> Int32 {
        switch error.kind {
        case .badData: return data
        case .missing: return missing
        case .unwritable: return cannotCreate
        }
    }

    static func of(_ error: PipelineError) -> Int32 {
        switch error {
        case .usage: return usage
        case .data, .geometry: return data
        case .input(let e): return of(e)
        case .internalFailure: return software
        }
    }
}

extension PipelineError: CommandFailure {
    var exitCode: Int32 { ExitStatus.of(self) }
}
extension PlanOptions.Failure: CommandFailure {}

extension Console {
    /// Runs `body`; a failure is printed as `gridplan: error: …` and leaves with its sysexits status.
    static func exitOnFailure<T, E: CommandFailure>(_ body: () throws(E) -> T) throws -> T {
        do {
            return try body()
        } catch {
            Console.error(error.message)
            throw ExitCode(error.exitCode)
        }
    }
}

/// `--quiet` and `--verbose`, shared by every command that runs the pipeline.
struct ConsoleFlags: ParsableArguments {
    @Flag(help: "Only errors on standard error; nothing on standard output.")
    var quiet = false
    @Flag(help: "Stage details on standard error.")
    var verbose = false

    /// Resolves the configuration, runs the pipeline with a console at this level as its sink, and
    /// prints the outcome's lines on standard output (none with `--quiet`). Failures leave with their
    /// sysexits status.
    func run<Config, Outcome>(
        configure: () throws(PlanOptions.Failure) -> Config,
        pipeline: (Config, @escaping PipelineSink) throws(PipelineError) -> Outcome,
        lines: (Outcome) -> [String]
    ) throws {
        let console = Console(level: quiet ? .quiet : (verbose ? .verbose : .normal))
        let config = try Console.exitOnFailure(configure)
        let outcome = try console.exitOnFailure { () throws(PipelineError) in try pipeline(config, console.sink()) }
        if !quiet { for line in lines(outcome) { print(line) } }
    }
}
