import Messages
import Workflow
import Yams

/// Parses the duty list's `report_bodies` and `report_kinds` sections (department
/// returns, docs/reports.md). Both are optional; a kind's owner must be a declared
/// principal or a listed body, and a body's kind names the principal entering it.
struct ReportKindParser {
    let reader: YAMLReader
    let declared: Set<Principal>

    func bodies(_ node: Node?) throws(DutyListError) -> [String: ReportBody] {
        guard let node else { return [:] }
        var out: [String: ReportBody] = [:]
        for entry in try reader.entries(node, what: "report_bodies") {
            guard Principal(rawValue: entry.key) == nil else {
                throw reader.error(.badReportKind("body \(entry.key) is a principal's code"), at: entry.keyNode)
            }
            let (zh, en) = try names(entry.value, what: "report_bodies.\(entry.key)")
            out[entry.key] = ReportBody(code: entry.key, nameZh: zh, nameEn: en)
        }
        return out
    }

    func kinds(_ node: Node?, bodies: [String: ReportBody]) throws(DutyListError) -> [String: ReportKind] {
        guard let node else { return [:] }
        var out: [String: ReportKind] = [:]
        for entry in try reader.entries(node, what: "report_kinds") {
            out[entry.key] = try kind(entry.key, entry.value, bodies: bodies)
        }
        return out
    }

    private func kind(_ code: String, _ node: Node, bodies: [String: ReportBody]) throws(DutyListError) -> ReportKind {
        let what = "report_kinds.\(code)"
        guard isValidCode(code) else { throw reader.error(.badReportKind("\(what): a code is a-z, 0-9 and _"), at: node) }
        let fields = try reader.entries(node, what: what, allowed: ["name", "owner", "entered_by", "due", "figures"],
                                        required: ["name", "owner", "due", "figures"])
        let (zh, en) = try names(try reader.value(fields, "name", of: node), what: "\(what).name")
        let ownerNode = try reader.value(fields, "owner", of: node)
        let owner = try reader.text(ownerNode, what: "\(what).owner")
        var enteredBy: Principal?
        if let principal = Principal(rawValue: owner) {
            guard declared.contains(principal) else { throw reader.error(.undeclaredSender(owner), at: ownerNode) }
            if let extra = fields["entered_by"] {
                throw reader.error(.badReportKind("\(what): entered_by is only for a body's kind"), at: extra.keyNode)
            }
        } else {
            guard bodies[owner] != nil else {
                throw reader.error(.badReportKind("\(what): owner \(owner) is neither a principal nor in report_bodies"), at: ownerNode)
            }
            guard let byNode = fields["entered_by"]?.value else {
                throw reader.error(.badReportKind("\(what): a body's kind needs entered_by"), at: node)
            }
            enteredBy = try reader.principal(byNode, what: "\(what).entered_by", declared: declared, role: .sender)
        }
        let due = try parseDue(try reader.value(fields, "due", of: node), what: "\(what).due")
        let figures = try parseFigures(try reader.value(fields, "figures", of: node), what: "\(what).figures")
        return ReportKind(code: code, nameZh: zh, nameEn: en, owner: owner, enteredBy: enteredBy, due: due, figures: figures)
    }

    /// `any_time`, or the day of the next month (1 ... 28).
    private func parseDue(_ node: Node, what: String) throws(DutyListError) -> ReturnDue {
        let text = try reader.scalar(node, what: what)
        if text == "any_time" { return .anyTime }
        guard let day = Int(text), ReturnDue.allowedDays.contains(day) else {
            throw reader.error(.badReportKind("\(what) must be any_time or a day 1...28 of the next month"), at: node)
        }
        return .dayOfNextMonth(day)
    }

    private func parseFigures(_ node: Node, what: String) throws(DutyListError) -> [ReportFigure] {
        var out: [ReportFigure] = []
        for entry in try reader.entries(node, what: what) {
            guard isValidCode(entry.key) else {
                throw reader.error(.badReportKind("\(what): key \(entry.key) is not a-z, 0-9 and _"), at: entry.keyNode)
            }
            let text = try reader.scalar(entry.value, what: "\(what).\(entry.key)")
            guard let kind = ReportFigure.Kind(rawValue: text) else {
                throw reader.error(.badReportKind("\(what).\(entry.key) must be count or amount"), at: entry.value)
            }
            out.append(ReportFigure(key: entry.key, kind: kind))
        }
        guard !out.isEmpty else { throw reader.error(.emptyList(what), at: node) }
        return out
    }

    private func names(_ node: Node, what: String) throws(DutyListError) -> (String, String) {
        let names = try reader.entries(node, what: what, allowed: ["zh", "en"], required: ["zh", "en"])
        return (try reader.text(try reader.value(names, "zh", of: node), what: "\(what).zh"),
                try reader.text(try reader.value(names, "en", of: node), what: "\(what).en"))
    }

    private func isValidCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= SchemaBounds.maxIDLength
            && code.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
