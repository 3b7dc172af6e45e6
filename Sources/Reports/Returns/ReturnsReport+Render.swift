import Messages
import Workflow

/// `ReturnsReport` as a table, CSV (UTF-8 with a BOM, every field quoted) and JSON.
extension ReturnsReport {
    /// The column headers, in Chinese or English.
    static func headers(_ lang: ReportLanguage) -> [String] {
        lang == .zh ? ["报表", "报送单位", "截止日", "状态", "报送时间", "录入", "数据"]
                : ["kind", "department", "due on", "status", "submitted at", "entered by", "figures"]
    }

    /// One line's cells, in the order of `headers`.
    func cells(_ line: Line, _ lang: ReportLanguage) -> [String] {
        let chinese = lang == .zh
        let due = line.dueOn.map { $0.iso + (line.dueOnRestDay ? (chinese ? "（休息日）" : " (rest day)") : "") }
            ?? (chinese ? "随时" : "any time")
        let status = chinese ? line.status.zh : line.status.rawValue
        let entered = line.enteredBy.map { by in
            (chinese ? "\(lang.department(by))代录" : "by \(by)") + (line.source.map { "（\($0)）" } ?? "")
        } ?? ""
        let figures = line.figures.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            + (line.revisions > 0 ? (chinese ? "（更正\(line.revisions)次）" : " (revised \(line.revisions)×)") : "")
        return [chinese ? line.kindName : line.kind, chinese ? line.ownerName : line.owner, due, status,
                line.submittedAt ?? "", entered, figures]
    }

    /// The table, with a title and a summary line.
    public func textLines(_ lang: ReportLanguage) -> [String] {
        let chinese = lang == .zh
        let title = chinese
            ? "部门信息报送 \(month.iso)（每月10日前报送上月情况；截至 \(asOf.iso)）"
            : "Department returns \(month.iso) (due by the 10th of the next month; as of \(asOf.iso))"
        let summary = chinese
            ? "已报送 \(count(.submitted))，逾期报送 \(count(.submittedLate))，待报送 \(count(.pending))，逾期未报 \(count(.missing))"
            : "submitted \(count(.submitted)), submitted late \(count(.submittedLate)), pending \(count(.pending)), missing \(count(.missing))"
        return [title, ""] + TextWidth.table([Self.headers(lang)] + lines.map { cells($0, lang) }) + ["", summary]
    }

    /// CSV as `CSVText` writes it: a UTF-8 byte-order mark, one header line, every
    /// field quoted (RFC 4180), CRLF line ends.
    public func csv(_ lang: ReportLanguage) -> String {
        let header = Self.headers(lang) + (lang == .zh ? ["月份", "代码"] : ["month", "kind code"])
        let rows = lines.map { cells($0, lang) + [month.iso, $0.kind] }
        return CSVText.document(header: header, rows: rows)
    }

    public var json: JSONValue {
        .object([
            "month": .string(month.iso), "as_of": .day(asOf),
            "returns": .array(lines.map { line in
                .compact([
                    "kind": .string(line.kind), "kind_name": .string(line.kindName), "department": .string(line.owner),
                    "department_name": .string(line.ownerName), "entered_by": line.enteredBy.map(JSONValue.string),
                    "due_on": line.dueOn.map(JSONValue.day), "due_on_rest_day": .bool(line.dueOnRestDay),
                    "status": .string(line.status.rawValue), "submitted_at": line.submittedAt.map(JSONValue.string),
                    "late": .bool(line.late), "source": line.source.map(JSONValue.string), "revisions": .int(line.revisions),
                    "reminded": .bool(line.reminded),
                    "figures": .object(Dictionary(uniqueKeysWithValues: line.figures.map { ($0.key, JSONValue.string($0.value)) })),
                ])
            }),
        ])
    }
}
