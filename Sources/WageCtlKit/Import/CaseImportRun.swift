import AMQP
import Duties
import Foundation
import Messages
import Runtime
import Store
import Workflow

/// The work of `wagectl import cases`: local checks, publishing with confirms in
/// batches (progress on standard error), then waiting for what the office did.
struct CaseImportRun {
    let session: Session
    let sender: Principal
    let batchSize: Int
    var pollInterval = 0.2

    /// What became of one row.
    enum Outcome: Equatable {
        case valid
        case imported(caseNo: String?)
        case alreadyImported
        case refused(reason: String, by: String, explanation: String?)
        case pending

        var isFailure: Bool {
            switch self {
            case .refused, .pending: return true
            default: return false
            }
        }
        var summaryWord: String {
            switch self {
            case .valid: return "valid"
            case .imported: return "imported"
            case .alreadyImported: return "already imported"
            case .refused: return "refused"
            case .pending: return "not processed yet"
            }
        }
        var text: String {
            switch self {
            case .refused(let reason, let by, let why):
                return "refused \(by == "wagectl" ? "locally" : "by \(by)"): \(reason)" + (why.map { ": \($0)" } ?? "")
            case .pending: return "not processed yet (is worker-hrss running? look again with wagectl case list)"
            default: return summaryWord
            }
        }
    }

    struct RowResult {
        var line: Int
        var key: String
        var messageID: String?
        var outcome: Outcome

        var json: JSONValue {
            var reason: JSONValue?
            var by: JSONValue?
            var caseNo: JSONValue?
            if case .refused(let r, let b, _) = outcome { reason = .string(r); by = .string(b) }
            if case .imported(let no) = outcome { caseNo = no.map(JSONValue.string) }
            return .compact(["line": .int(line), "key": .string(key), "message_id": messageID.map(JSONValue.string),
                             "outcome": .string(outcome.summaryWord), "reason": reason, "refused_by": by,
                             "case_no": caseNo])
        }
    }

    mutating func perform(_ rows: [CaseImportCSV.Row], dryRun: Bool, timeout: Double) throws -> [RowResult] {
        let messageSender = MessageSender(session: session)
        let dutyList = try messageSender.dutyListInForce(for: sender)
        try messageSender.checkSender(type: MessageType.caseImport.rawValue, as: sender, dutyList: dutyList)
        var results: [RowResult] = []
        var drafts: [(index: Int, draft: Draft)] = []
        var firstLineOfKey: [String: Int] = [:]
        let today = Day.shanghaiToday()
        for row in rows {
            let body = CaseImportCSV.payload(row)
            var result = RowResult(line: row.line, key: row.key, messageID: nil, outcome: .valid)
            if let first = firstLineOfKey[row.key] {
                result.outcome = .refused(reason: "duplicate_row", by: "wagectl",
                                          explanation: "the same channel and clue_ref as row \(first): one case")
            } else if case .reject(let reason) = route(type: MessageType.caseImport.rawValue, sender: sender.rawValue,
                                                       body: body, dutyList: dutyList, today: today) {
                result.outcome = .refused(reason: reason.code, by: "wagectl", explanation: RefusalExplanation.explain(
                    reason, type: MessageType.caseImport.rawValue, sender: sender.rawValue, body: body, dutyList: dutyList))
            } else {
                firstLineOfKey[row.key] = row.line
                let id = CaseImportCSV.messageID(body)
                result.messageID = id
                drafts.append((results.count, Draft(type: MessageType.caseImport.rawValue, body: body, messageID: id,
                                                    correlationID: nil)))
            }
            results.append(result)
        }
        if dryRun || drafts.isEmpty { return results }
        // Rows an earlier run sent already have their outcome (the same id has its effect once).
        let before = try outcomes(of: drafts.map(\.draft.messageID)).mapValues { outcome -> Outcome in
            if case .imported = outcome { return .alreadyImported }
            return outcome
        }
        let fresh = drafts.filter { before[$0.draft.messageID] == nil }
        if !fresh.isEmpty { try publish(fresh.map(\.draft)) }
        let seen = fresh.isEmpty ? [:] : try awaitOutcomes(fresh.map(\.draft.messageID), timeout: timeout)
        for (index, draft) in drafts {
            results[index].outcome = before[draft.messageID] ?? seen[draft.messageID] ?? .pending
        }
        return results
    }

    /// Publishes in batches of `batchSize`, each confirmed by the broker.
    func publish(_ drafts: [Draft]) throws {
        let publisher = try session.publisher(for: sender)
        var sent = 0
        for start in stride(from: 0, to: drafts.count, by: batchSize) {
            let batch = drafts[start..<min(start + batchSize, drafts.count)].map { draft in
                OutgoingMessage.wage(from: sender, messageID: draft.messageID, type: draft.type, body: draft.bytes,
                                     correlationID: nil, headers: [:])
            }
            try publisher.publish(batch, timeout: 30)
            sent += batch.count
            session.console.progress("\rimport: \(sent)/\(drafts.count) rows sent")
        }
        session.console.progress("\n")
    }

    /// Waits until every id is refused or processed by the office (`outcomes(of:)`),
    /// at most `timeout` seconds, with progress on standard error.
    func awaitOutcomes(_ ids: [String], timeout: Double) throws -> [String: Outcome] {
        var outcomes: [String: Outcome] = [:]
        let started = Date()
        while true {
            outcomes.merge(try self.outcomes(of: ids.filter { outcomes[$0] == nil })) { old, _ in old }
            session.console.progress("\rimport: \(outcomes.count)/\(ids.count) rows processed")
            if outcomes.count >= ids.count || Date().timeIntervalSince(started) >= timeout { break }
            Thread.sleep(forTimeInterval: pollInterval)
        }
        session.console.progress("\n")
        return outcomes
    }

    /// What is known of each id: refused (`wage.rejections`), or processed by the
    /// office (its `wage.inbox` row), `imported` when that message recorded a case's
    /// `imported` entry, else the same case was there already. Unknown ids are left out.
    func outcomes(of ids: [String]) throws -> [String: Outcome] {
        let db = try session.database(for: sender)
        var outcomes: [String: Outcome] = [:]
        for start in stride(from: 0, to: ids.count, by: 1000) {
            let chunk = Array(ids[start..<min(start + 1000, ids.count)])
            for row in try db.execute(
                """
                SELECT DISTINCT ON (message_id) message_id, reason, rejected_by FROM wage.rejections
                WHERE message_id = ANY($1::text[]) ORDER BY message_id, at
                """, [chunk]).rows {
                outcomes[try row.string("message_id")] = .refused(reason: try row.string("reason"),
                                                                  by: try row.string("rejected_by"), explanation: nil)
            }
            for row in try db.execute(
                """
                SELECT i.message_id, e.case_no FROM wage.inbox i
                LEFT JOIN LATERAL (SELECT c.case_no FROM wage.case_timeline t JOIN wage.case_overview c USING (case_id)
                                   WHERE t.message_id = i.message_id AND t.event = 'imported' LIMIT 1) e ON true
                WHERE i.consumer = 'hrss' AND i.message_id = ANY($1::text[])
                  AND NOT EXISTS (SELECT 1 FROM wage.rejections r WHERE r.message_id = i.message_id)
                """, [chunk]).rows {
                let id = try row.string("message_id")
                outcomes[id] = try row.optionalString("case_no").map { .imported(caseNo: $0) } ?? .alreadyImported
            }
        }
        return outcomes
    }
}
