import Messages
import Runtime
import Store

/// One row of `wage.warnings` (CONTRACT §8.6).
struct WarningRow: Sendable {
    let warningID: Int
    let kind, department, detail, raisedAt: String
    let projectNo, creditCode, period, clearedAt: String?

    /// The columns read, as text (times in Asia/Shanghai).
    static let columns = """
        warning_id, kind, project_no, credit_code, period, department, detail::text AS detail, \
        to_char(raised_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS raised_at, \
        to_char(cleared_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS cleared_at
        """

    init(_ row: PGRow) throws {
        warningID = try row.int("warning_id")
        kind = try row.string("kind")
        projectNo = try row.optionalString("project_no")
        creditCode = try row.optionalString("credit_code")
        period = try row.optionalString("period")
        department = try row.string("department")
        detail = try row.string("detail")
        raisedAt = try row.string("raised_at")
        clearedAt = try row.optionalString("cleared_at")
    }

    /// The detail names workers, lines or figures: ID and phone numbers are masked
    /// for every viewer (a list is no place for them).
    var maskedDetail: String { PersonalDataMasking.mask(detail) }

    var context: [String: Any] {
        ["warning_id": warningID, "kind": ProjectLabels.label(ProjectLabels.warningKinds, kind), "kind_code": kind,
         "project_no": projectNo ?? "", "no_url": Paging.query([("no", projectNo ?? "")]), "has_project": projectNo != nil, "credit_code": creditCode ?? "—",
         "period": period ?? "—", "department": Labels.department(department), "detail": maskedDetail,
         "raised_at": raisedAt, "cleared_at": clearedAt ?? "", "open": clearedAt == nil]
    }

    static let csvHeader = ["预警编号", "预警类型", "项目编号", "统一社会信用代码", "期间", "责任部门", "详情", "发出时间", "解除时间"]

    var csvRow: [String] {
        [String(warningID), ProjectLabels.label(ProjectLabels.warningKinds, kind), projectNo ?? "", creditCode ?? "",
         period ?? "", Labels.department(department), maskedDetail, raisedAt, clearedAt ?? ""]
    }
}
