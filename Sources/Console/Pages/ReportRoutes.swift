import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Reports
import Workflow

/// 月度报表 (`/reports/monthly?month=YYYY-MM`, `/reports/monthly.csv`): the monthly
/// report of seed 003 with its SVG charts, in Chinese, read with the person's
/// department's own role (`MonthlyReportLoader`); allowed by `ReportAccess`,
/// refused (403, audited) to others. An archived month (`wage.report_snapshots`)
/// shows its archived figures; the page never archives.
struct ReportRoutes: Sendable {
    let gate: Gate

    func register(_ router: Router<ConsoleContext>) {
        router.get("/reports/monthly") { request, context in try await self.monthly(request, context, csv: false) }
        router.get("/reports/monthly.csv") { request, context in try await self.monthly(request, context, csv: true) }
    }

    func monthly(_ request: Request, _ context: ConsoleContext, csv: Bool) async throws -> Response {
        let person: Person
        switch try await gate.check(request, context) {
        case .response(let r): return r
        case .person(let p): person = p
        }
        guard ReportAccess.allows(person.member) else {
            await gate.staff.audit("forbidden_report", outcome: "refused", login: person.member.login,
                                   department: person.department, address: context.address, subject: request.uri.path)
            return Pages.message(status: .forbidden, heading: "无权查看", text: "月度报表仅供人社局和人民政府审批人员查看。",
                                 person: person)
        }
        let given = request.uri.queryParameters.get("month") ?? ""
        let month = MonthlyReport.bounds(of: given) == nil ? Self.previousMonth(of: .shanghaiToday()) : given
        let who = person.department.rawValue
        // An archived month shows its archived figures; viewing a page never archives.
        let (report, source, issuer) = try await gate.staff.connections.database(as: person.department) { db in
            let (report, source) = try MonthlyReportMaker(db: db).make(month: month, compiledBy: who, madeBy: who,
                                                                      today: .shanghaiToday(), fresh: false, mayArchive: false)
            return (report, source, try IssuingOffice.name(db: db))
        }
        if csv {
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                                   .contentDisposition: "attachment; filename=\"monthly-\(month).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: report.csv(.zh))))
        }
        let words = ReportWords(.zh)
        let ctx: [String: Any] = [
            "title": "月度报表", "heading": words.title(month), "person": person.context, "month": month,
            "issuer": issuer, "period": words.period(report), "body": report.sectionsHTML(.zh),
            "note": source.note(.zh) ?? "",
        ]
        return Pages.html("report_monthly", ctx)
    }

    /// `YYYY-MM` of the month before `day`.
    static func previousMonth(of day: Day) -> String {
        String(Day(year: day.year, month: day.month, day: 1)!.adding(days: -1).iso.prefix(7))
    }
}
