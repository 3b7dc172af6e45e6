/// The monthly report as one self-contained HTML page (inline CSS and SVG charts,
/// print CSS for A4), with the issuing office's name (`IssuingOffice`).
extension MonthlyReport {
    /// In English, issued by the default office.
    public var html: String { html(.en, issuer: IssuingOffice.defaultName) }

    /// The page in `lang`, issued by `issuer`; `note` (e.g. "reprinted from the
    /// archive of …") is printed under the title when given.
    public func html(_ lang: ReportLanguage, issuer: String, note: String? = nil) -> String {
        let w = ReportWords(lang)
        var body = "<p class=\"issuer\">\(HTML.escape(issuer))</p>"
        body += lang == .zh ? "<h1>\(HTML.escape(w.title(month)))</h1>"
                            : "<h1>\(HTML.escape(w.title(month))) <small>信息互通制度 (seed 003)</small></h1>"
        body += "<p class=\"meta\">\(HTML.escape(w.period(self)))</p>"
        if let note { body += "<p class=\"note\">\(HTML.escape(note))</p>" }
        body += sectionsHTML(lang)
        return ReportStyle.head(title: w.title(month), lang: lang) + body + "\n</body></html>\n"
    }

    /// The body without the page around it: tables and charts (the console and
    /// the quarterly bulletin embed it).
    public func sectionsHTML(_ lang: ReportLanguage, headingLevel: Int = 2) -> String {
        let w = ReportWords(lang)
        let h = "h\(headingLevel)"
        var body = "<\(h)>\(HTML.escape(w.casesByDepartment))</\(h)><table class=\"departments\"><thead><tr>"
            + w.departmentColumns.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
        let rows = departmentRows(lang)
        for (i, cells) in rows.enumerated() {
            let cls = i == rows.count - 1 ? " class=\"total\"" : ""
            body += "<tr\(cls)>" + cells.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        body += "</table>" + charts(lang)
        for (title, pairs) in sections(lang) {
            body += "<\(h)>\(HTML.escape(title))</\(h)>"
            guard let pairs else { body += "<p>\(HTML.escape(w.notVisible(compiledBy)))</p>"; continue }
            body += "<table>" + pairs.map { "<tr><th>\(HTML.escape($0.0))</th><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table>"
        }
        return body
    }

    /// The inline SVG charts of the month.
    public func charts(_ lang: ReportLanguage) -> String {
        let w = ReportWords(lang)
        let names = departments.map { lang.department($0.code) }
        let colors = ["#4c78a8", "#54a24b", "#72b7b2", "#e45756"]
        let values: [[Double]] = [departments.map { Double($0.received) }, departments.map { Double($0.resolved) },
                                  departments.map { Double($0.closed) }, departments.map { Double($0.overdue) }]
        var body = "<figure>" + SVGChart.groupedBars(
            title: w.casesByDepartment, categories: names,
            series: (0..<4).map { SVGChart.Series(name: w.series[$0], color: colors[$0], values: values[$0]) }) + "</figure>"
        body += "<figure>" + SVGChart.horizontalBars(
            title: w.recoveredByDepartment,
            items: departments.map { (lang.department($0.code), Double($0.recovered.fen), $0.recovered.yuanString) }, color: "#54a24b") + "</figure>"
        body += "<figure>" + SVGChart.horizontalBars(
            title: w.onTimeRate,
            items: departments.filter { $0.resolved > 0 }.map { (lang.department($0.code), $0.onTimeRate ?? 0, ReportFormat.percent($0.onTimeRate)) },
            color: "#4c78a8") + "</figure>"
        if let f = fund {
            body += "<figure>" + SVGChart.horizontalBars(title: w.fundChart, items: [
                (w.metric("advanced"), Double(f.advanced.fen), f.advanced.yuanString),
                (w.metric("recovered"), Double(f.recovered.fen), f.recovered.yuanString),
                (w.metric("written off"), Double(f.writtenOff.fen), f.writtenOff.yuanString),
                (lang == .zh ? "待追回" : "outstanding", Double(f.outstanding.fen), f.outstanding.yuanString)], color: "#f58518") + "</figure>"
        }
        if let l = legalAid {
            body += "<figure>" + SVGChart.horizontalBars(title: w.legalAidChart, items: [
                (lang == .zh ? "申请" : "received", Double(l.received), "\(l.received)"),
                (lang == .zh ? "当日指派" : "same day", Double(l.assignedSameDay), "\(l.assignedSameDay) (\(ReportFormat.percent(l.sameDayRate)))")],
                color: "#b279a2") + "</figure>"
        }
        return body
    }
}
