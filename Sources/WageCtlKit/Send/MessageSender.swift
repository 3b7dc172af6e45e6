import AMQP
import Duties
import Foundation
import Runtime
import Store
import Messages
import Workflow

/// Sends one contract message as a principal: checks it locally with the
/// router's own schema and duty list, publishes it with confirms, then waits
/// for the router's decision and watches for the receivers' first effect.
///
/// Synchronous: the C libraries block, and this runs on the command's thread.
struct MessageSender {
    let session: Session

    /// How long to wait.
    struct Waits {
        /// For the router's decision (`wage.routing_log` / `wage.rejections`).
        var decision: Double = 5
        /// After routing, for a receiver's effect or refusal (0 = do not watch).
        var follow: Double = 3
    }

    /// Checks `draft` as the router would; throws `refusedLocally` with the reason
    /// and an explanation. Returns the routing decision (recipients, version).
    func check(_ draft: Draft, as sender: Principal, dutyList: DutyList) throws -> (recipients: [String], version: String) {
        let size = draft.bytes.count
        let decision: RoutingDecision
        if let problem = checkProperties(messageID: draft.messageID, type: draft.type, userID: sender.rawValue,
                                         contentType: "application/json", bodySize: size) {
            decision = .reject(problem)
        } else {
            decision = route(type: draft.type, sender: sender.rawValue, body: draft.body, dutyList: dutyList)
        }
        switch decision {
        case .deliver(let recipients, let version): return (recipients.map(\.rawValue), version)
        case .deadLetter(_, let version): return (["wage.dead"], version)
        case .reject(let reason):
            let why = RefusalExplanation.explain(reason, type: draft.type, sender: sender.rawValue, body: draft.body,
                                                 dutyList: dutyList)
            throw WageCtlError(.refusedLocally, "refused locally, not sent: \(reason.code): \(why)",
                               hint: "the router would refuse it the same way (duty list \(dutyList.version)); fix the options and try again")
        }
    }

    /// Checks, publishes and waits. `dryRun` stops after the check.
    func send(_ draft: Draft, as sender: Principal, waits: Waits, dryRun: Bool) throws -> SendOutcome {
        let db = try session.database(for: sender)
        let dutyList = try DutyListSource.inForce(db: db, console: session.console)
        let expected = try check(draft, as: sender, dutyList: dutyList)
        var outcome = SendOutcome(draft: draft, sender: sender)
        outcome.recipients = expected.recipients
        outcome.dutyListVersion = expected.version
        if dryRun { return outcome }

        try publish(draft, as: sender)
        let started = Date()
        let watcher = DecisionWatcher(db: db, console: session.console)
        outcome = try watcher.awaitDecision(outcome, timeout: waits.decision, dutyList: dutyList)
        if outcome.stage == .routed, waits.follow > 0 {
            outcome = try watcher.follow(outcome, timeout: waits.follow, dutyList: dutyList)
        }
        outcome.elapsedSeconds = Date().timeIntervalSince(started)
        return outcome
    }

    /// Publishes `draft` as `sender` to `wage.intake` (CONTRACT §2 properties) and
    /// waits for the broker's confirm.
    func publish(_ draft: Draft, as sender: Principal) throws {
        let publisher = try session.publisher(for: sender)
        var headers: [String: AMQPFieldValue] = [:]
        for (k, v) in draft.headers { headers[k] = .string(v) }
        let message = OutgoingMessage.wage(from: sender, messageID: draft.messageID, type: draft.type,
                                           body: draft.bytes,
                                           correlationID: draft.correlationID, headers: headers)
        do {
            try publisher.publish([message], timeout: 10)
        } catch let error as AMQPError {
            switch error.kind {
            case .unroutable:
                throw WageCtlError(.failed, "the broker found no queue for \(draft.type) on wage.intake",
                                   hint: "the broker topology is missing: re-run deploy/local/stack.sh up")
            case .channelClosed, .nacked:
                throw WageCtlError(.refused, "the broker refused the message: \(error.message)",
                                   hint: "check that WAGE_AMQP_URL_\(sender.rawValue.uppercased()) logs in as \(sender.rawValue)")
            default:
                throw Session.explain(error, principal: sender)
            }
        }
    }

    /// A new message id: `wagectl-<uuid>`.
    static func newMessageID() -> String { "wagectl-" + UUID().uuidString.lowercased() }
}
