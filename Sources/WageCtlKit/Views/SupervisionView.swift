import ArgumentParser
import Store

/// `wagectl case supervision`: leader packages listed for discipline supervision
/// (`wage.supervision_list`, CONTRACT §7.3), newest first.
struct CaseSupervisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "supervision",
        abstract: "Leader packages listed for discipline supervision (wage.supervision_list, 报纪检监察跟踪监督).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only cases listed on or after this day (YYYY-MM-DD).") var since: String?
    @Option(help: "At most this many rows.") var limit: Int = 100

    static let columns = [
        Column("case_no", "case no"), Column("leader"), Column("leader_department", "leader department"),
        Column("city_leader", "city leader"), Column("due_on", "due on", .day), Column("listed_on", "listed on", .day),
        Column("status"), Column("case_id", "case id"),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if let since { filter.add("s.listed_on >= $?::date", since) }
            let rows = try db.execute(
                """
                SELECT s.case_id::text AS case_id, s.case_no, s.leader, s.leader_department, s.city_leader, s.due_on,
                       s.listed_on, c.status
                FROM wage.supervision_list s JOIN wage.case_overview c ON c.case_id = s.case_id\(filter.whereClause)
                ORDER BY s.listed_on DESC, s.case_no LIMIT \(max(1, min(limit, 10_000)))
                """, filter.params).rows
            RowSet(columns: Self.columns, rows: rows)
                .print(to: session.console, json: output.json, empty: "no leader package is listed for supervision")
        }
    }
}
