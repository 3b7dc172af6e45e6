import Messages

/// The watch list as a table, CSV (`CSVText`), JSON and an HTML section, in English
/// (codes) or Chinese (the names staff use).
extension WatchList {
    /// Column names.
    public static func columns(_ lang: ReportLanguage) -> [String] {
        lang == .zh ? ["类别", "编号", "名称", "责任部门", "风险", "状态", "人数", "欠薪金额（元）", "说明", "列入", "移出"]
                    : ["kind", "subject", "name", "department", "risk", "status", "workers", "amount_owed", "detail", "since", "until"]
    }

    /// Statuses other than a case's, as the watch list shows them.
    static let zhStatuses: [String: String] = [
        "active": "在建", "completed": "已完工", "received": "已登记", "reported": "已报送", "replied": "已答复",
        "listed": "在册", "expired": "已期满", "removed_early": "提前移出", "withdrawn": "已撤销",
    ]

    /// One entry's cells in `lang`.
    public static func cells(_ e: Entry, _ lang: ReportLanguage) -> [String] {
        let zh = lang == .zh
        let status = e.status.map { zh ? (zhStatuses[$0] ?? StaffNames.status($0)) : $0 } ?? ""
        return [e.kind.name(lang), e.subject, e.name ?? "", e.department.map(lang.department) ?? "",
                e.riskLevel.map { lang.risk($0) } ?? "", status, e.workersCount.map(String.init) ?? "",
                e.amountOwed?.yuanString ?? "", detail(e, lang), e.since.iso, e.until?.iso ?? ""]
    }

    /// The detail column: warning kinds, members and petitions named in Chinese.
    static func detail(_ e: Entry, _ lang: ReportLanguage) -> String {
        guard let d = e.detail, !d.isEmpty else { return "" }
        guard lang == .zh else { return d }
        switch e.kind {
        case .projectWarning: return StaffNames.warningKinds[d] ?? d
        case .taskForce: return "专班：" + d.split(separator: ",").map { StaffNames.department(String($0)) }.joined(separator: "、")
        case .leaderPackage: return "包案领导：" + d
        case .collectiveVisit: return d == "incident_alert" ? "公安群体性事件预警" : "信访集体访"
        case .listedEmployer: return "依据案件 \(d) 件"
        case .highRisk: return d
        }
    }

    /// Lines of the table: a heading, then per kind its count and its entries.
    public func textLines(_ lang: ReportLanguage) -> [String] {
        let zh = lang == .zh
        var out = [zh ? "\(month.prefix(4))年\(month.suffix(2))月重点关注项目清单：\(entries.count) 项"
                      : "Watch list \(month) (重点关注项目清单): \(entries.count) entries", ""]
        let header = Self.columns(lang).dropFirst().map { zh ? $0 : $0.uppercased() }
        for (kind, n) in counts {
            out.append("\(kind.name(lang)) (\(n))")
            let rows = entries(kind).map { Array(Self.cells($0, lang).dropFirst()) }
            guard !rows.isEmpty else { out.append(""); continue }
            out += TextWidth.table([Array(header)] + rows).map { "  " + $0 }
            out.append("")
        }
        return out
    }

    /// CSV: one line per entry (BOM, every field quoted).
    public func csv(_ lang: ReportLanguage) -> String {
        CSVText.document(header: Self.columns(lang), rows: entries.map { Self.cells($0, lang) })
    }

    public var json: JSONValue {
        .object(["month": .string(month),
                 "counts": .object(Dictionary(uniqueKeysWithValues: counts.map { ($0.0.rawValue, JSONValue.int($0.1)) })),
                 "entries": .array(entries.map { e in
                     .compact(["kind": .string(e.kind.rawValue), "subject": .string(e.subject), "name": e.name.map(JSONValue.string),
                               "department": e.department.map(JSONValue.string), "risk_level": e.riskLevel.map(JSONValue.string),
                               "status": e.status.map(JSONValue.string), "workers_count": e.workersCount.map(JSONValue.int),
                               "amount_owed": e.amountOwed.map(JSONValue.money), "detail": e.detail.map(JSONValue.string),
                               "since": .day(e.since), "until": e.until.map(JSONValue.day), "open_at_end": .bool(e.openAtEnd)])
                 })])
    }

    /// An HTML section: a chart of the counts and one table per kind with entries.
    public func htmlSection(_ lang: ReportLanguage, headingLevel: Int = 2) -> String {
        let h = "h\(headingLevel)", zh = lang == .zh
        var body = "<figure>" + SVGChart.horizontalBars(
            title: zh ? "重点关注项目清单（项）" : "Watch list (entries)",
            items: counts.map { ($0.0.name(lang), Double($0.1), "\($0.1)") }, color: "#e45756") + "</figure>"
        for (kind, n) in counts where n > 0 {
            body += "<\(h)>\(HTML.escape(kind.name(lang)))（\(n)）</\(h)><table class=\"watch\"><thead><tr>"
                + Self.columns(lang).dropFirst().map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
            for e in entries(kind) {
                body += "<tr>" + Self.cells(e, lang).dropFirst().map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
            }
            body += "</table>"
        }
        return body
    }
}
