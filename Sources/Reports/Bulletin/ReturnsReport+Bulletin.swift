import Messages

/// The departments' returns of a quarter as a section of the bulletin: a chart of
/// where the returns stand per month, then each month's table.
extension ReturnsReport {
    /// The section's HTML for the months' reports, in order.
    public static func bulletinHTML(_ reports: [ReturnsReport], _ lang: ReportLanguage) -> String {
        let zh = lang == .zh
        let statuses: [(Status, String)] = [(.submitted, "#54a24b"), (.submittedLate, "#f58518"), (.missing, "#e45756"),
                                            (.pending, "#9d9da0")]
        var body = "<figure>" + SVGChart.groupedBars(
            title: zh ? "成员单位各月报送情况（项）" : "Department returns per month",
            categories: reports.map(\.month.iso),
            series: statuses.map { status, color in
                SVGChart.Series(name: zh ? status.zh : status.rawValue, color: color,
                                values: reports.map { Double($0.count(status)) })
            }) + "</figure>"
        for report in reports {
            body += "<h3>\(HTML.escape(zh ? "\(report.month.iso)（截至 \(report.asOf.iso)）" : "\(report.month.iso) (as of \(report.asOf.iso))"))</h3>"
            body += "<table class=\"returns\"><thead><tr>"
                + headers(lang).map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
            for line in report.lines {
                body += "<tr>" + report.cells(line, lang).map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
            }
            body += "</table>"
        }
        return body
    }
}
