/// The words of the monthly report in one language: headings, column names,
/// section titles and metric names. English keeps the words the report always
/// printed (scripts and tests read them); Chinese uses the office's terms.
public struct ReportWords: Sendable {
    public let lang: ReportLanguage

    public init(_ lang: ReportLanguage) { self.lang = lang }

    private func pick(_ en: String, _ zh: String) -> String { lang == .zh ? zh : en }

    /// The title: `Monthly report 2026-11` / `2026年11月根治欠薪工作月度报表`.
    public func title(_ month: String) -> String {
        lang == .zh ? "\(month.prefix(4))年\(month.suffix(2))月根治欠薪工作月度报表" : "Monthly report \(month)"
    }

    /// The columns of the department table.
    public var departmentColumns: [String] {
        lang == .zh ? ["部门", "转办", "办结", "销号", "超期", "按期办结率", "追回工资（元）"]
                    : ["department", "received", "resolved", "closed", "overdue", "on-time rate", "recovered (yuan)"]
    }

    public var casesByDepartment: String { pick("Cases by department", "各部门案件办理情况") }
    public var recoveredByDepartment: String { pick("Wages recovered by department (yuan)", "各部门追回工资（元）") }
    public var onTimeRate: String { pick("On-time rate of resolved cases", "办结案件按期率") }
    public var fundChart: String { pick("Emergency fund (yuan)", "应急周转金（元）") }
    public var legalAidChart: String { pick("Legal aid: wage-arrears applications", "法律援助：欠薪类申请") }
    /// Series names of the grouped bar chart.
    public var series: [String] { lang == .zh ? ["转办", "办结", "销号", "超期"] : ["received", "resolved", "closed", "overdue"] }

    /// The line under the title.
    public func period(_ r: MonthlyReport) -> String {
        let last = r.endDay.adding(days: -1).iso
        return lang == .zh
            ? "统计期间 \(r.firstDay.iso) 至 \(last)；超期截至 \(r.asOf.iso)；编制：\(department(r.compiledBy))。"
            : "\(r.firstDay.iso) to \(last); overdue as of \(r.asOf.iso); compiled as \(r.compiledBy)."
    }

    /// The first line of the text table.
    public func textHeading(_ r: MonthlyReport) -> String {
        let last = r.endDay.adding(days: -1).iso
        return lang == .zh
            ? "\(title(r.month))（信息互通制度）：\(r.firstDay.iso) 至 \(last)，超期截至 \(r.asOf.iso)，编制：\(department(r.compiledBy))"
            : "Monthly report \(r.month) (信息互通制度, seed 003): \(r.firstDay.iso) to \(last), overdue as of \(r.asOf.iso), compiled as \(r.compiledBy)"
    }

    /// A section the principal may not read.
    public func notVisible(_ who: String) -> String { pick("not visible to \(who)", "无权查看（\(department(who))）") }

    /// A principal or department code as this language names it (`admin` stays).
    public func department(_ code: String) -> String { code == "admin" ? code : lang.department(code) }

    // Section titles (en: the keys of the CSV and JSON).
    public var fund: String { pick("fund", "应急周转金") }
    public var referrals: String { pick("referrals", "涉嫌拒不支付劳动报酬罪移送") }
    public var legalAid: String { pick("legal aid", "法律援助") }
    public var petitions: String { pick("petitions", "信访") }
    public var dispositions: String { pick("resolved by disposition", "办结方式") }

    /// Metric names, keyed by their English name.
    public func metric(_ en: String) -> String { lang == .zh ? (Self.zhMetrics[en] ?? en) : en }

    static let zhMetrics: [String: String] = [
        "requests": "申请笔数", "rejected": "未获批准", "advanced": "垫付", "recovered": "追回", "written off": "核销",
        "outstanding at month end": "月末待追回", "submitted": "移送", "incomplete": "材料不全", "filed": "立案",
        "not filed": "不予立案", "measures": "强制措施", "awaiting decision": "待决定", "of which overdue": "其中超期",
        "wage-arrears applications": "欠薪类申请", "assigned same day": "当日指派", "same-day rate": "当日指派率",
        "waiting": "待指派", "received": "受理", "wage related": "涉及欠薪", "collective visits": "集体访",
        "resolved_on_time": "按期办结", "on_time_rate": "按期办结率", "recovered_yuan": "追回工资（元）",
        "closed": "销号", "overdue": "超期", "resolved": "办结", "cases": "案件", "not_visible": "无权查看",
    ]
}
