import Duties
import Store
import Messages
import Workflow

/// Reads a `ReturnsReport` from `wage.report_returns` (hrss, government) and the
/// duty list's kinds: every kind gets a line, recorded or not.
public struct ReturnsReportLoader {
    let db: PGConnection
    let dutyList: DutyList

    public init(db: PGConnection, dutyList: DutyList) {
        self.db = db
        self.dutyList = dutyList
    }

    public func load(month: Month) throws -> ReturnsReport {
        let today = Day(iso: try db.execute("SELECT \(ReportSQL.today)::text AS d").rows.first?.string("d") ?? "") ?? month.firstDay
        var recorded: [String: PGRow] = [:]
        for row in try db.execute(
            """
            SELECT kind, department, entered_by, due_on::text AS due_on, due_on_rest_day, late, source, revisions,
                   reminded_at IS NOT NULL AS reminded, figures::text AS figures,
                   to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS submitted
            FROM wage.report_returns WHERE month = $1
            """, [month.iso]).rows {
            recorded[try row.string("kind")] = row
        }
        let lines = try dutyList.reportKinds.values.sorted { $0.code < $1.code }.map { kind in
            try line(kind, recorded[kind.code], month: month, today: today)
        }
        return ReturnsReport(month: month, asOf: today, lines: lines)
    }

    private func line(_ kind: ReportKind, _ row: PGRow?, month: Month, today: Day) throws -> ReturnsReport.Line {
        let due = kind.due.dueOn(month)
        var line = ReturnsReport.Line(
            kind: kind.code, kindName: kind.nameZh, owner: kind.owner, ownerName: dutyList.ownerNameZh(kind.owner),
            enteredBy: kind.enteredBy?.rawValue, dueOn: due, dueOnRestDay: false, submittedAt: nil,
            late: kind.due.isLate(month, submittedOn: nil, today: today), figures: [], source: nil, revisions: 0, reminded: false)
        guard let row else {
            line.dueOnRestDay = try due.map { kind.due.fallsOnRestDay(month, calendar: try calendar(around: $0)) } ?? false
            return line
        }
        line.dueOnRestDay = try row.bool("due_on_rest_day")
        line.submittedAt = try row.optionalString("submitted")
        line.late = try row.bool("late")
        line.source = try row.optionalString("source")
        line.revisions = try row.int("revisions")
        line.reminded = try row.bool("reminded")
        line.enteredBy = try row.optionalString("entered_by")
        if let text = try row.optionalString("figures"), let object = (try? JSONValue.parse(Array(text.utf8)))?.objectValue {
            line.figures = kind.figures.map { ($0.key, object[$0.key].map(Self.text) ?? "") }
        }
        return line
    }

    /// The working-day calendar as far as `day` goes (its row in `wage.calendar`, if any).
    private func calendar(around day: Day) throws -> WorkingCalendar {
        let listed = try db.execute("SELECT is_workday FROM wage.calendar WHERE day = $1::date", [day.iso]).rows.first
        return WorkingCalendar(overrides: try listed.map { [day: try $0.bool("is_workday")] } ?? [:])
    }

    private static func text(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return value.serialized
    }
}
