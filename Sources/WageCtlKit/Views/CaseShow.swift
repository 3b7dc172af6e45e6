import Reports
import ArgumentParser
import Store
import Messages
import Workflow

/// `wagectl case show <case>`: the overview and the full timeline across departments,
/// with the case's referrals, fund requests, legal aid and petitions where the
/// principal may read them.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a case: overview, full timeline, related records.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The case id (uuid) or case number (WA-2026-000001).") var caseRef: String
    @Flag(help: "Do not shorten timeline details.") var full = false

    static let overview = [
        Column("case_no", "case no"), Column("case_id", "case id"), Column("status"), Column("assignee"),
        Column("risk_level", "risk"), Column("due_on", "due on", .day), Column("overdue", nil, .bool),
        Column("channel"), Column("clue_ref", "clue ref"), Column("origin"), Column("sector"),
        Column("employer_name", "employer", .masked), Column("project_name", "project", .masked),
        Column("workers_count", "workers", .int), Column("amount_owed", "owed", .money),
        Column("disposition"), Column("amount_paid", "paid", .money), Column("workers_paid", "workers paid", .int),
        Column("escalated_on", "escalated on", .day), Column("leader", nil, .masked), Column("leader_department", "leader dept"),
        Column("opened_at", "opened", .instant), Column("resolved_at", "resolved", .instant), Column("closed_at", "closed", .instant),
    ]

    var timelineColumns: [Column] {
        [Column("seq", nil, .int), Column("at", nil, .instant), Column("department"), Column("event"),
         Column("detail", nil, .json, maxWidth: full ? 4000 : 70)]
    }

    /// Related records: (title, view, columns).
    static let related: [(String, String, [Column])] = [
        ("referrals", "SELECT referral_no, status, received_at, decide_by, police_case_no, missing FROM wage.referral_overview WHERE case_id = $1::uuid ORDER BY received_at",
         [Column("referral_no", "referral no"), Column("status"), Column("received_at", "received", .instant),
          Column("decide_by", "decide by", .day), Column("police_case_no", "police case no"), Column("missing", nil, .textArray)]),
        ("fund requests", "SELECT request_no, amount, status, outstanding, disbursed_at, approver FROM wage.fund_overview WHERE case_id = $1::uuid ORDER BY requested_at",
         [Column("request_no", "request no"), Column("amount", nil, .money), Column("status"),
          Column("outstanding", nil, .money), Column("disbursed_at", "disbursed", .instant), Column("approver", nil, .masked)]),
        ("legal aid", "SELECT application_no, status, provider_id, provider_name, received_at, assigned_at FROM wage.legal_aid_overview WHERE case_id = $1 ORDER BY received_at",
         [Column("application_no", "application no"), Column("status"), Column("provider_id", "provider"),
          Column("provider_name", "provider name"), Column("received_at", "received", .instant), Column("assigned_at", "assigned", .instant)]),
        ("petitions", "SELECT petition_no, petitioners, collective, status, received_at FROM wage.petition_overview WHERE case_id = $1::uuid",
         [Column("petition_no", "petition no"), Column("petitioners", nil, .int), Column("collective", nil, .bool),
          Column("status"), Column("received_at", "received", .instant)]),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let row = try CaseLookup.find(caseRef, db: db)
            let caseID = try row.string("case_id")
            let timeline = RowSet(columns: timelineColumns, rows: try db.execute(
                "SELECT seq, at, department, event, detail FROM wage.case_timeline WHERE case_id = $1::uuid ORDER BY seq",
                [caseID]).rows)
            var sections: [(String, RowSet?)] = []
            for (title, sql, columns) in Self.related {
                do {
                    sections.append((title, RowSet(columns: columns, rows: try db.execute(sql, [caseID]).rows)))
                } catch where ViewRunner.isDenied(error) {
                    sections.append((title, nil))
                }
            }
            print(row, timeline, sections, console: session.console)
        }
    }

    private func print(_ row: PGRow, _ timeline: RowSet, _ sections: [(String, RowSet?)], console: Console) {
        let card = RowSet(columns: Self.overview, rows: [row])
        if output.json {
            var o: [String: JSONValue] = ["case": card.jsonValue.arrayValue?.first ?? .null, "timeline": timeline.jsonValue]
            for (title, set) in sections { o[title.replacingOccurrences(" ", "_")] = set?.jsonValue ?? .null }
            console.out(JSONPretty.render(.object(o)))
            return
        }
        let width = Self.overview.map { TextWidth.of($0.header) }.max() ?? 0
        for column in Self.overview where row[column.key] != nil {
            console.out(TextWidth.pad(column.header, to: width) + "  " + RowSet.cell(row, column))
        }
        console.out()
        console.out("timeline (\(timeline.rows.count) entries, all departments):")
        timeline.print(to: console, json: false, empty: "  (no entries yet)")
        for (title, set) in sections {
            guard let set else {
                console.out("\n\(title): not visible to this principal")
                continue
            }
            guard !set.rows.isEmpty else { continue }
            console.out("\n\(title):")
            set.print(to: console, json: false, empty: "")
        }
    }
}
