import Messages

/// The bulletin as one self-contained, printable HTML page (inline CSS, SVG charts).
extension QuarterlyBulletin {
    public func html(_ lang: ReportLanguage) -> String {
        let zh = lang == .zh, w = ReportWords(lang)
        let (first, end) = quarter.bounds
        var body = "<p class=\"issuer\">\(HTML.escape(issuer))</p><h1>\(HTML.escape(title(lang)))</h1>"
        body += "<p class=\"meta\">" + HTML.escape(zh ? "统计期间 \(first.iso) 至 \(end.adding(days: -1).iso)"
                                                    : "\(first.iso) to \(end.adding(days: -1).iso)") + "</p>"
        // 一、the quarter at a glance: one row per month, then the quarter.
        body += "<h2>" + (zh ? "一、案件办理总体情况" : "1. Cases, month by month") + "</h2><table class=\"months\"><thead><tr>"
        body += ([zh ? "月份" : "month"] + w.departmentColumns.dropFirst() + [zh ? "数据来源" : "source"])
            .map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
        for (report, source) in months {
            body += "<tr>" + ([report.month] + Array(report.departmentRows(lang).last!.dropFirst()) + [sourceName(source, lang)])
                .map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        body += "</table>"
        let names = months.map(\.report.month), colors = ["#4c78a8", "#54a24b", "#72b7b2", "#e45756"]
        let series: [[Double]] = [months.map { Double($0.report.totals.received) }, months.map { Double($0.report.totals.resolved) },
                                  months.map { Double($0.report.totals.closed) }, months.map { Double($0.report.totals.overdue) }]
        body += "<figure>" + SVGChart.groupedBars(title: zh ? "各月案件办理情况" : "Cases per month", categories: names,
            series: (0..<4).map { SVGChart.Series(name: w.series[$0], color: colors[$0], values: series[$0]) }) + "</figure>"
        body += "<figure>" + SVGChart.horizontalBars(title: zh ? "各月追回工资（元）" : "Wages recovered per month (yuan)",
            items: months.map { ($0.report.month, Double($0.report.totals.recovered.fen), $0.report.totals.recovered.yuanString) },
            color: "#54a24b") + "</figure>"
        // 二、per department over the quarter.
        let totals = departmentTotals
        body += "<h2>" + (zh ? "二、各部门本季度办理情况" : "2. Per department, the quarter") + "</h2><table class=\"departments\"><thead><tr>"
            + w.departmentColumns.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>"
        for d in totals {
            body += "<tr>" + [lang.department(d.code), "\(d.received)", "\(d.resolved)", "\(d.closed)", "\(d.overdue)",
                              ReportFormat.percent(d.onTimeRate), d.recovered.yuanString].map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>"
        }
        body += "</table><figure>" + SVGChart.horizontalBars(title: w.recoveredByDepartment,
            items: totals.map { (lang.department($0.code), Double($0.recovered.fen), $0.recovered.yuanString) }, color: "#54a24b") + "</figure>"
        // 三、each month's other sections.
        body += "<h2>" + (zh ? "三、各月专项情况" : "3. Each month") + "</h2>"
        for (report, source) in months {
            body += "<h3>\(HTML.escape(zh ? "\(report.month.prefix(4))年\(report.month.suffix(2))月" : report.month))</h3>"
            if let note = source.note(lang) { body += "<p class=\"note\">\(HTML.escape(note))</p>" }
            for (title, pairs) in report.sections(lang) {
                guard let pairs else { continue }
                body += "<table><tr><th colspan=\"2\">\(HTML.escape(title))</th></tr>"
                    + pairs.map { "<tr><td>\(HTML.escape($0.0))</td><td>\(HTML.escape($0.1))</td></tr>" }.joined() + "</table>"
            }
        }
        // 四、the departments' returns; 五、the watch list.
        body += "<h2>" + (zh ? "四、成员单位信息报送情况" : "4. Department returns") + "</h2>"
        body += returnsHTML ?? "<p>\(HTML.escape(zh ? "暂无成员单位报送数据。" : "No department returns available."))</p>"
        body += "<h2>" + (zh ? "五、重点关注项目清单" : "5. Watch list") + "</h2>" + watch.htmlSection(lang, headingLevel: 3)
        return ReportStyle.head(title: title(lang), lang: lang) + body + "\n</body></html>\n"
    }

    /// Where a month's figures came from, in a word.
    func sourceName(_ source: ReportArchive.Source, _ lang: ReportLanguage) -> String {
        let zh = lang == .zh
        switch source {
        case .archive(let at, _), .archivedNow(let at, _): return zh ? "存档（\(at)）" : "archive (\(at))"
        case .computed(ArchivePolicy.monthNotEnded): return zh ? "临时数（未存档）" : "provisional"
        case .computed: return zh ? "当前数据" : "computed"
        }
    }
}
