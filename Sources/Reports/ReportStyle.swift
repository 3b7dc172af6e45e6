/// The style sheet of the printed reports (monthly report, quarterly bulletin):
/// on screen as a page, and for print A4 with margins, colours kept
/// (`print-color-adjust: exact`, so the charts' bars and the shaded rows print),
/// tables and charts not split across pages, the header repeated.
public enum ReportStyle {
    /// The page's `<style>` content.
    public static let css = """
        body{font-family:"Noto Sans CJK SC","Noto Sans CJK",sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse;margin:1em 0}
        th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
        thead th{background:#eef2f7}tr.total td{font-weight:bold;background:#f4f4f4}figure{margin:1.5em 0}
        small{color:#666;font-weight:normal}.issuer{font-size:1.1em;letter-spacing:.1em}.meta{color:#555}
        .note{color:#a60}
        @page{size:A4;margin:15mm 12mm}
        @media print{
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        body{margin:0;font-size:10.5pt}h1{font-size:16pt}h2{font-size:13pt;break-after:avoid}
        table,figure,svg{break-inside:avoid}thead{display:table-header-group}
        svg{max-width:100%;height:auto}a{color:inherit;text-decoration:none}
        }
        """

    /// The opening of a self-contained page up to `<body>`.
    public static func head(title: String, lang: ReportLanguage) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang.htmlLang)"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
        <style>
        \(css)
        </style></head><body>
        """
    }
}
