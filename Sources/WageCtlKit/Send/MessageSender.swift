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
        switch try decision(draft, as: sender, dutyList: dutyList) {
        case .deliver(let recipients, let version): return (recipients.map(\.rawValue), version)
        case .deadLetter(_, let version): return (["wage.dead"], version)
        case .reject(let reason):
            throw refusal(reason, type: draft.type, as: sender, body: draft.body, dutyList: dutyList)
        }
    }

    /// The router's decision on `draft` sent by `sender`, computed here (properties,
    /// type, sender, schema, recipients, the project's regulator from the ledger).
    func decision(_ draft: Draft, as sender: Principal, dutyList: DutyList) throws -> RoutingDecision {
        let size = draft.bytes.count
        let decision: RoutingDecision
        if let problem = checkProperties(messageID: draft.messageID, type: draft.type, userID: sender.rawValue,
                                         contentType: "application/json", bodySize: size) {
            decision = .reject(problem)
        } else {
            let actorIsValid = draft.headers[actorHeader].map(isValidActor) ?? true
            let db = try session.database(for: sender)
            decision = route(type: draft.type, sender: sender.rawValue, body: draft.body, dutyList: dutyList,
                             actorIsValid: actorIsValid, projects: { ProjectLookup.sector(of: $0, db: db) })
        }
        return decision
    }

    /// The duty list in force, read with `sender`'s own login.
    func dutyListInForce(for sender: Principal) throws -> DutyList {
        try DutyListSource.inForce(db: try session.database(for: sender), console: session.console)
    }

    /// The router's first two checks (CONTRACT §7.8): a known type, a sender allowed
    /// to send it (a project's regulator is judged with the payload, in `check`).
    func checkSender(type: String, as sender: Principal, dutyList: DutyList) throws {
        guard let messageType = MessageType(rawValue: type), let duty = dutyList.duty(for: messageType) else {
            throw refusal(.unknownType, type: type, as: sender, body: .object([:]), dutyList: dutyList)
        }
        guard duty.senders.contains(sender) || (duty.regulatorMaySend && dutyList.regulatesProjects(sender)) else {
            throw refusal(.forbiddenSender, type: type, as: sender, body: .object([:]), dutyList: dutyList)
        }
    }

    /// The local refusal of a message the router would refuse with `reason`.
    func refusal(_ reason: RejectionReason, type: String, as sender: Principal, body: JSONValue,
                 dutyList: DutyList) -> WageCtlError {
        let why = RefusalExplanation.explain(reason, type: type, sender: sender.rawValue, body: body, dutyList: dutyList)
        return WageCtlError(.refusedLocally, "refused locally, not sent: \(reason.code): \(why)",
                            hint: "the router would refuse it the same way (duty list \(dutyList.version)); fix the options and try again")
    }

    /// Checks, publishes and waits. `dryRun` stops after the check. `dutyList`: the
    /// list in force when the caller already read it.
    func send(_ draft: Draft, as sender: Principal, waits: Waits, dryRun: Bool,
              dutyList given: DutyList? = nil) throws -> SendOutcome {
        let db = try session.database(for: sender)
        let dutyList = try given ?? DutyListSource.inForce(db: db, console: session.console)
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
