import Messages
import Workflow

/// The monthly report as a table, as CSV (long format), and as JSON.
extension MonthlyReport {
    /// Lines of the human-readable report.
    public var textLines: [String] {
        var out = ["Monthly report \(month) (信息互通制度, seed 003): \(firstDay.iso) to \(endDay.adding(days: -1).iso), overdue as of \(asOf.iso), compiled as \(compiledBy)", ""]
        let header = ["department", "received", "resolved", "closed", "overdue", "on-time rate", "recovered (yuan)"]
        let rows = (departments + [totals]).map { d in
            [d.code, "\(d.received)", "\(d.resolved)", "\(d.closed)", "\(d.overdue)", ReportFormat.percent(d.onTimeRate), d.recovered.yuanString]
        }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(TextWidth.of).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.indices.map { i in i == 0 ? TextWidth.pad(cells[i], to: widths[i])
                                            : String(repeating: " ", count: widths[i] - TextWidth.of(cells[i])) + cells[i] }
                .joined(separator: "  ")
        }
        out.append(line(header.map { $0.uppercased() }))
        out += rows.map(line)
        out.append("")
        for (title, pairs) in sections {
            guard let pairs else { out.append("\(title): not visible to \(compiledBy)"); continue }
            out.append("\(title): " + pairs.map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
        return out
    }

    /// The non-department sections as (title, [(metric, value)]), nil when not visible.
    public var sections: [(String, [(String, String)]?)] {
        [
            ("fund", fund.map { f in [("requests", "\(f.requests)"), ("rejected", "\(f.rejected)"),
                                      ("advanced", f.advanced.yuanString), ("recovered", f.recovered.yuanString),
                                      ("written off", f.writtenOff.yuanString), ("outstanding at month end", f.outstanding.yuanString)] }),
            ("referrals", referrals.map { r in [("submitted", "\(r.submitted)"), ("incomplete", "\(r.incomplete)"),
                                                ("filed", "\(r.filed)"), ("not filed", "\(r.notFiled)"), ("measures", "\(r.measures)"),
                                                ("awaiting decision", "\(r.pending)"), ("of which overdue", "\(r.pendingOverdue)")] }),
            ("legal aid", legalAid.map { l in [("wage-arrears applications", "\(l.received)"), ("assigned same day", "\(l.assignedSameDay)"),
                                               ("same-day rate", ReportFormat.percent(l.sameDayRate)), ("waiting", "\(l.waiting)")] }),
            ("petitions", petitions.map { p in [("received", "\(p.received)"), ("wage related", "\(p.wageRelated)"),
                                                ("collective visits", "\(p.collective)")] }),
            ("resolved by disposition", dispositions.map { ($0.0.rawValue, "\($0.1)") }),
        ]
    }

    /// CSV in long format: `section,department,metric,value` (one header line).
    public var csv: String {
        var lines = ["section,department,metric,value"]
        for d in departments + [totals] {
            for (metric, value) in [("received", "\(d.received)"), ("resolved", "\(d.resolved)"), ("closed", "\(d.closed)"),
                                    ("overdue", "\(d.overdue)"), ("resolved_on_time", "\(d.resolvedOnTime)"),
                                    ("on_time_rate", d.onTimeRate.map { String(format3($0)) } ?? ""),
                                    ("recovered_yuan", d.recovered.yuanString)] {
                lines.append("cases,\(d.code),\(metric),\(value)")
            }
        }
        for (title, pairs) in sections {
            for (metric, value) in pairs ?? [("not_visible", "")] {
                lines.append("\(Self.snake(title)),,\(Self.snake(metric)),\(value)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `written off` → `written_off` (CSV and JSON keys).
    static func snake(_ label: String) -> String { String(label.map { $0 == " " ? "_" : $0 }) }

    /// A rate with 3 decimals without Foundation formatting (e.g. `0.667`).
    private func format3(_ rate: Double) -> String {
        let thousandths = Int((rate * 1000).rounded())
        let frac = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    public var json: JSONValue {
        var o: [String: JSONValue] = [
            "month": .string(month), "as_of": .string(asOf.iso), "compiled_by": .string(compiledBy),
            "departments": .array((departments + [totals]).map { d in
                .compact(["department": .string(d.code), "received": .int(d.received), "resolved": .int(d.resolved),
                          "resolved_on_time": .int(d.resolvedOnTime), "closed": .int(d.closed), "overdue": .int(d.overdue),
                          "on_time_rate": d.onTimeRate.map { .number(format3($0)) }, "recovered": .money(d.recovered)])
            }),
        ]
        for (title, pairs) in sections {
            o[Self.snake(title)] = pairs.map { .object(Dictionary(uniqueKeysWithValues: $0.map {
                (Self.snake($0.0), JSONValue.string($0.1)) })) } ?? .null
        }
        return .object(o)
    }
}
