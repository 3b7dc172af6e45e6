import ArgumentParser

/// `wagectl`: the back-office tool of every department. (Placeholder: the
/// subcommands arrive with the wagectl issue.)
public struct WageCtl: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wagectl", abstract: "Back-office tool for the wage-arrears workflow service.")
    public init() {}
}
