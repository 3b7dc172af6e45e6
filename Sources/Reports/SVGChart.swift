/// Small inline SVG bar charts (no scripts, no external assets). Geometry only:
/// values are drawn with `Double`, labels are given as text by the caller.
public enum SVGChart {
    /// One coloured series of a grouped bar chart.
    public struct Series: Sendable {
        public var name: String
        public var color: String
        public var values: [Double]

        public init(name: String, color: String, values: [Double]) {
            self.name = name; self.color = color; self.values = values
        }
    }

    /// Vertical bars, one group per category, one bar per series, with a legend.
    public static func groupedBars(title: String, categories: [String], series: [Series]) -> String {
        let groupWidth = max(40.0, Double(series.count) * 16 + 16)
        let legendWidth = 60 + 110 * Double(series.count)
        let width = max(60 + groupWidth * Double(max(categories.count, 1)), legendWidth), plot = 180.0, top = 30.0
        let maxValue = max(1, series.flatMap(\.values).max() ?? 1)
        var svg = header(title: title, width: width, height: top + plot + 60)
        svg += axis(x: 50, y: top, height: plot, maxValue: maxValue, width: width - 55)
        for (c, category) in categories.enumerated() {
            let x0 = 55 + Double(c) * groupWidth
            for (s, serie) in series.enumerated() {
                let value = c < serie.values.count ? serie.values[c] : 0
                let h = plot * value / maxValue
                svg += rect(x: x0 + Double(s) * 16, y: top + plot - h, w: 14, h: h, fill: serie.color,
                            tip: "\(category) \(serie.name): \(number(value))")
            }
            svg += text(x0 + groupWidth / 2 - 8, top + plot + 16, category, anchor: "middle")
        }
        for (s, serie) in series.enumerated() {
            let x = 55 + Double(s) * 110
            svg += rect(x: x, y: top + plot + 34, w: 12, h: 12, fill: serie.color, tip: serie.name)
            svg += text(x + 16, top + plot + 45, serie.name, anchor: "start")
        }
        return svg + "</svg>"
    }

    /// Horizontal bars with a label on the left and the value text on the right.
    public static func horizontalBars(title: String, items: [(label: String, value: Double, shown: String)],
                               color: String = "#2f6f9f") -> String {
        let row = 26.0, top = 30.0, labelWidth = 130.0, barWidth = 360.0
        let maxValue = max(1e-9, items.map(\.value).max() ?? 1)
        var svg = header(title: title, width: labelWidth + barWidth + 140, height: top + row * Double(max(items.count, 1)) + 10)
        for (i, item) in items.enumerated() {
            let y = top + Double(i) * row
            let w = barWidth * max(0, item.value) / maxValue
            svg += text(labelWidth - 8, y + 15, item.label, anchor: "end")
            svg += rect(x: labelWidth, y: y + 3, w: w, h: 16, fill: color, tip: "\(item.label): \(item.shown)")
            svg += text(labelWidth + w + 6, y + 15, item.shown, anchor: "start")
        }
        return svg + "</svg>"
    }

    private static func header(title: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(HTML.escape(title))\">"
            + "<title>\(HTML.escape(title))</title>" + text(4, 18, title, anchor: "start", weight: "bold")
    }

    private static func axis(x: Double, y: Double, height: Double, maxValue: Double, width: Double) -> String {
        var out = "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x)\" y2=\"\(y + height)\" stroke=\"#888\"/>"
        out += "<line x1=\"\(x)\" y1=\"\(y + height)\" x2=\"\(x + width)\" y2=\"\(y + height)\" stroke=\"#888\"/>"
        out += text(x - 4, y + 4, number(maxValue), anchor: "end")
        out += text(x - 4, y + height, "0", anchor: "end")
        return out
    }

    private static func rect(x: Double, y: Double, w: Double, h: Double, fill: String, tip: String) -> String {
        "<rect x=\"\(r(x))\" y=\"\(r(y))\" width=\"\(r(w))\" height=\"\(r(h))\" fill=\"\(fill)\"><title>\(HTML.escape(tip))</title></rect>"
    }

    private static func text(_ x: Double, _ y: Double, _ s: String, anchor: String, weight: String = "normal") -> String {
        "<text x=\"\(r(x))\" y=\"\(r(y))\" font-size=\"12\" font-family=\"sans-serif\" text-anchor=\"\(anchor)\" font-weight=\"\(weight)\">\(HTML.escape(s))</text>"
    }

    private static func r(_ v: Double) -> String { String(Double(Int(v * 10)) / 10) }

    private static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(Double(Int(v * 100)) / 100)
    }
}

/// HTML text escaping.
public enum HTML {
    /// `s` with `& < > " '` escaped for text and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
