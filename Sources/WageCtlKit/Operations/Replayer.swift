import Duties
import Foundation
import Store
import Messages
import Workflow

/// Replays a dead-lettered message after a fix, as its original sender, audited.
///
/// The replay always carries a NEW message id, `<original>:replay:<n>` (n = 1, 2, …
/// counted in `wage.operator_audit`), never the original one:
/// - refused by the router: the router recorded its decision under the original
///   id and answers any later copy of that id with "already decided" (no second
///   routing), so a same-id replay would silently do nothing; no department ever
///   received the original, so a new id cannot apply anything twice;
/// - refused by a worker: the worker's inbox row for the original id was committed
///   with the refusal, so the worker would drop a same-id replay as a duplicate.
///   Other recipients of the original (e.g. the hrss copy of a case.transfer) did
///   apply it and will see the replay as new: `replay` names them and asks for
///   `--force` in that case.
/// The id is deterministic: a replay interrupted after publishing and run again
/// (the audit row was rolled back) publishes the same id, which the router dedupes.
struct Replayer {
    let session: Session
    let admin: PGConnection

    struct Request {
        var messageID: String
        var rejectedBy: String?
        var again = false
        var force = false
        var operatorName: String
    }

    struct Result {
        var draft: Draft
        var sender: Principal
        var number: Int
        var refusals: [RejectionRecord]
    }

    /// Publishes the replay (inside the audit transaction) and returns what was sent.
    func replay(_ request: Request) throws -> Result {
        let refusals = try RejectionRecord.load(messageID: request.messageID, rejectedBy: request.rejectedBy, db: admin)
        let original = try Self.checkReplayable(refusals, request: request)
        let draft0 = try draft(for: original, number: 0)
        if !request.force { try checkWithRouterRules(draft0, sender: original.senderPrincipal!, refusals: refusals) }
        return try admin.transaction { db in
            let ids = refusals.map(\.id)
            _ = try db.execute("SELECT id FROM wage.rejection_log WHERE id = ANY($1::bigint[]) FOR UPDATE", [ids.map(String.init)])
            let previous = try db.execute(
                "SELECT count(*) AS n FROM wage.operator_audit WHERE action = 'dead.replay' AND subject = $1",
                [request.messageID]).rows.first?.int("n") ?? 0
            let number = previous + 1
            let draft = try draft(for: original, number: number)
            try OperatorAudit.record("dead.replay", subject: request.messageID, operator: request.operatorName, detail: [
                "replay_message_id": .string(draft.messageID), "n": .int(number), "type": .string(draft.type),
                "sender": .string(original.sender ?? ""), "refused_by": .strings(refusals.map(\.rejectedBy)),
                "reasons": .strings(refusals.map(\.reason)), "forced": .bool(request.force),
            ], db: db)
            try db.execute("UPDATE wage.rejection_log SET replayed_at = now() WHERE id = ANY($1::bigint[])", [ids.map(String.init)])
            try MessageSender(session: session).publish(draft, as: original.senderPrincipal!)
            return Result(draft: draft, sender: original.senderPrincipal!, number: number, refusals: refusals)
        }
    }

    /// The replay's message: the original type and body text, a new id, the case as correlation.
    func draft(for original: RejectionRecord, number: Int) throws -> Draft {
        let body = (try? JSONValue.parse(Array((original.body ?? "").utf8))) ?? .object([:])
        return Draft(type: original.type ?? "", body: body, messageID: Self.replayID(original.messageID, number),
                     correlationID: body["case_id"]?.stringValue, headers: ["x-wage-replay-of": original.messageID],
                     rawBody: original.body)
    }

    /// `<original>:replay:<n>`, shortened with a hash when it would exceed 128 characters.
    static func replayID(_ original: String, _ number: Int) -> String {
        let suffix = ":replay:\(number)"
        let plain = original + suffix
        guard plain.count > maximumMessageIDLength else { return plain }
        let hash = StableHash.hex(original)
        return String(original.prefix(maximumMessageIDLength - suffix.count - 17)) + "~" + hash + suffix
    }

    static func checkReplayable(_ refusals: [RejectionRecord], request: Request) throws -> RejectionRecord {
        guard let first = refusals.first else {
            throw WageCtlError(.notFound, "no refusal of message \(request.messageID)\(request.rejectedBy.map { " by \($0)" } ?? "") is recorded",
                               hint: "wagectl --as admin dead list shows refused messages and their ids")
        }
        guard first.type != nil, first.senderPrincipal != nil, first.senderPrincipal != .router else {
            throw WageCtlError(.conflict, "message \(request.messageID) has no usable type or sender (\(first.sender ?? "none")): it cannot be replayed",
                               hint: "ask the sender to send a corrected message")
        }
        guard first.body != nil else {
            throw WageCtlError(.conflict, "the body of message \(request.messageID) was not kept (larger than 256 KiB)",
                               hint: "ask the sender (\(first.sender ?? "?")) to send it again")
        }
        if !request.again, let done = refusals.compactMap(\.replayedAt).first, refusals.allSatisfy({ $0.replayedAt != nil }) {
            throw WageCtlError(.conflict, "message \(request.messageID) was already replayed at \(done)",
                               hint: "see wagectl --as admin dead list --all; add --again to replay it once more")
        }
        return first
    }

    /// Refuses locally what the router would refuse again, and a worker refusal
    /// whose other recipients already applied the original.
    func checkWithRouterRules(_ draft: Draft, sender: Principal, refusals: [RejectionRecord]) throws {
        let list = try DutyListSource.inForce(db: admin, console: session.console)
        do {
            _ = try MessageSender(session: session).check(draft, as: sender, dutyList: list)
        } catch let error as WageCtlError where error.code == .refusedLocally {
            throw WageCtlError(.refusedLocally, "not replayed: the router would refuse it again. \(error.message)",
                               hint: "fix the cause first (e.g. wagectl duty-list load a corrected list), or add --force to replay anyway")
        }
        let refusers = Set(refusals.map(\.rejectedBy))
        guard !refusers.contains("router"), let row = try admin.execute(
            "SELECT recipients FROM wage.routing_log WHERE message_id = $1", [refusals[0].messageID]).rows.first else { return }
        let applied = try row.stringArray("recipients").filter { !refusers.contains($0) }
        if !applied.isEmpty {
            throw WageCtlError(.conflict, "not replayed: \(applied.joined(separator: ", ")) also received the original and applied it; the replay (a new message id) would reach them again",
                               hint: "make sure that is harmless for them, then add --force")
        }
    }
}
