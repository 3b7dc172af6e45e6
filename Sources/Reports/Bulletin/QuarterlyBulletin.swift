import Messages

/// The quarterly bulletin 《劳动保障信息简报》 of 人社局 (seed 003 二(三)5; issue 22
/// part 3): the three months' office statistics (archived figures where the month
/// is archived), the departments' returns, and the quarter's watch list.
public struct QuarterlyBulletin: Sendable {
    public var quarter: Quarter
    /// Each month's report and where its figures came from, in order.
    public var months: [(report: MonthlyReport, source: ReportArchive.Source)]
    /// The watch list of the quarter (entries on it at some time in the quarter).
    public var watch: WatchList
    /// The departments' returns section (HTML), nil when not available to the reader.
    public var returnsHTML: String?
    public var issuer: String

    public init(quarter: Quarter, months: [(report: MonthlyReport, source: ReportArchive.Source)], watch: WatchList,
                returnsHTML: String?, issuer: String) {
        self.quarter = quarter; self.months = months; self.watch = watch; self.returnsHTML = returnsHTML; self.issuer = issuer
    }

    /// The quarter's totals per department (sums of the three months; overdue as at the last month's end).
    public var departmentTotals: [MonthlyReport.Department] {
        var byCode: [String: MonthlyReport.Department] = [:]
        var order: [String] = []
        for (i, (report, _)) in months.enumerated() {
            for d in report.departments {
                if byCode[d.code] == nil { order.append(d.code) }
                var t = byCode[d.code] ?? .init(code: d.code)
                t.received += d.received; t.resolved += d.resolved; t.resolvedOnTime += d.resolvedOnTime
                t.closed += d.closed; t.recovered += d.recovered
                if i == months.count - 1 { t.overdue = d.overdue }
                byCode[d.code] = t
            }
        }
        return order.compactMap { byCode[$0] }
    }

    /// The title: 《劳动保障信息简报》（2026年第四季度）.
    public func title(_ lang: ReportLanguage) -> String {
        lang == .zh ? "《劳动保障信息简报》（\(quarter.name(.zh))）" : "Labour protection bulletin (劳动保障信息简报), \(quarter.name(.en))"
    }

    /// Summary lines for the terminal.
    public func textLines(_ lang: ReportLanguage) -> [String] {
        let zh = lang == .zh
        var out = [title(lang), ""]
        for (report, source) in months {
            let t = report.totals
            out.append(zh ? "\(report.month)：转办 \(t.received)，办结 \(t.resolved)，销号 \(t.closed)，超期 \(t.overdue)，追回工资 \(t.recovered.yuanString) 元（\(source.code)）"
                          : "\(report.month): received \(t.received), resolved \(t.resolved), closed \(t.closed), overdue \(t.overdue), recovered \(t.recovered.yuanString) (\(source.code))")
        }
        out.append(zh ? "重点关注项目清单：\(watch.entries.count) 项" : "watch list: \(watch.entries.count) entries")
        return out
    }
}
