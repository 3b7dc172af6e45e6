import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Store

/// The project list (`/projects`, `/projects.csv`), the project page (`/project?no=…`)
/// and its act 记录巡查 (`POST /project/inspect`), read and sent as the person's department:
/// a regulator sees its own projects, the office (hrss) every project.
struct ProjectRoutes: Sendable {
    let gate: Gate
    let acts: ActSender

    func register(_ router: Router<ConsoleContext>) {
        router.get("/projects") { request, context in try await self.list(request, context, csv: false) }
        router.get("/projects.csv") { request, context in try await self.list(request, context, csv: true) }
        router.get("/project") { request, context in try await self.show(request, context, verdict: nil) }
        router.post("/project/inspect") { request, context in try await self.inspect(request, context) }
    }

    func list(_ request: Request, _ context: ConsoleContext, csv: Bool) async throws -> Response {
        let person: Person
        switch try await gate.check(request, context) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        let office = person.department == .hrss
        let status = chosen(request, "status", among: ProjectLabels.projectStatuses.keys)
        let deposit = chosen(request, "deposit", among: ProjectLabels.depositStatuses.keys)
        let regulator = office ? chosen(request, "regulator", among: ProjectLabels.regulators) : ""
        let warned = chosen(request, "warned", among: ["1"])
        let paging = Paging(request, size: gate.settings.pageSize)
        var conditions: [String] = []
        var params: [String] = []
        func add(_ value: String, _ condition: (String) -> String) { params.append(value); conditions.append(condition("$\(params.count)")) }
        if !office { add(person.department.rawValue) { "regulator = \($0)" } }
        if !regulator.isEmpty { add(regulator) { "regulator = \($0)" } }
        if !status.isEmpty { add(status) { "status = \($0)" } }
        if !deposit.isEmpty { add(deposit) { "deposit_status = \($0)" } }
        if !warned.isEmpty { conditions.append("open_warnings > 0") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT \(ProjectRow.columns) FROM wage.project_overview \(whereClause) ORDER BY project_no \(paging.limit(csv: csv))"
        let countSQL = "SELECT count(*) AS n FROM wage.project_overview \(whereClause)"
        let bound = params
        let (rows, total) = try await gate.staff.connections.database(as: person.department) { db in
            (try db.query(sql, bound).map(ProjectRow.init), csv ? 0 : try db.query(countSQL, bound).first?.int("n") ?? 0)
        }
        if csv { return CSVExport.response(filename: "projects.csv", header: ProjectRow.csvHeader, rows: rows.map(\.csvRow)) }
        let query = Paging.query([("status", status), ("deposit", deposit), ("regulator", regulator), ("warned", warned)])
        var ctx: [String: Any] = [
            "title": "在建项目", "heading": office ? "全部在建项目（台账）" : "本部门监管项目", "person": person.context,
            "office": office, "warned": !warned.isEmpty, "rows": rows.map(\.context),
            "statuses": options(ProjectLabels.projectStatuses, selected: status),
            "deposits": options(ProjectLabels.depositStatuses, selected: deposit),
            "regulators": ProjectLabels.regulators.map { ["code": $0, "label": Labels.department($0), "selected": $0 == regulator] },
        ]
        ctx.merge(paging.context(total: total, query: query)) { $1 }
        return Pages.html("projects", ctx)
    }

    func show(_ request: Request, _ context: ConsoleContext, verdict: Verdict?, person given: Person? = nil,
              projectNo given2: String? = nil) async throws -> Response {
        let person: Person
        if let given { person = given } else {
            switch try await gate.check(request, context) {
            case .response(let r): return r
            case .person(let p): person = p
            }
        }
        let projectNo = given2 ?? request.uri.queryParameters.get("no") ?? ""
        guard let view = try await ProjectView.load(projectNo, as: person.department, connections: gate.staff.connections) else {
            return Pages.message(status: .notFound, heading: "项目不存在", text: "没有这个项目。", person: person)
        }
        guard view.row.visible(to: person.department) else { return await forbidden(projectNo, person, context) }
        let names = try await gate.staff.displayNames(Array(Set(view.timeline.compactMap(\.actor))))
        var ctx = view.context(names: names, viewer: person.department)
        ctx["title"] = "项目 \(view.row.projectNo)"
        ctx["person"] = person.context
        ctx["csrf"] = person.csrfToken
        ctx["may_inspect"] = view.row.status == "active"
        ctx["today"] = Day.shanghaiToday().iso
        if let verdict { ctx["verdict"] = ["kind": verdict.kind, "text": verdict.text] }
        return Pages.html("project", ctx, status: verdict?.kind == "refused" ? .unprocessableContent : .ok)
    }

    func inspect(_ request: Request, _ context: ConsoleContext) async throws -> Response {
        let form = try await Form.read(request)
        let person: Person
        switch try await gate.check(request, context, form: form) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        let projectNo = form["project_no"] ?? ""
        let row = try await gate.staff.connections.database(as: person.department) { db in
            try db.query("SELECT \(ProjectRow.columns) FROM wage.project_overview WHERE project_no = $1", [projectNo])
                .first.map(ProjectRow.init)
        }
        guard let row, row.visible(to: person.department) else { return await forbidden(projectNo, person, context) }
        let sector = Sector(rawValue: row.sector)
        let verdict = await acts.dispatch(type: InspectionAct.type, payload: InspectionAct.payload(form, projectNo: projectNo),
                                          correlationID: nil, subject: ["project_no": .string(projectNo)],
                                          effect: InspectionAct.effect, person: person, address: context.address,
                                          projects: { $0 == projectNo ? sector : nil })
        return try await show(request, context, verdict: verdict, person: person, projectNo: projectNo)
    }

    /// Another regulator's project (a URL edited to it): refused, logged and audited.
    func forbidden(_ projectNo: String, _ person: Person, _ context: ConsoleContext) async -> Response {
        ConsoleLog.logger.warning("forbidden project \(projectNo) for \(person.member.login) (\(person.department.rawValue))")
        await gate.staff.audit("forbidden_project", outcome: "refused", login: person.member.login,
                               department: person.department, address: context.address, subject: projectNo)
        return Pages.message(status: .forbidden, heading: "无权查看", text: "该项目不由本部门监管。", person: person)
    }
}

/// `<option>`s of a filter, sorted by code.
func options(_ labels: [String: String], selected: String) -> [[String: Any]] {
    labels.sorted { $0.key < $1.key }.map { ["code": $0.key, "label": $0.value, "selected": $0.key == selected] }
}
