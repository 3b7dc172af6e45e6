import Messages

/// The CSV file `wagectl import cases` reads (docs/wagectl.md): UTF-8 (a BOM is
/// skipped), RFC 4180 (fields with commas, quotes or line breaks in double quotes,
/// `""` for a quote), a header row naming the columns in any order. An empty cell
/// is an absent field. Each row becomes one `case.import` payload (CONTRACT §7.7).
enum CaseImportCSV {
    /// The columns, as the header names them; `*` ones are required.
    static let columns = [
        "channel*", "clue_ref*", "employer_name*", "employer_credit_code", "sector*", "workers_count*",
        "amount_owed*", "reported_on*", "closed_on*", "disposition*", "amount_paid", "workers_paid", "project_no", "note",
    ]
    /// Columns holding a count (a JSON integer on the wire).
    static let integerColumns: Set<String> = ["workers_count", "workers_paid"]

    /// One data row: its line number in the file (the header is line 1) and its cells by column.
    struct Row: Sendable, Equatable {
        var line: Int
        var cells: [String: String]

        /// `channel/clue_ref` as given, to name the row in messages.
        var key: String { "\(cells["channel"] ?? "")/\(cells["clue_ref"] ?? "")" }
    }

    /// A file that cannot be read as this format.
    struct FormatError: Error, Equatable, CustomStringConvertible {
        let description: String
    }

    /// The rows of `text`; throws when the header lacks a required column or names
    /// an unknown one, or a quoted field is not closed.
    static func rows(_ text: String) throws(FormatError) -> [Row] {
        let records = try records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw FormatError(description: "the file is empty: the first line must name the columns")
        }
        let known = Set(columns.map { $0.replacingOccurrences(of: "*", with: "") })
        if let unknown = header.first(where: { !known.contains($0) }) {
            throw FormatError(description: "unknown column '\(unknown)' in the header (columns: \(columns.joined(separator: ", ")))")
        }
        for column in columns where column.hasSuffix("*") {
            let name = String(column.dropLast())
            if !header.contains(name) { throw FormatError(description: "the header lacks the required column '\(name)'") }
        }
        return records.dropFirst().compactMap { record in
            guard record.fields.contains(where: { !$0.isEmpty }) else { return nil }  // a blank line
            var cells: [String: String] = [:]
            for (name, value) in zip(header, record.fields) {
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { cells[name] = trimmed }
            }
            return Row(line: record.line, cells: cells)
        }
    }

    /// The `case.import` payload of a row, in the catalogue's wire forms. A count
    /// that is not a number is sent as text, so the router's check names the field.
    static func payload(_ row: Row) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (name, value) in row.cells where !name.hasPrefix("employer_") {
            if integerColumns.contains(name), let n = Int(value) { object[name] = .int(n) } else { object[name] = .string(value) }
        }
        if row.cells["employer_name"] != nil || row.cells["employer_credit_code"] != nil {
            object["employer"] = .compact(["name": row.cells["employer_name"].map(JSONValue.string),
                                           "credit_code": row.cells["employer_credit_code"].map(JSONValue.string)])
        }
        return .object(object)
    }

    /// The deterministic message id of a row: the same row always has the same id,
    /// so a re-run has its effect once (CONTRACT §2); a corrected row has a new one.
    static func messageID(_ body: JSONValue) -> String {
        let channel = body["channel"]?.stringValue ?? ""
        let ref = body["clue_ref"]?.stringValue ?? ""
        let content = StableHash.hex(body.serialized)
        let plain = "import:\(channel):\(ref):\(content)"
        return plain.count <= SchemaBounds.maxIDLength ? plain : "import:\(channel):h\(StableHash.hex(ref)):\(content)"
    }

    /// RFC 4180 records with the line each starts on.
    static func records(_ text: String) throws(FormatError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var chars = Array(text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                fields.append(field)
                field = ""
                if !(fields.count == 1 && fields[0].isEmpty && i == chars.count - 1) { records.append((start, fields)) }
                fields = []
                line += 1
                start = line
            } else {
                field.append(c)
            }
            i += 1
        }
        if quoted { throw FormatError(description: "line \(start): a quoted field is not closed") }
        return records
    }
}
