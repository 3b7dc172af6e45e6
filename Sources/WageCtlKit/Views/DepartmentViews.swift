import Reports
import ArgumentParser
import Store

/// `wagectl referral list`: criminal referrals; `--pending` = awaiting a decision, overdue first.
struct ReferralListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List referrals (wage.referral_overview; police, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Only referrals awaiting a decision (under_review, reconsidering), overdue first.") var pending = false
    @Option(help: "Only this status (repeat).") var status: [String] = []
    @Option(help: "At most this many rows.") var limit: Int = 100

    static let columns = [
        Column("referral_no", "referral no"), Column("case_no", "case no"), Column("status"),
        Column("received_at", "received", .instant), Column("decide_by", "decide by", .day), Column("overdue", nil, .bool),
        Column("police_case_no", "police case no"), Column("missing", nil, .textArray), Column("decision_reason", "reason", .masked),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if pending { filter.add("r.status IN ('under_review','reconsidering')") }
            if !status.isEmpty { filter.add("r.status = ANY($?::text[])", status) }
            let rows = try db.execute(
                """
                SELECT r.referral_no, c.case_no, r.status, r.received_at, r.decide_by, r.police_case_no, r.missing,
                       r.decision_reason,
                       coalesce(r.status IN ('under_review','reconsidering') AND r.decide_by < \(CaseSQL.today), false) AS overdue
                FROM wage.referral_overview r LEFT JOIN wage.case_overview c ON c.case_id = r.case_id\(filter.whereClause)
                ORDER BY overdue DESC, r.decide_by NULLS LAST, r.received_at LIMIT \(max(1, limit))
                """, filter.params).rows
            RowSet(columns: Self.columns, rows: rows).print(
                to: session.console, json: output.json, empty: pending ? "no referral awaits a decision" : "no referrals")
        }
    }
}

/// `wagectl fund balance`: the fund's one-row balance.
struct FundBalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "balance", abstract: "The fund's balance (wage.fund_balance; finance, government, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    static let columns = ["deposited", "available", "reserved", "outstanding", "disbursed", "recovered", "written_off"]
        .map { Column($0, $0.replacingOccurrences("_", " "), .money) }

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let rows = try db.execute("SELECT * FROM wage.fund_balance").rows
            let set = RowSet(columns: Self.columns, rows: rows)
            if output.json { session.console.out(JSONPretty.render(set.jsonValue.arrayValue?.first ?? .null)); return }
            guard let row = rows.first else { session.console.out("the fund is empty"); return }
            for column in Self.columns {
                session.console.out(TextWidth.pad(column.header, to: 12) + TextWidth.pad("", to: 16 - TextWidth.of(RowSet.cell(row, column))) + RowSet.cell(row, column))
            }
        }
    }
}

/// `wagectl fund pending` (awaiting approval) and `wagectl fund list`.
struct FundListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List fund requests (wage.fund_overview).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status (repeat).") var status: [String] = []

    static let columns = [
        Column("request_no", "request no"), Column("case_no", "case no"), Column("amount", nil, .money), Column("status"),
        Column("beneficiaries", nil, .int), Column("purpose"), Column("reason"), Column("requested_at", "requested", .instant),
        Column("outstanding", nil, .money), Column("approver", nil, .masked),
    ]

    func run() throws { try Self.list(identity, output, status: status, empty: "no fund requests") }

    static func list(_ identity: IdentityOptions, _ output: OutputOptions, status: [String], empty: String) throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if !status.isEmpty { filter.add("f.status = ANY($?::text[])", status) }
            let rows = try db.execute(
                """
                SELECT f.request_no, c.case_no, f.amount, f.status, f.beneficiaries, f.purpose, f.reason, f.requested_at,
                       f.outstanding, f.approver
                FROM wage.fund_overview f LEFT JOIN wage.case_overview c ON c.case_id = f.case_id\(filter.whereClause)
                ORDER BY f.requested_at
                """, filter.params).rows
            RowSet(columns: columns, rows: rows).print(to: session.console, json: output.json, empty: empty)
        }
    }
}

struct FundPendingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pending", abstract: "Advances awaiting the government's approval, oldest first.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try FundListCommand.list(identity, output, status: ["awaiting_approval"], empty: "nothing awaits approval")
    }
}
