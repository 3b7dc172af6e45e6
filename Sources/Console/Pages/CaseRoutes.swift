import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Store

/// The department's work list (`/cases`, `/cases.csv`) and the case page (`/cases/:id`),
/// read with the person's department's own database role.
struct CaseRoutes: Sendable {
    let gate: Gate
    let acts: ActSender

    func register(_ router: Router<ConsoleContext>) {
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/cases"]) }
        router.get("/cases") { request, context in try await self.list(request, context, csv: false) }
        router.get("/cases.csv") { request, context in try await self.list(request, context, csv: true) }
        router.get("/cases/:id") { request, context in try await self.show(request, context, verdict: nil) }
        router.post("/cases/:id/act") { request, context in try await self.act(request, context) }
    }

    static let columns = "case_id, case_no, sector, status, assignee, risk_level, due_on::text AS due_on, workers_count, amount_owed::text AS amount_owed, (due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date AND status NOT IN ('resolved', 'closed')) AS overdue"

    func list(_ request: Request, _ context: ConsoleContext, csv: Bool) async throws -> Response {
        let person: Person
        switch try await gate.check(request, context) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        let status = request.uri.queryParameters.get("status").flatMap { Labels.statuses[$0] == nil ? nil : $0 } ?? ""
        let page = max(1, request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1)
        let size = gate.settings.pageSize
        let office = person.department == .hrss
        let department = person.department.rawValue
        // The office sees every case; a department sees the cases assigned to it.
        var conditions: [String] = []
        var params: [any PGBindable] = []
        if !office { params.append(department); conditions.append("assignee = $\(params.count)") }
        if !status.isEmpty { params.append(status); conditions.append("status = $\(params.count)") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limit = csv ? "" : "LIMIT \(size) OFFSET \((page - 1) * size)"
        // `case_overview.due_on`, the date: a bare `due_on` is the output column `due_on::text`,
        // which no index orders, so every case of the department was read and sorted (issue 23).
        let sql = "SELECT \(Self.columns) FROM wage.case_overview \(whereClause) ORDER BY case_overview.due_on NULLS LAST, case_no \(limit)"
        let countSQL = "SELECT count(*) AS n FROM wage.case_overview \(whereClause)"
        let bound = params.map { $0 as! String }
        let (rows, total) = try await gate.staff.connections.database(as: person.department) { db in
            (try db.query(sql, bound).map(CaseRow.init), try db.query(countSQL, bound).first?.int("n") ?? 0)
        }
        if csv { return Self.csv(rows) }
        let pages = max(1, (total + size - 1) / size)
        var ctx: [String: Any] = [
            "title": "工作列表", "heading": office ? "全部案件（根欠办）" : "本部门承办案件", "person": person.context,
            "status": status, "total": total, "page": page, "pages": pages,
            "statuses": Labels.statuses.sorted { $0.key < $1.key }.map { ["code": $0.key, "label": $0.value, "selected": $0.key == status] },
            "rows": rows.map(\.context),
        ]
        if page > 1 { ctx["previous"] = page - 1 }
        if page < pages { ctx["next"] = page + 1 }
        return Pages.html("cases", ctx)
    }

    /// CSV with a UTF-8 BOM, so that Excel and WPS read the Chinese correctly.
    static func csv(_ rows: [CaseRow]) -> Response {
        CSVExport.response(filename: "cases.csv", header: csvHeader, rows: rows.map(csvRow))
    }

    static let csvHeader = ["案件编号", "行业", "状态", "承办部门", "风险", "办理期限", "人数", "欠薪金额（元）", "是否超期"]

    static func csvRow(_ r: CaseRow) -> [String] {
        [r.caseNo, Labels.sectors[r.sector] ?? r.sector, Labels.status(r.status), Labels.department(r.assignee),
         Labels.risks[r.risk] ?? r.risk, r.dueOn ?? "", String(r.workers), r.amountOwed, r.overdue ? "是" : "否"]
    }

    /// The CSV text: BOM, header, one line per case (quoted, formula-safe: `CSVExport`).
    static func csvText(_ rows: [CaseRow]) -> String { CSVExport.text(header: csvHeader, rows: rows.map(csvRow)) }

    func show(_ request: Request, _ context: ConsoleContext, verdict: Verdict?, person given: Person? = nil) async throws -> Response {
        let person: Person
        if let given { person = given } else {
            switch try await gate.check(request, context) {
            case .response(let r): return r
            case .person(let p): person = p
            }
        }
        let caseID = context.parameters.get("id") ?? ""
        guard let view = try await CaseView.load(caseID, as: person.department, connections: gate.staff.connections) else {
            return Pages.message(status: .notFound, heading: "案件不存在", text: "没有这个案件。", person: person)
        }
        guard view.visible(to: person.department) else {
            ConsoleLog.logger.warning("forbidden case \(caseID) for \(person.member.login) (\(person.department.rawValue))")
            await gate.staff.audit("forbidden_case", outcome: "refused", login: person.member.login,
                                   department: person.department, address: context.address, subject: caseID)
            return Pages.message(status: .forbidden, heading: "无权查看", text: "该案件不由本部门承办。", person: person)
        }
        let names = try await gate.staff.displayNames(Array(Set(view.timeline.compactMap(\.actor))))
        var ctx = view.context(names: names, viewer: person.department)
        ctx["title"] = "案件 \(view.row.caseNo)"
        ctx["person"] = person.context
        ctx["csrf"] = person.csrfToken
        ctx["may_act"] = view.row.assignee == person.department.rawValue && !["resolved", "closed"].contains(view.row.status)
        ctx["dispositions"] = Labels.dispositions.map { ["code": $0.code, "label": $0.label] }
        if let verdict { ctx["verdict"] = ["kind": verdict.kind, "text": verdict.text] }
        return Pages.html("case", ctx, status: verdict?.kind == "refused" ? .unprocessableContent : .ok)
    }

    func act(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await Form.read(request)
        let person: Person
        switch try await gate.check(request, context, form: form) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        let caseID = context.parameters.get("id") ?? ""
        guard let view = try await CaseView.load(caseID, as: person.department, connections: gate.staff.connections),
              view.visible(to: person.department) else {
            await gate.staff.audit("forbidden_case", outcome: "refused", login: person.member.login,
                                   department: person.department, address: context.address, subject: caseID)
            return Pages.message(status: .forbidden, heading: "无权办理", text: "该案件不由本部门承办。", person: person)
        }
        let verdict = await acts.send(form, caseID: caseID, person: person, address: context.address)
        return try await show(request, context, verdict: verdict, person: person)
    }
}
