import Messages
import Workflow

/// The monthly report as a table, as CSV (long format), and as JSON. The table
/// and the CSV are printed in English (codes, as before) or Chinese (`ReportWords`).
extension MonthlyReport {
    /// Lines of the human-readable report, in English.
    public var textLines: [String] { textLines(.en) }

    /// Lines of the human-readable report in `lang`.
    public func textLines(_ lang: ReportLanguage) -> [String] {
        let words = ReportWords(lang)
        var out = [words.textHeading(self), ""]
        let header = lang == .zh ? words.departmentColumns : words.departmentColumns.map { $0.uppercased() }
        let rows = departmentRows(lang)
        out += TextWidth.table([header] + rows, rightAligned: Set(header.indices.dropFirst()))
        out.append("")
        let separator = lang == .zh ? "：" : ": "
        for (title, pairs) in sections(lang) {
            guard let pairs else { out.append(title + separator + words.notVisible(compiledBy)); continue }
            out.append(title + separator + pairs.map { "\($0.0) \($0.1)" }.joined(separator: lang == .zh ? "，" : ", "))
        }
        return out
    }

    /// One row per department and the total: name, received, resolved, closed, overdue, rate, recovered.
    public func departmentRows(_ lang: ReportLanguage) -> [[String]] {
        (departments + [totals]).map { d in
            [lang.department(d.code), "\(d.received)", "\(d.resolved)", "\(d.closed)", "\(d.overdue)",
             ReportFormat.percent(d.onTimeRate), d.recovered.yuanString]
        }
    }

    /// The non-department sections as (title, [(metric, value)]), in English, nil when not visible.
    public var sections: [(String, [(String, String)]?)] { sections(.en) }

    /// The non-department sections in `lang`.
    public func sections(_ lang: ReportLanguage) -> [(String, [(String, String)]?)] {
        let w = ReportWords(lang)
        func named(_ pairs: [(String, String)]) -> [(String, String)] { pairs.map { (w.metric($0.0), $0.1) } }
        return [
            (w.fund, fund.map { f in named([("requests", "\(f.requests)"), ("rejected", "\(f.rejected)"),
                                            ("advanced", f.advanced.yuanString), ("recovered", f.recovered.yuanString),
                                            ("written off", f.writtenOff.yuanString), ("outstanding at month end", f.outstanding.yuanString)]) }),
            (w.referrals, referrals.map { r in named([("submitted", "\(r.submitted)"), ("incomplete", "\(r.incomplete)"),
                                                      ("filed", "\(r.filed)"), ("not filed", "\(r.notFiled)"), ("measures", "\(r.measures)"),
                                                      ("awaiting decision", "\(r.pending)"), ("of which overdue", "\(r.pendingOverdue)")]) }),
            (w.legalAid, legalAid.map { l in named([("wage-arrears applications", "\(l.received)"), ("assigned same day", "\(l.assignedSameDay)"),
                                                    ("same-day rate", ReportFormat.percent(l.sameDayRate)), ("waiting", "\(l.waiting)")]) }),
            (w.petitions, petitions.map { p in named([("received", "\(p.received)"), ("wage related", "\(p.wageRelated)"),
                                                      ("collective visits", "\(p.collective)")]) }),
            (w.dispositions, dispositions.map { (lang.disposition($0.0.rawValue), "\($0.1)") }),
        ]
    }

    /// CSV in English (`CSVText`: BOM, quoted): `section,department,metric,value`.
    public var csv: String { csv(.en) }

    /// CSV in long format, one header line: `section,department,metric,value`
    /// (English: codes, as keys for scripts) or `栏目,部门,指标,数值` (Chinese names).
    public func csv(_ lang: ReportLanguage) -> String {
        let zh = lang == .zh
        let w = ReportWords(lang)
        var rows: [[String]] = []
        for d in departments + [totals] {
            for (metric, value) in [("received", "\(d.received)"), ("resolved", "\(d.resolved)"), ("closed", "\(d.closed)"),
                                    ("overdue", "\(d.overdue)"), ("resolved_on_time", "\(d.resolvedOnTime)"),
                                    ("on_time_rate", d.onTimeRate.map { String(format3($0)) } ?? ""),
                                    ("recovered_yuan", d.recovered.yuanString)] {
                let name = zh ? (metric == "received" ? "转办" : w.metric(metric)) : metric
                rows.append([zh ? w.metric("cases") : "cases", lang.department(d.code), name, value])
            }
        }
        for (title, pairs) in sections(lang) {
            for (metric, value) in pairs ?? [(w.metric("not_visible"), "")] {
                rows.append([zh ? title : Self.snake(title), "", zh ? metric : Self.snake(metric), value])
            }
        }
        let header = zh ? ["栏目", "部门", "指标", "数值"] : ["section", "department", "metric", "value"]
        return CSVText.document(header: header, rows: rows)
    }

    /// `written off` → `written_off` (CSV and JSON keys).
    static func snake(_ label: String) -> String { String(label.map { $0 == " " ? "_" : $0 }) }

    /// A rate with 3 decimals without Foundation formatting (e.g. `0.667`).
    func format3(_ rate: Double) -> String {
        let thousandths = Int((rate * 1000).rounded())
        let frac = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }
}
