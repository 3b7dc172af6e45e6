import Messages
/// One row of a calendar file: `day,is_workday,note`.
public struct CalendarRow: Sendable, Hashable {
    public var day: Day
    public var isWorkday: Bool
    /// Free text (may contain spaces, commas and Chinese); `nil` when empty.
    public var note: String?

    public init(day: Day, isWorkday: Bool, note: String? = nil) {
        self.day = day
        self.isWorkday = isWorkday
        self.note = note
    }
}

/// The parser for calendar CSV files such as `deploy/calendar/CN-2026.csv`.
///
/// Format: a header line `day,is_workday,note`, then one row per listed day.
/// `day` is ISO `YYYY-MM-DD`; `is_workday` is `true`/`false` (also `t`/`f`, `1`/`0`,
/// any case); `note` is everything after the second comma (optionally wrapped in
/// double quotes, `""` inside meaning `"`). Blank lines, a UTF-8 BOM and CRLF line
/// ends are tolerated. A day listed twice is an error.
public enum CalendarCSV {
    /// The expected header.
    public static let header = "day,is_workday,note"

    /// Why a file could not be read; `line` is 1-based (the header is line 1).
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Problem: String, Sendable, Hashable {
            case missingHeader = "missing or wrong header"
            case tooFewColumns = "expected day,is_workday,note"
            case badDay = "day is not an ISO date"
            case badFlag = "is_workday is not true/false"
            case duplicateDay = "day listed twice"
        }

        public var line: Int
        public var problem: Problem

        public init(line: Int, problem: Problem) {
            self.line = line
            self.problem = problem
        }

        public var description: String { "line \(line): \(problem.rawValue)" }
    }

    /// Parses the whole file.
    public static func parse(_ text: String) throws(ParseError) -> [CalendarRow] {
        // "\r\n" is one Character in Swift, and a newline like "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let head = lines.first, head.trimmingSpaces == header else {
            throw ParseError(line: 1, problem: .missingHeader)
        }
        var rows: [CalendarRow] = []
        var seen: Set<Day> = []
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingSpaces.isEmpty {
            let row = try parseRow(line, lineNumber: index + 1)
            guard seen.insert(row.day).inserted else { throw ParseError(line: index + 1, problem: .duplicateDay) }
            rows.append(row)
        }
        return rows
    }

    /// Parses the whole file straight into a calendar.
    public static func calendar(_ text: String) throws(ParseError) -> WorkingCalendar {
        WorkingCalendar(rows: try parse(text))
    }

    static func parseRow(_ line: Substring, lineNumber: Int) throws(ParseError) -> CalendarRow {
        let parts = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { throw ParseError(line: lineNumber, problem: .tooFewColumns) }
        guard let day = Day(iso: parts[0].trimmingSpaces) else { throw ParseError(line: lineNumber, problem: .badDay) }
        guard let flag = parseFlag(parts[1].trimmingSpaces) else { throw ParseError(line: lineNumber, problem: .badFlag) }
        let note = parts.count == 3 ? unquote(parts[2].trimmingSpaces) : ""
        return CalendarRow(day: day, isWorkday: flag, note: note.isEmpty ? nil : note)
    }

    static func parseFlag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "t", "1": return true
        case "false", "f", "0": return false
        default: return nil
        }
    }

    static func unquote(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences("\"\"", with: "\"")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}

extension String {
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
