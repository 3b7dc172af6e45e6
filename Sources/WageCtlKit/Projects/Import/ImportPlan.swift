import Foundation
import Messages
import Workflow

/// One message an import sends, with the CSV lines it carries.
struct ImportBatch: Equatable {
    let type: MessageType
    /// What it holds, for progress and refusals (`P-2026-001 workers 1-500`).
    let label: String
    let body: JSONValue
    /// The CSV line of each worker or payroll line, in message order.
    let lines: [Int]
    /// Deterministic: the same file (and `--batch`) gives the same id, so a re-run is
    /// deduplicated by the receivers' inboxes; a changed message gets a new id.
    let messageID: String

    init(type: MessageType, key: String, label: String, body: JSONValue, lines: [Int], batch: String) {
        self.type = type
        self.label = label
        self.body = body
        self.lines = lines
        self.messageID = ImportBatch.messageID(type: type, key: key, body: body, batch: batch)
    }

    /// `<type>/<key>/<16 hex digits of the body and batch>` (at most 128 characters).
    static func messageID(type: MessageType, key: String, body: JSONValue, batch: String) -> String {
        let digest = StableHash.hex(body.serialized + "\u{1F}" + batch)
        let room = maxMessageIDLength - type.rawValue.count - digest.count - 2
        return "\(type.rawValue)/\(String(key.prefix(max(0, room))))/\(digest)"
    }

    /// CONTRACT §2: `message_id` is 1 to 128 characters.
    static let maxMessageIDLength = 128
}

/// A CSV row or group that will not be sent, and why.
struct ImportRefusal: Equatable {
    /// The CSV lines concerned (one row, or every row of a refused group).
    let lines: [Int]
    /// The CSV column at fault, when one is.
    let column: String?
    /// The router's reason, relative to the row: `schema:<column>` (or `schema:lines` for a group).
    let reason: String
    /// The path in the message the catalogue named, when the catalogue found it (`workers[3].name`).
    let path: String?
    /// Plain words for the operator.
    let detail: String

    /// One line for standard error: `line 7: schema:entered_on: …`.
    var text: String {
        let at = lines.count == 1 ? "line \(lines[0])" : "lines \(ImportRefusal.ranges(lines))"
        return "\(at): \(reason): \(detail)" + (path.map { " (\($0))" } ?? "")
    }

    var json: JSONValue {
        .compact(["lines": .array(lines.map(JSONValue.int)), "column": column.map(JSONValue.string),
                  "reason": .string(reason), "path": path.map(JSONValue.string), "detail": .string(detail)])
    }

    /// `2-4,7` for [2, 3, 4, 7].
    static func ranges(_ lines: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        let sorted = lines.sorted()
        while i < sorted.count {
            var j = i
            while j + 1 < sorted.count, sorted[j + 1] == sorted[j] + 1 { j += 1 }
            parts.append(i == j ? "\(sorted[i])" : "\(sorted[i])-\(sorted[j])")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}

/// What an import will do: the messages to send and what is refused locally.
struct ImportPlan: Equatable {
    var batches: [ImportBatch] = []
    var refusals: [ImportRefusal] = []
    /// Data rows read.
    var rows = 0

    /// The CSV lines that will be sent.
    var sentLines: Int { batches.reduce(0) { $0 + $1.lines.count } }
}

/// A cell that does not hold a valid value, as the router would name it: `schema:<column>`.
struct CellProblem: Error, Equatable {
    let column: String
    let detail: String
}

/// The catalogue's verdict on a built message, mapped back to CSV lines.
enum CatalogueCheck {
    /// `nil` when `message` passes `validate(_:today:)`; else the problem's path, the
    /// index of the array element it names (`workers[3].name` → 3) and its column.
    static func problem<M: WireMessage>(_ message: M, today: Day) -> (path: String, index: Int?, column: String)? {
        guard let reason = M.validate(message.json, today: today) else { return nil }
        guard case .schema(let path) = reason else { return (reason.code, nil, reason.code) }
        return (path, index(in: path), column(of: path))
    }

    /// The element index of `workers[3].name`, or nil.
    static func index(in path: String) -> Int? {
        guard let open = path.firstIndex(of: "["), let close = path.firstIndex(of: "]"), open < close else { return nil }
        return Int(path[path.index(after: open)..<close])
    }

    /// The CSV column of a wire path: `workers[3].employer.name` → `employer_name`,
    /// `subcontractor.credit_code` → `subcontractor_credit_code`.
    static func column(of path: String) -> String {
        var rest = Substring(path)
        if let close = rest.firstIndex(of: "]") {
            rest = rest[rest.index(after: close)...]
            if rest.first == "." { rest = rest.dropFirst() }
        }
        return rest.isEmpty ? path : rest.replacingOccurrences(of: ".", with: "_")
    }
}
