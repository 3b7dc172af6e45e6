import Foundation

/// A CSV file with a header row (RFC 4180: `,` separated, `"` quoted with `""` for
/// a quote, quoted cells may hold commas and line ends; CRLF or LF; an optional
/// UTF-8 BOM, as spreadsheets write it). Blank lines are skipped.
struct CSVTable: Equatable {
    /// One data record: the line it starts on (the header is line 1) and its cells by column.
    struct Record: Equatable {
        let line: Int
        let cells: [String: String]

        /// The cell of `column`, trimmed; `nil` when absent or empty.
        func text(_ column: String) -> String? {
            guard let value = cells[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
    }

    /// A file that is not such a table.
    struct FormatError: Error, Equatable, CustomStringConvertible {
        let line: Int
        let problem: String
        var description: String { "line \(line): \(problem)" }
    }

    let header: [String]
    let records: [Record]

    /// Parses `text`; `required` columns must be in the header; columns outside
    /// `known` are reported in `ignored` (and left out of the records).
    static func parse(_ text: String, required: [String], known: [String]) throws(FormatError) -> (table: CSVTable, ignored: [String]) {
        let rows = try split(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let first = rows.first else { throw FormatError(line: 1, problem: "the file is empty: expected a header row") }
        let header = first.cells.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var seen = Set<String>()
        for name in header where !name.isEmpty && !seen.insert(name).inserted {
            throw FormatError(line: first.line, problem: "column \(name) appears twice in the header")
        }
        if let missing = required.first(where: { !seen.contains($0) }) {
            throw FormatError(line: first.line, problem: "the header has no column \(missing) (required: \(required.joined(separator: ",")))")
        }
        let ignored = header.filter { !$0.isEmpty && !known.contains($0) }
        var records: [Record] = []
        for row in rows.dropFirst() {
            guard row.cells.count <= header.count else {
                throw FormatError(line: row.line, problem: "\(row.cells.count) cells but the header has \(header.count) columns")
            }
            var cells: [String: String] = [:]
            for (index, value) in row.cells.enumerated() where known.contains(header[index]) { cells[header[index]] = value }
            records.append(Record(line: row.line, cells: cells))
        }
        return (CSVTable(header: header, records: records), ignored)
    }

    /// The file's records as cells, each with the line it starts on; blank lines left out.
    static func split(_ text: String) throws(FormatError) -> [(line: Int, cells: [String])] {
        var rows: [(line: Int, cells: [String])] = []
        var cells: [String] = [], cell = ""
        var line = 1, start = 1
        var quoted = false, wasQuoted = false, afterQuote = false
        func endRow() {
            cells.append(cell)
            if !(cells.count == 1 && cell.trimmingCharacters(in: .whitespaces).isEmpty && !wasQuoted) { rows.append((start, cells)) }
            cells = []; cell = ""; wasQuoted = false; afterQuote = false
        }
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.unicodeScalars.append("\""); continue }
                        pending = next
                    }
                    quoted = false; afterQuote = true
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where cell.trimmingCharacters(in: .whitespaces).isEmpty && !afterQuote:
                cell = ""; quoted = true; wasQuoted = true
            case ",":
                cells.append(cell); cell = ""; afterQuote = false
            case "\r":
                continue
            case "\n":
                endRow(); line += 1; start = line
            default:
                if afterQuote && c != " " {
                    throw FormatError(line: line, problem: "text after a closing quote (write \"\" for a quote inside a quoted cell)")
                }
                if !afterQuote { cell.unicodeScalars.append(c) }
            }
        }
        if quoted { throw FormatError(line: start, problem: "a quoted cell is not closed") }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRow() }
        return rows
    }
}
