import Store
import Messages
import Workflow

/// Reads a `MonthlyReport` from the contract views (and `wage.fund_movements`)
/// with the connection's own grants: as hrss (who reads every view) or admin.
public struct MonthlyReportLoader {
    let db: PGConnection

    public init(db: PGConnection) { self.db = db }

    /// The report of `month` (`YYYY-MM`); sections the connection's role may not read are nil.
    public func load(month: String, compiledBy: String) throws -> MonthlyReport {
        guard let (first, end) = MonthlyReport.bounds(of: month) else {
            throw ReportError.badMonth(month)
        }
        // A handful of index reads and aggregates: with a million cases their cost
        // estimates pass jit_above_cost, and compiling them (0.4-0.5 s) took longer
        // than running them (issue 23). For this session only.
        try db.execute("SET jit = off")
        let today = Day(iso: try db.execute("SELECT \(ReportSQL.today)::text AS d").rows.first?.string("d") ?? "") ?? first
        let last = end.adding(days: -1)
        // Overdue as of the month's last day; in the current month, as of today.
        let asOf = (first...last).contains(today) ? today : last
        var report = MonthlyReport(month: month, firstDay: first, endDay: end, asOf: asOf, compiledBy: compiledBy,
                                   departments: try departments(first, end, asOf))
        report.fund = try optional { try fund(first, end) }
        report.referrals = try optional { try referrals(first, end, asOf) }
        report.legalAid = try optional { try legalAid(first, end) }
        report.petitions = try optional { try petitions(first, end) }
        report.dispositions = try dispositions(first, end)
        return report
    }

    /// nil when the role may not read the view (the section is "not visible").
    private func optional<T>(_ read: () throws -> T) throws -> T? {
        do { return try read() } catch let error as PGError where error.isInsufficientPrivilege { return nil }
    }

    private func departments(_ first: Day, _ end: Day, _ asOf: Day) throws -> [MonthlyReport.Department] {
        let rows = try db.execute(ReportSQL.departments, [first.iso, end.iso, asOf.iso]).rows
        var byCode: [String: MonthlyReport.Department] = [:]
        for row in rows {
            let code = try row.optionalString("dept") ?? "unassigned"
            var d = byCode[code] ?? .init(code: code)
            switch try row.string("metric") {
            case "received": d.received = try row.int("n")
            case "resolved":
                d.resolved = try row.int("n")
                d.resolvedOnTime = try row.int("on_time")
                d.recovered = Money(fen: try row.int64("paid_fen"))
            case "closed": d.closed = try row.int("n")
            default: d.overdue = try row.int("n")
            }
            byCode[code] = d
        }
        let order = Principal.allCases.map(\.rawValue)
        return byCode.values.sorted { (order.firstIndex(of: $0.code) ?? 99, $0.code) < (order.firstIndex(of: $1.code) ?? 99, $1.code) }
    }

    private func fund(_ first: Day, _ end: Day) throws -> MonthlyReport.Fund {
        var f = MonthlyReport.Fund()
        for row in try db.execute(ReportSQL.fundMovements, [first.iso, end.iso]).rows {
            let inMonth = Money(fen: try row.int64("in_month")), toEnd = try row.int64("to_end")
            switch try row.string("kind") {
            case "disbursement": f.advanced = inMonth; f.outstanding.fen += toEnd
            case "recovery": f.recovered = inMonth; f.outstanding.fen -= toEnd
            case "writeoff": f.writtenOff = inMonth; f.outstanding.fen -= toEnd
            default: break
            }
        }
        if let row = try db.execute(ReportSQL.fundRequests, [first.iso, end.iso]).rows.first {
            f.requests = try row.int("requests")
            f.rejected = try row.int("rejected")
        }
        return f
    }

    private func referrals(_ first: Day, _ end: Day, _ asOf: Day) throws -> MonthlyReport.Referrals {
        guard let row = try db.execute(ReportSQL.referrals, [first.iso, end.iso, asOf.iso]).rows.first else { return .init() }
        return .init(submitted: try row.int("submitted"), incomplete: try row.int("incomplete"), filed: try row.int("filed"),
                     notFiled: try row.int("not_filed"), measures: try row.int("measures"), pending: try row.int("pending"),
                     pendingOverdue: try row.int("pending_overdue"))
    }

    private func legalAid(_ first: Day, _ end: Day) throws -> MonthlyReport.LegalAid {
        guard let row = try db.execute(ReportSQL.legalAid, [first.iso, end.iso]).rows.first else { return .init() }
        return .init(received: try row.int("received"), assignedSameDay: try row.int("same_day"), waiting: try row.int("waiting"))
    }

    private func dispositions(_ first: Day, _ end: Day) throws -> [(CaseDisposition, Int)] {
        var counts: [String: Int] = [:]
        for row in try db.execute(ReportSQL.dispositions, [first.iso, end.iso]).rows {
            counts[try row.string("disposition")] = try row.int("n")
        }
        return CaseDisposition.allCases.map { ($0, counts[$0.rawValue] ?? 0) }
    }

    private func petitions(_ first: Day, _ end: Day) throws -> MonthlyReport.Petitions {
        guard let row = try db.execute(ReportSQL.petitions, [first.iso, end.iso]).rows.first else { return .init() }
        return .init(received: try row.int("received"), wageRelated: try row.int("wage_related"), collective: try row.int("collective"))
    }
}
