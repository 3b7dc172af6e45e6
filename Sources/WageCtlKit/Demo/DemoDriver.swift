import Foundation
import Store
import Messages
import Workflow

/// Runs the demo's steps through the running system: each step sends one
/// message as a principal (checked, published, routed) and then waits, with a
/// timeout, until its effect is visible in the views; a step that does not
/// happen stops the demo with what was expected and which worker to look at.
final class DemoDriver {
    let session: Session
    /// The office's connection: hrss may read every view the checks need.
    let db: PGConnection
    let timeout: Double
    let total: Int
    private var number = 0
    private let console: Console

    init(session: Session, timeout: Double, total: Int) throws {
        self.session = session
        self.db = try session.database(for: .hrss)
        self.timeout = timeout
        self.total = total
        self.console = session.console
    }

    /// Sends `message` (a catalogue type) as `sender`, then waits until `until` holds;
    /// returns the message id. `expect` says what should happen; `workers` who makes it happen.
    @discardableResult
    func step(_ title: String, as sender: Principal, _ message: some WireMessage,
              expect: String, workers: [String], until: () throws -> Bool) throws -> String {
        try step(title, as: sender, type(of: message).wireType, message.json, expect: expect, workers: workers, until: until)
    }

    /// Sends `body` as `sender`, then waits until `until` holds; returns the message id.
    @discardableResult
    func step(_ title: String, as sender: Principal, _ type: MessageType, _ body: JSONValue,
              expect: String, workers: [String], until: () throws -> Bool) throws -> String {
        number += 1
        let label = "[\(number < 10 && total >= 10 ? " " : "")\(number)/\(total)] \(title) (\(type.rawValue) as \(sender.rawValue))"
        let started = Date()
        let draft = Draft(type: type.rawValue, body: body, messageID: "demo-" + UUID().uuidString.lowercased(),
                          correlationID: body["case_id"]?.stringValue)
        let outcome: SendOutcome
        do {
            outcome = try MessageSender(session: session).send(draft, as: sender, waits: .init(decision: timeout, follow: 0), dryRun: false)
        } catch let error as WageCtlError {
            console.out("\(label) ... FAILED")
            throw error
        }
        switch outcome.stage {
        case .noDecision:
            console.out("\(label) ... FAILED")
            throw WageCtlError(.timeout, "step \(number) (\(title)): the router made no decision within \(Int(timeout)) s",
                               hint: "is wage-router running? deploy/local/run.sh status")
        case .refusedByRouter:
            console.out("\(label) ... FAILED")
            throw WageCtlError(.refused, "step \(number) (\(title)): the router refused it: \(outcome.reason ?? "?") (\(outcome.explanation ?? ""))")
        default: break
        }
        try wait(label: label, title: title, started: started, expect: expect, workers: workers, messageID: draft.messageID, until: until)
        return draft.messageID
    }

    /// Waits without sending (an effect of an earlier step).
    func expectation(_ title: String, expect: String, workers: [String], until: () throws -> Bool) throws {
        number += 1
        let label = "[\(number < 10 && total >= 10 ? " " : "")\(number)/\(total)] \(title)"
        try wait(label: label, title: title, started: Date(), expect: expect, workers: workers, messageID: nil, until: until)
    }

    private func wait(label: String, title: String, started: Date, expect: String, workers: [String], messageID: String?,
                      until: () throws -> Bool) throws {
        let watcher = DecisionWatcher(db: db, console: console)
        let happened = try watcher.poll(timeout: timeout, waitingFor: expect, until)
        if happened {
            console.out("\(label) ... ok (\(String(format: "%.1f", Date().timeIntervalSince(started))) s)")
            return
        }
        if let messageID, let row = try db.execute(
            "SELECT reason, rejected_by FROM wage.rejections WHERE message_id = $1 ORDER BY id LIMIT 1", [messageID]).rows.first {
            console.out("\(label) ... FAILED")
            throw WageCtlError(.refused, "step \(number) (\(title)): \(try row.string("rejected_by")) refused it: \(try row.string("reason"))",
                               hint: "wagectl --as admin dead list shows the refusal")
        }
        console.out("\(label) ... FAILED")
        let names = workers.joined(separator: ", ")
        throw WageCtlError(.timeout, "step \(number) (\(title)) did not happen within \(Int(timeout)) s: expected \(expect)",
                           hint: "is \(names) running? deploy/local/run.sh status; logs in .local/logs/\(workers.first ?? "worker-hrss").log")
    }

    /// One text value of a query on the office's connection (nil when no row or NULL).
    func value(_ sql: String, _ params: [any PGBindable] = []) throws -> String? {
        try db.execute(sql, params).rows.first.flatMap { row in row.columnNames.first.flatMap { row[$0] } }
    }
}
