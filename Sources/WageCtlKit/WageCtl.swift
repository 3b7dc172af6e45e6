import ArgumentParser
import Foundation

/// `wagectl`: the back-office tool of every department, acting as one principal
/// (`--as`), plus the operators' commands. See docs/wagectl.md.
public struct WageCtl: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wagectl",
        abstract: "Back-office tool for the wage-arrears workflow service.",
        discussion: """
        Act as a principal with --as <code> (or WAGE_PRINCIPAL); credentials come from the environment or \
        .local/stack.env. Sending commands check the message with the router's own schema and duty list, \
        publish it with confirms and report what the router (and the receivers) did. Views read with the \
        principal's own database role. Exit status: 0 ok, 2 usage/configuration/unreachable, 3 refused \
        locally (not sent), 4 refused by the router or a worker, 5 no decision in time, 6 not found, 7 \
        conflict, 1 other.
        """,
        subcommands: [
            ClueGroup.self, CaseGroup.self, OfficeGroup.self, ReferralGroup.self, FundGroup.self, LegalAidGroup.self,
            PetitionGroup.self, IncidentGroup.self, GenericSendCommand.self, DeadGroup.self, RoutingGroup.self,
            CalendarGroup.self, ConfigGroup.self, DutyListGroup.self, MaintenanceGroup.self, ReportGroup.self, DemoCommand.self,
            StaffGroup.self,
            CreditGroup.self,  // §9 credit discipline (issue 19)
            ImportGroup.self,  // §7.7 importing earlier years' cases (issue 17)
            // §8 construction projects (issue 18)
            ProjectGroup.self, DepositGroup.self, AccountGroup.self, RosterGroup.self, PayrollGroup.self, InspectionGroup.self,
            WarningsGroup.self,
        ])

    @OptionGroup var identity: IdentityOptions

    public init() {}

    /// Parses the arguments, runs the command, and turns a `WageCtlError` into a
    /// message on standard error (and JSON on standard output with `--json`) and
    /// its exit status. Every command runs synchronously on this thread (the C
    /// libraries block). `Sources/wagectl/main.swift` calls this.
    public static func execute(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        let console = Console.current
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let error as WageCtlError {
            if !error.alreadyReported {
                console.err("error: \(error.message)")
                if let hint = error.hint { console.err("hint: \(hint)") }
                if arguments.contains("--json") || arguments.contains("--json-output") {
                    console.out(JSONPretty.render(["error": .compact([
                        "code": .string(error.code.rawValue), "message": .string(error.message), "hint": P.s(error.hint)])]))
                }
            }
            Foundation.exit(error.exitStatus)
        } catch {
            exit(withError: error)
        }
    }
}
