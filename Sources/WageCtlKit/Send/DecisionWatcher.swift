import Duties
import Foundation
import Store
import Messages
import Workflow

/// Polls the database for what became of a published message: the router's
/// decision (`wage.routing_log`, `wage.rejections`, readable by every role), then
/// the receivers' refusals and effects.
struct DecisionWatcher {
    let db: PGConnection
    let console: Console
    var pollInterval = 0.1

    /// Waits up to `timeout` s for the router's decision.
    func awaitDecision(_ start: SendOutcome, timeout: Double, dutyList: DutyList?) throws -> SendOutcome {
        var outcome = start
        let id = outcome.draft.messageID
        let decided = try poll(timeout: timeout, waitingFor: "the router's decision") { () -> Bool in
            if let row = try db.execute(
                "SELECT recipients, duty_list_version FROM wage.routing_log WHERE message_id = $1", [id]).rows.first {
                outcome.stage = .routed
                outcome.recipients = try row.stringArray("recipients")
                outcome.dutyListVersion = try row.string("duty_list_version")
                return true
            }
            if let row = try db.execute(
                "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'router'", [id]).rows.first {
                outcome.stage = .refusedByRouter
                outcome.rejectedBy = "router"
                outcome.reason = try row.string("reason")
                outcome.explanation = explain(outcome, dutyList: dutyList)
                return true
            }
            return false
        }
        if !decided {
            outcome.stage = .noDecision
            outcome.explanation = "is wage-router running? (deploy/local/run.sh status); the message waits in router.intake and will be routed when it runs"
        }
        return outcome
    }

    /// After routing: waits up to `timeout` s for a receiver's refusal or first effect.
    func follow(_ start: SendOutcome, timeout: Double, dutyList: DutyList?) throws -> SendOutcome {
        var outcome = start
        let id = outcome.draft.messageID
        let probe = EffectProbe(db: db, draft: outcome.draft)
        let seen = try poll(timeout: timeout, waitingFor: "the receivers") { () -> Bool in
            if let row = try db.execute(
                "SELECT reason, rejected_by FROM wage.rejections WHERE message_id = $1 AND rejected_by <> 'router' ORDER BY id LIMIT 1",
                [id]).rows.first {
                outcome.stage = .refusedByWorker
                outcome.reason = try row.string("reason")
                outcome.rejectedBy = try row.string("rejected_by")
                outcome.explanation = explain(outcome, dutyList: dutyList)
                return true
            }
            outcome.effects = try probe.effects()
            return !outcome.effects.isEmpty
        }
        if !seen {
            let who = outcome.recipients.map { "worker-\($0)" }.joined(separator: ", ")
            outcome.explanation = "no effect seen yet within \(format(timeout)) (receivers work asynchronously; is \(who) running? look again with the show/list views)"
        }
        return outcome
    }

    private func explain(_ outcome: SendOutcome, dutyList: DutyList?) -> String? {
        guard let code = outcome.reason, let reason = RejectionReason(code: code) else { return nil }
        return RefusalExplanation.explain(reason, type: outcome.draft.type, sender: outcome.sender.rawValue,
                                          body: outcome.draft.body, dutyList: dutyList)
    }

    /// Calls `check` until it returns true or `timeout` passes; after a second
    /// prints a progress line on standard error.
    func poll(timeout: Double, waitingFor what: String, _ check: () throws -> Bool) throws -> Bool {
        let started = Date()
        var announced = false
        var lastDot = started
        defer { if announced { console.progress("\n") } }
        while true {
            if try check() { return true }
            let elapsed = Date().timeIntervalSince(started)
            if elapsed >= timeout { return false }
            if !announced, elapsed >= 1 {
                console.progress("waiting for \(what) (up to \(format(timeout)))")
                announced = true
            } else if announced, Date().timeIntervalSince(lastDot) >= 1 {
                console.progress(".")
                lastDot = Date()
            }
            Thread.sleep(forTimeInterval: min(pollInterval, max(0.01, timeout - elapsed)))
        }
    }

    private func format(_ seconds: Double) -> String { String(format: "%.0f s", seconds) }
}
