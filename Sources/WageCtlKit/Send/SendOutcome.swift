import Foundation
import Messages
import Workflow

/// A message `wagectl` is about to send.
struct Draft {
    var type: String
    var body: JSONValue
    var messageID: String
    var correlationID: String?
    /// Extra AMQP headers (e.g. `x-wage-replay-of`).
    var headers: [String: String] = [:]
    /// The exact body text to publish instead of `body` serialised (a replay
    /// sends the stored original byte for byte).
    var rawBody: String? = nil

    /// The bytes published.
    var bytes: [UInt8] { Array((rawBody ?? body.serialized).utf8) }
}

/// What happened to a sent message.
struct SendOutcome {
    enum Stage: String {
        /// Checked only (`--dry-run`): not published.
        case dryRun = "dry_run"
        /// Delivered by the router to its recipients; no receiver refused it (yet).
        case routed
        /// Refused by the router (dead-lettered with the reason).
        case refusedByRouter = "refused_by_router"
        /// Routed, then refused by a receiving worker.
        case refusedByWorker = "refused_by_worker"
        /// Published, but no decision was recorded in time.
        case noDecision = "no_decision"
    }

    /// A receiver's visible effect: a timeline entry or a row in its own table.
    struct Effect {
        var department: String
        var what: String
        var caseID: String?
        var caseNo: String?
    }

    let draft: Draft
    let sender: Principal
    var stage: Stage = .dryRun
    var recipients: [String] = []
    var dutyListVersion: String?
    var reason: String?
    var rejectedBy: String?
    var explanation: String?
    var effects: [Effect] = []
    var elapsedSeconds: Double = 0

    var json: JSONValue {
        var o: [String: JSONValue] = [
            "message_id": .string(draft.messageID), "type": .string(draft.type), "sender": .string(sender.rawValue),
            "outcome": .string(stage.rawValue), "recipients": .array(recipients.map(JSONValue.string)),
            "elapsed_ms": .number(String(Int(elapsedSeconds * 1000))),
            "effects": .array(effects.map { e in
                .object(["department": .string(e.department), "what": .string(e.what),
                         "case_id": e.caseID.map(JSONValue.string) ?? .null,
                         "case_no": e.caseNo.map(JSONValue.string) ?? .null])
            }),
        ]
        o["correlation_id"] = draft.correlationID.map(JSONValue.string) ?? .null
        o["duty_list_version"] = dutyListVersion.map(JSONValue.string) ?? .null
        o["reason"] = reason.map(JSONValue.string) ?? .null
        o["rejected_by"] = rejectedBy.map(JSONValue.string) ?? .null
        o["explanation"] = explanation.map(JSONValue.string) ?? .null
        if stage == .dryRun { o["body"] = JSONPretty.masked(draft.body) }
        return .object(o)
    }

    /// Human-readable lines.
    var lines: [String] {
        var out = ["\(draft.type) as \(sender.rawValue), message_id \(draft.messageID)"]
        let took = String(format: "%.1f s", elapsedSeconds)
        switch stage {
        case .dryRun:
            out.append("  valid: the router would deliver it to \(recipients.joined(separator: ", ")) (duty list \(dutyListVersion ?? "?")); not sent (--dry-run)")
            out.append("  body: " + Masking.text(draft.body.serialized))
        case .routed:
            out.append("  routed to \(recipients.joined(separator: ", ")) (duty list \(dutyListVersion ?? "?")) in \(took)")
        case .refusedByRouter:
            out.append("  REFUSED by the router: \(reason ?? "?")")
        case .refusedByWorker:
            out.append("  routed to \(recipients.joined(separator: ", ")), then REFUSED by \(rejectedBy ?? "?"): \(reason ?? "?")")
        case .noDecision:
            out.append("  published, but the router recorded no decision within \(took)")
        }
        if let explanation { out.append("  why: \(explanation)") }
        for e in effects {
            let onCase = e.caseNo.map { " (case \($0))" } ?? e.caseID.map { " (case \($0))" } ?? ""
            out.append("  \(e.department): \(e.what)\(onCase)")
        }
        return out
    }
}
