import Duties
import Foundation
import Store
import Messages
import Workflow

/// Sends an import's messages: checks each as the router would, publishes them with
/// confirms (progress on standard error), then waits for the router's decisions and,
/// for `follow` seconds, for the office to apply or refuse each one.
struct ImportSender {
    let session: Session
    let sender: Principal
    let options: ImportOptions
    /// The table whose `message_id` column shows a message applied (`roster`, `payrolls`).
    let appliedIn: String

    /// What became of each message.
    struct Result {
        var routed: [String] = []
        var refusals: [ImportRefusal] = []
        /// The messages refused, locally or by a receiver.
        var refused: Set<String> = []
        var applied: Set<String> = []
        var undecided: [String] = []
    }

    func send(_ batches: [ImportBatch]) throws -> Result {
        let messageSender = MessageSender(session: session)
        let dutyList = try messageSender.dutyListInForce(for: sender)
        guard let type = batches.first?.type.rawValue else { return Result() }
        try messageSender.checkSender(type: type, as: sender, dutyList: dutyList)
        var result = Result()
        var published: [ImportBatch] = []
        let total = batches.reduce(0) { $0 + $1.lines.count }
        var rows = 0
        for (n, batch) in batches.enumerated() {
            let draft = Draft(type: batch.type.rawValue, body: batch.body, messageID: batch.messageID, correlationID: nil,
                              headers: options.headers)
            if case .reject(let reason) = try messageSender.decision(draft, as: sender, dutyList: dutyList) {
                let why = RefusalExplanation.explain(reason, type: draft.type, sender: sender.rawValue, body: draft.body,
                                                     dutyList: dutyList)
                result.refusals.append(ImportRefusal(lines: batch.lines, column: nil, reason: reason.code, path: nil,
                                                     detail: "\(batch.label): refused locally, not sent: \(why)"))
                result.refused.insert(batch.messageID)
                continue
            }
            try messageSender.publish(draft, as: sender)
            published.append(batch)
            rows += batch.lines.count
            session.console.err("sent \(n + 1)/\(batches.count) messages (\(rows)/\(total) rows): \(batch.label)")
        }
        try collect(published, into: &result)
        return result
    }

    /// Polls the router's decisions, then the office's effects and refusals.
    private func collect(_ batches: [ImportBatch], into result: inout Result) throws {
        guard !batches.isEmpty else { return }
        let db = try session.database(for: sender)
        let watcher = DecisionWatcher(db: db, console: session.console)
        let byID = Dictionary(batches.map { ($0.messageID, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = batches.map(\.messageID)
        var decided: [String: String] = [:]  // id → "routed" or the refusal reason
        var refusedBy: [String: (by: String, reason: String)] = [:]
        _ = try watcher.poll(timeout: options.waits.decision, waitingFor: "the router's decisions") { () -> Bool in
            for row in try db.execute("SELECT message_id FROM wage.routing_log WHERE message_id = ANY($1::text[])", [ids]).rows {
                decided[try row.string("message_id")] = "routed"
            }
            for row in try db.execute("SELECT message_id, reason, rejected_by FROM wage.rejections WHERE message_id = ANY($1::text[])",
                                      [ids]).rows {
                refusedBy[try row.string("message_id")] = (try row.string("rejected_by"), try row.string("reason"))
                if try row.string("rejected_by") == "router" { decided[try row.string("message_id")] = "refused" }
            }
            return decided.count == ids.count
        }
        result.routed = ids.filter { decided[$0] == "routed" }
        result.undecided = ids.filter { decided[$0] == nil }
        if options.waits.follow > 0, !result.routed.isEmpty {
            let routed = result.routed
            _ = try watcher.poll(timeout: options.waits.follow, waitingFor: "the office") { () -> Bool in
                for row in try db.execute(
                    "SELECT DISTINCT message_id FROM wage.\(appliedIn) WHERE message_id = ANY($1::text[])", [routed]).rows {
                    result.applied.insert(try row.string("message_id"))
                }
                for row in try db.execute(
                    "SELECT message_id, reason, rejected_by FROM wage.rejections WHERE message_id = ANY($1::text[])", [routed]).rows {
                    refusedBy[try row.string("message_id")] = (try row.string("rejected_by"), try row.string("reason"))
                }
                return routed.allSatisfy { result.applied.contains($0) || refusedBy[$0] != nil }
            }
        }
        for id in ids {
            guard let refusal = refusedBy[id], let batch = byID[id], !result.applied.contains(id) else { continue }
            result.refusals.append(ImportRefusal(lines: batch.lines, column: nil, reason: refusal.reason, path: nil,
                                                 detail: "\(batch.label): refused by \(refusal.by)"))
            result.refused.insert(id)
        }
    }
}
