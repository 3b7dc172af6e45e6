import ArgumentParser
import Duties
import Messages
import Workflow

/// `wagectl report submit`: a department's return of a month (`report.submitted`,
/// docs/reports.md), e.g. as housing:
/// `--month 2026-11 --kind construction_starts --figure new_starts=4 --figure workers_enrolled=312 --figure wage_paid=1250000.00`.
/// hrss enters a body's return (发改 `approved_projects`, 总工会 `collective_bargaining`) with `--source`.
struct ReportSubmitCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Send a department's return of a month (report.submitted; the kinds are the duty list's report_kinds).",
        discussion: """
        Each --figure key=value sets one figure; a count is a whole number, an amount yuan text (1250000.00). \
        The kind decides which figures are needed and who may send it: the owing department, or hrss for a \
        body that is not a principal (then say where the figures came from with --source). A second return \
        of the same month and kind corrects the first.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(help: "The month reported, YYYY-MM.") var month: String
    @Option(help: "The kind of return, e.g. construction_starts.") var kind: String
    @Option(name: .customLong("figure"), help: "A figure key=value (repeat).") var figures: [String] = []
    @Option(help: "A note.") var note: String?
    @Option(help: "Where the figures came from (a body's return entered by hrss).") var source: String?

    func message(_ context: PayloadContext) throws -> ReportSubmitted {
        guard let reported = Month(iso: month) else { throw UnparsableOption(path: "month", text: month) }
        // The kind's own figure kinds decide count or amount; an unknown kind is the router's to refuse.
        let defined = (try? DutyListSource.inForce(db: try context.session.database(), console: context.session.console))?
            .reportKinds[kind]?.figures ?? []
        var values: [String: JSONValue] = [:]
        for assignment in figures {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                throw WageCtlError(.usage, "--figure '\(assignment)' is not key=value", hint: "e.g. --figure new_starts=4")
            }
            let key = String(assignment[..<eq]), text = String(assignment[assignment.index(after: eq)...])
            switch defined.first(where: { $0.key == key })?.kind {
            case .amount?: values[key] = .string(text)
            case .count?: values[key] = Int(text).map(JSONValue.int) ?? .string(text)
            case nil: values[key] = Int(text).map(JSONValue.int) ?? .string(text)
            }
        }
        return ReportSubmitted(month: reported, kind: kind, figures: values, note: note, source: source)
    }
}
