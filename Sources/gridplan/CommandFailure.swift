import ArgumentParser
import GridPlan

/// An error that ends a command: its message and its sysexits status.
protocol CommandFailure: Error {
    var message: String { get }
    var exitCode: Int32 { get }
}

extension PipelineError: CommandFailure {}
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
