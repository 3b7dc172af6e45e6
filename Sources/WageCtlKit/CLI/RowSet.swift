import Reports
import Foundation
import Store
import Messages
import Workflow

/// One column of a view as `wagectl` shows it.
struct Column: Sendable {
    /// How a value is shown and what JSON type it becomes.
    enum Kind: Sendable {
        case text, int, money, bool, day, instant, textArray
        /// A jsonb column (shown compact in tables, as JSON in `--json`).
        case json
        /// Free text that may hold personal data: masked everywhere.
        case masked
        /// A person's name: all but the first character masked everywhere (`张*`).
        case personName
    }

    let key: String
    let header: String
    let kind: Kind
    /// Widest cell in a table (longer values end in `…`).
    var maxWidth = 40

    init(_ key: String, _ header: String? = nil, _ kind: Kind = .text, maxWidth: Int = 40) {
        self.key = key
        self.header = header ?? key
        self.kind = kind
        self.maxWidth = maxWidth
    }
}

/// Rows of a query with the columns to show: printed as a table or as JSON.
struct RowSet {
    let columns: [Column]
    let rows: [PGRow]

    /// The cell text of `column` in `row` (tables).
    static func cell(_ row: PGRow, _ column: Column) -> String {
        guard let raw = row[column.key] else { return "–" }
        switch column.kind {
        case .instant: return String(raw.prefix(19))
        case .bool: return raw == "t" ? "yes" : "no"
        case .textArray:
            return ((try? row.stringArray(column.key)) ?? []).joined(separator: ",")
        case .json, .masked: return Masking.text(raw)
        case .personName: return CreditPerson.masked(raw)
        default: return raw
        }
    }

    /// The JSON value of `column` in `row` (`--json`).
    static func json(_ row: PGRow, _ column: Column) -> JSONValue {
        guard let raw = row[column.key] else { return .null }
        switch column.kind {
        case .int: return Int64(raw).map { .number(String($0)) } ?? .string(raw)
        case .bool: return .bool(raw == "t")
        case .instant: return .string(rfc3339(raw))
        case .textArray: return .array(((try? row.stringArray(column.key)) ?? []).map(JSONValue.string))
        case .json: return JSONPretty.masked((try? JSONValue.parse(Array(raw.utf8))) ?? .string(raw))
        case .masked: return .string(Masking.text(raw))
        case .personName: return .string(CreditPerson.masked(raw))
        default: return .string(raw)
        }
    }

    /// PostgreSQL's `2026-11-03 10:12:13.5+08` as RFC 3339 `2026-11-03T10:12:13.5+08:00`.
    static func rfc3339(_ text: String) -> String {
        var out = text.replacingOccurrences(of: " ", with: "T", maxReplacements: 1)
        if let sign = out.lastIndex(where: { $0 == "+" || $0 == "-" }), out.distance(from: sign, to: out.endIndex) == 3 {
            out += ":00"
        }
        return out
    }

    var jsonValue: JSONValue {
        .array(rows.map { row in .object(Dictionary(uniqueKeysWithValues: columns.map { ($0.key, RowSet.json(row, $0)) })) })
    }

    /// The table as lines (header first), columns separated by two spaces.
    var tableLines: [String] {
        let cells = rows.map { row in columns.map { TextWidth.truncate(RowSet.cell(row, $0), to: $0.maxWidth) } }
        let widths = columns.indices.map { i in
            ([TextWidth.of(columns[i].header.uppercased())] + cells.map { TextWidth.of($0[i]) }).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            values.indices.map { i in i == values.count - 1 ? values[i] : TextWidth.pad(values[i], to: widths[i]) }
                .joined(separator: "  ")
        }
        return [line(columns.map { $0.header.uppercased() })] + cells.map(line)
    }

    /// Prints the rows: JSON when `json`, else a table, or `empty` when there are none.
    func print(to console: Console, json: Bool, empty: String) {
        if json { console.out(JSONPretty.render(jsonValue)); return }
        if rows.isEmpty { console.out(empty); return }
        for line in tableLines { console.out(line) }
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String, maxReplacements: Int) -> String {
        guard maxReplacements > 0, let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
