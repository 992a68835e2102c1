import ArgumentParser

@main
struct Gridplan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gridplan", abstract: "Balanced policing grids.")
}
