import Foundation
import HTTPTypes
import Hummingbird
import Messages

/// The warnings list (`/warnings`, `/warnings.csv`, CONTRACT §8.6 欠薪预警): a
/// department sees the warnings it must act on (`department` = its own); the
/// office (hrss) every warning, with a filter by department. Filters by kind and
/// by state (open by default).
struct WarningRoutes: Sendable {
    let gate: Gate
    /// The state filter: open (default), cleared, or all.
    static let states: [String: String] = ["open": "未解除", "cleared": "已解除", "all": "全部"]

    func register(_ router: Router<ConsoleContext>) {
        router.get("/warnings") { request, context in try await self.list(request, context, csv: false) }
        router.get("/warnings.csv") { request, context in try await self.list(request, context, csv: true) }
    }

    func list(_ request: Request, _ context: ConsoleContext, csv: Bool) async throws -> Response {
        let person: Person
        switch try await gate.check(request, context) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        let office = person.department == .hrss
        let kind = chosen(request, "kind", among: ProjectLabels.warningKinds.keys)
        let department = office ? chosen(request, "department", among: Labels.departments.keys) : ""
        let given = chosen(request, "state", among: Self.states.keys)
        let state = given.isEmpty ? "open" : given
        let paging = Paging(request, size: gate.settings.pageSize)
        var conditions: [String] = []
        var params: [String] = []
        func add(_ value: String, _ condition: (String) -> String) { params.append(value); conditions.append(condition("$\(params.count)")) }
        if !office { add(person.department.rawValue) { "department = \($0)" } }
        if !department.isEmpty { add(department) { "department = \($0)" } }
        if !kind.isEmpty { add(kind) { "kind = \($0)" } }
        if state == "open" { conditions.append("cleared_at IS NULL") }
        if state == "cleared" { conditions.append("cleared_at IS NOT NULL") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(WarningRow.columns) FROM wage.warnings \(whereClause) ORDER BY raised_at DESC, warning_id DESC \(paging.limit(csv: csv))"
        let countSQL = "SELECT count(*) AS n FROM wage.warnings \(whereClause)"
        let bound = params
        let (rows, total) = try await gate.staff.connections.database(as: person.department) { db in
            (try db.query(sql, bound).map(WarningRow.init), csv ? 0 : try db.query(countSQL, bound).first?.int("n") ?? 0)
        }
        if csv { return CSVExport.response(filename: "warnings.csv", header: WarningRow.csvHeader, rows: rows.map(\.csvRow)) }
        var ctx: [String: Any] = [
            "title": "欠薪预警", "heading": office ? "全部欠薪预警" : "本部门待处置预警", "person": person.context,
            "office": office, "rows": rows.map(\.context),
            "kinds": options(ProjectLabels.warningKinds, selected: kind),
            "states": options(Self.states, selected: state),
            "departments": (["hrss"] + ProjectLabels.regulators).map { ["code": $0, "label": Labels.department($0), "selected": $0 == department] },
        ]
        ctx.merge(paging.context(total: total, query: Paging.query([("kind", kind), ("department", department), ("state", state)]))) { $1 }
        return Pages.html("warnings", ctx)
    }
}
