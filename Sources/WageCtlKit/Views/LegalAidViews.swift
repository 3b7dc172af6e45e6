import ArgumentParser
import Store

/// `wagectl legalaid list`: applications and their assignments.
struct LegalAidListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List legal-aid applications (wage.legal_aid_overview).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status (repeat).") var status: [String] = []

    static let columns = [
        Column("application_no", "application no"), Column("case_no", "case no"), Column("status"), Column("matter"),
        Column("requested_by", "requested by"), Column("provider_id", "provider"), Column("provider_name", "provider name"),
        Column("received_at", "received", .instant), Column("assigned_at", "assigned", .instant),
        Column("same_day", "same day", .bool),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if !status.isEmpty { filter.add("a.status = ANY($?::text[])", status) }
            let rows = try db.execute(
                """
                SELECT a.application_no, c.case_no, a.status, a.matter, a.requested_by, a.provider_id, a.provider_name,
                       a.received_at, a.assigned_at,
                       coalesce((a.assigned_at AT TIME ZONE 'Asia/Shanghai')::date = (a.received_at AT TIME ZONE 'Asia/Shanghai')::date, false) AS same_day
                FROM wage.legal_aid_overview a LEFT JOIN wage.case_overview c ON c.case_id::text = a.case_id\(filter.whereClause)
                ORDER BY a.received_at
                """, filter.params).rows
            RowSet(columns: Self.columns, rows: rows).print(to: session.console, json: output.json, empty: "no applications")
        }
    }
}

/// `wagectl legalaid providers`: the roster with open assignments.
struct LegalAidProvidersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "providers", abstract: "The legal-aid roster (wage.legal_aid_providers).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let rows = try db.execute("SELECT provider_id, name, active, open_assignments FROM wage.legal_aid_providers ORDER BY provider_id").rows
            RowSet(columns: [Column("provider_id", "provider"), Column("name"), Column("active", nil, .bool),
                             Column("open_assignments", "open", .int)], rows: rows)
                .print(to: session.console, json: output.json, empty: "no providers")
        }
    }
}

/// `wagectl petition list`.
struct PetitionListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List petitions (wage.petition_overview; petitions, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let rows = try db.execute(
                """
                SELECT p.petition_no, p.petitioners, p.form, p.wage_related, p.collective, p.status, c.case_no, p.received_at
                FROM wage.petition_overview p LEFT JOIN wage.case_overview c ON c.case_id = p.case_id ORDER BY p.received_at
                """).rows
            RowSet(columns: [Column("petition_no", "petition no"), Column("petitioners", nil, .int), Column("form"),
                             Column("wage_related", "wage related", .bool), Column("collective", nil, .bool), Column("status"),
                             Column("case_no", "case no"), Column("received_at", "received", .instant)], rows: rows)
                .print(to: session.console, json: output.json, empty: "no petitions")
        }
    }
}
