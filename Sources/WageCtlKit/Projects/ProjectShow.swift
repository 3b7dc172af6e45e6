import Reports
import ArgumentParser
import Store
import Messages
import Workflow

/// `wagectl project show NO`: the ledger row, deposit, special account, roster
/// (counts; names masked, hrss only), recent payrolls, open warnings and the timeline.
struct ProjectShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a project: ledger, deposit, account, roster, payrolls, warnings, timeline.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(help: "How many recent payrolls and statements to show.") var recent: Int = 6
    @Flag(help: "List the roster's workers (names masked; hrss only sees names).") var workers = false
    @Flag(help: "Do not shorten timeline details.") var full = false

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let scope = try ProjectScope.regulator(session, db: db)
            guard let row = try db.execute("SELECT * FROM wage.project_overview WHERE project_no = $1", [projectNo]).rows.first else {
                throw WageCtlError(.notFound, "no project \(projectNo)", hint: "wagectl project list shows the registered projects")
            }
            try ProjectScope.check(row, scope: scope)
            var sections: [ProjectSection] = []
            for section in ProjectSections.all(recent: max(1, recent), full: full, workers: workers) {
                sections.append(try section.read(db: db, projectNo: projectNo))
            }
            print(row, sections, console: session.console)
        }
    }

    private func print(_ row: PGRow, _ sections: [ProjectSection], console: Console) {
        let card = RowSet(columns: ProjectSections.card, rows: [row])
        if output.json {
            var o: [String: JSONValue] = ["project": card.jsonValue.arrayValue?.first ?? .null]
            for section in sections { o[section.key] = section.json }
            console.out(JSONPretty.render(.object(o)))
            return
        }
        let width = ProjectSections.card.map { TextWidth.of($0.header) }.max() ?? 0
        for column in ProjectSections.card where row[column.key] != nil {
            console.out(TextWidth.pad(column.header, to: width) + "  " + RowSet.cell(row, column))
        }
        for section in sections {
            console.out()
            section.print(to: console)
        }
    }
}
