/// Terminal column widths of text: CJK and full-width characters take two
/// columns, so Chinese names line up in tables.
public enum TextWidth {
    /// The number of terminal columns `text` takes.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` cut to at most `limit` columns, ending in `…` when cut.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard of(text) > limit else { return text }
        var out = "", used = 0
        for scalar in text.unicodeScalars {
            let w = width(of: scalar)
            if used + w > limit - 1 { break }
            out.unicodeScalars.append(scalar)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `columns`.
    public static func pad(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - of(text)))
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// `rows` laid out in columns two spaces apart, each as wide as its widest cell
    /// (in terminal columns); cells of the `rightAligned` columns are right-aligned,
    /// the others left-aligned; no line ends in spaces.
    public static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { i in rows.map { i < $0.count ? of($0[i]) : 0 }.max() ?? 0 }
        return rows.map { cells in
            var line = cells.indices.map { i in
                rightAligned.contains(i) ? String(repeating: " ", count: widths[i] - of(cells[i])) + cells[i]
                                         : pad(cells[i], to: widths[i])
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
