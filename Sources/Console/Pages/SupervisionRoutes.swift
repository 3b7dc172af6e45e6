import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Store

/// The supervision list (`/supervision`, `/supervision.csv`; CONTRACT §7.3): leader
/// packages not resolved by their deadline, reported to discipline inspection
/// (报纪检监察跟踪监督). The office (hrss) sees every entry; a department those
/// whose leader is its own or whose case it handles.
struct SupervisionRoutes: Sendable {
    let gate: Gate

    func register(_ router: Router<ConsoleContext>) {
        router.get("/supervision") { request, context in try await self.list(request, context, csv: false) }
        router.get("/supervision.csv") { request, context in try await self.list(request, context, csv: true) }
    }

    static let columns = """
        s.case_id::text AS case_id, s.case_no, s.leader, s.leader_department, s.city_leader, s.due_on::text AS due_on, \
        s.listed_on::text AS listed_on, c.status, c.assignee
        """
    static let csvHeader = ["案件编号", "包案领导", "领导所在单位", "分管市领导", "包案期限", "列入日期", "案件状态", "承办部门"]

    func list(_ request: Request, _ context: ConsoleContext, csv: Bool) async throws -> Response {
        let person: Person
        switch try await gate.check(request, context) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        let office = person.department == .hrss
        let paging = Paging(request, size: gate.settings.pageSize)
        let whereClause = office ? "" : "WHERE s.leader_department = $1 OR c.assignee = $1"
        let params = office ? [] : [person.department.rawValue]
        let from = "FROM wage.supervision_list s LEFT JOIN wage.case_overview c ON c.case_id = s.case_id \(whereClause)"
        let sql = "SELECT \(Self.columns) \(from) ORDER BY s.listed_on DESC, s.case_no \(paging.limit(csv: csv))"
        let rows: [[String: String]]
        let total: Int
        (rows, total) = try await gate.staff.connections.database(as: person.department) { db in
            let rows = try db.query(sql, params).map { r -> [String: String] in
                var line: [String: String] = [:]
                for key in ["case_id", "case_no", "leader", "leader_department", "city_leader", "due_on", "listed_on",
                            "status", "assignee"] {
                    line[key] = try r.optionalString(key) ?? ""
                }
                line["leader_department"] = Labels.department(line["leader_department"].flatMap { $0.isEmpty ? nil : $0 })
                line["status"] = Labels.status(line["status"] ?? "")
                line["assignee"] = Labels.department(line["assignee"].flatMap { $0.isEmpty ? nil : $0 })
                return line
            }
            return (rows, csv ? 0 : try db.query("SELECT count(*) AS n \(from)", params).first?.int("n") ?? 0)
        }
        if csv {
            return CSVExport.response(filename: "supervision.csv", header: Self.csvHeader, rows: rows.map { r in
                ["case_no", "leader", "leader_department", "city_leader", "due_on", "listed_on", "status", "assignee"].map { r[$0] ?? "" }
            })
        }
        var ctx: [String: Any] = ["title": "纪检监督名单", "heading": "包案逾期报纪检监察跟踪监督名单", "person": person.context,
                                  "rows": rows]
        ctx.merge(paging.context(total: total, query: "")) { $1 }
        return Pages.html("supervision", ctx)
    }
}
