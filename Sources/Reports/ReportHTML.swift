/// The monthly report as one self-contained HTML page (inline CSS and SVG charts).
extension MonthlyReport {
    public var html: String {
        let all = departments + [totals]
        var body = "<h1>Monthly report \(HTML.escape(month)) <small>信息互通制度 (seed 003)</small></h1>"
        body += "<p>\(firstDay.iso) to \(endDay.adding(days: -1).iso); overdue as of \(asOf.iso); compiled as \(HTML.escape(compiledBy)).</p>"
        body += "<h2>Cases by department</h2><table><tr><th>department</th><th>received</th><th>resolved</th><th>closed</th>"
            + "<th>overdue</th><th>on-time rate</th><th>recovered (yuan)</th></tr>"
        for d in all {
            let cls = d.code == "total" ? " class=\"total\"" : ""
            body += "<tr\(cls)><td>\(HTML.escape(d.code))</td><td>\(d.received)</td><td>\(d.resolved)</td><td>\(d.closed)</td>"
                + "<td>\(d.overdue)</td><td>\(ReportFormat.percent(d.onTimeRate))</td><td>\(d.recovered.yuanString)</td></tr>"
        }
        body += "</table>"
        body += "<figure>" + SVGChart.groupedBars(
            title: "Cases by department", categories: departments.map(\.code),
            series: [.init(name: "received", color: "#4c78a8", values: departments.map { Double($0.received) }),
                     .init(name: "resolved", color: "#54a24b", values: departments.map { Double($0.resolved) }),
                     .init(name: "closed", color: "#72b7b2", values: departments.map { Double($0.closed) }),
                     .init(name: "overdue", color: "#e45756", values: departments.map { Double($0.overdue) })]) + "</figure>"
        body += "<figure>" + SVGChart.horizontalBars(
            title: "Wages recovered by department (yuan)",
            items: departments.map { ($0.code, Double($0.recovered.fen), $0.recovered.yuanString) }, color: "#54a24b") + "</figure>"
        body += "<figure>" + SVGChart.horizontalBars(
            title: "On-time rate of resolved cases",
            items: departments.filter { $0.resolved > 0 }.map { ($0.code, $0.onTimeRate ?? 0, ReportFormat.percent($0.onTimeRate)) },
            color: "#4c78a8") + "</figure>"
        if let f = fund {
            body += "<figure>" + SVGChart.horizontalBars(title: "Emergency fund (yuan)", items: [
                ("advanced", Double(f.advanced.fen), f.advanced.yuanString), ("recovered", Double(f.recovered.fen), f.recovered.yuanString),
                ("written off", Double(f.writtenOff.fen), f.writtenOff.yuanString),
                ("outstanding", Double(f.outstanding.fen), f.outstanding.yuanString)], color: "#f58518") + "</figure>"
        }
        if let l = legalAid {
            body += "<figure>" + SVGChart.horizontalBars(title: "Legal aid: wage-arrears applications", items: [
                ("received", Double(l.received), "\(l.received)"),
                ("same day", Double(l.assignedSameDay), "\(l.assignedSameDay) (\(ReportFormat.percent(l.sameDayRate)))")],
                color: "#b279a2") + "</figure>"
        }
        for (title, pairs) in sections {
            body += "<h2>\(HTML.escape(title))</h2>"
            guard let pairs else { body += "<p>not visible to \(HTML.escape(compiledBy))</p>"; continue }
            body += "<table>" + pairs.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table>"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>Monthly report \(HTML.escape(month))</title>
            <style>
            body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
            th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
            tr.total td{font-weight:bold;background:#f4f4f4}figure{margin:1.5em 0}small{color:#666;font-weight:normal}
            </style></head><body>
            \(body)
            </body></html>

            """
    }
}
