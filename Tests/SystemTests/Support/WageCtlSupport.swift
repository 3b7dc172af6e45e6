import ArgumentParser
import Foundation
import Runtime
import Store
import TestSupport
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// What one in-process `wagectl` command printed and how it ended.
struct WageCtlRun {
    let output: String
    let errors: String
    let error: Error?

    /// The exit status the command would have had.
    var status: Int32 {
        guard let error else { return 0 }
        if let e = error as? WageCtlError { return e.exitStatus }
        return WageCtl.exitCode(for: error).rawValue
    }

    /// The `WageCtlError` the command ended with, if any.
    var failure: WageCtlError? { error as? WageCtlError }

    /// Standard output parsed as JSON.
    func json(file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        do { return try JSONValue.parse(Array(output.utf8)) } catch {
            XCTFail("output is not JSON: \(output)", file: file, line: line)
            throw error
        }
    }
}

extension Harness {
    /// The stack.env the harness uses (`LocalStack`), passed to every command with `--stack-env`.
    static var stackEnvPath: String {
        LocalStack.current.envFile?.path ?? repoRoot.appendingPathComponent(".local/stack.env").path
    }

    /// Runs `wagectl ARGS` in-process (parse, run), capturing its output.
    func wagectl(_ arguments: [String]) -> WageCtlRun {
        let console = Console(capturing: true)
        var thrown: Error?
        Console.$current.withValue(console) {
            do {
                var command = try WageCtl.parseAsRoot(["--stack-env", Harness.stackEnvPath] + arguments)
                try command.run()
            } catch {
                thrown = error
            }
        }
        return WageCtlRun(output: console.output, errors: console.errors, error: thrown)
    }

    /// Inserts a case as admin (the office's worker is not needed) and returns (case_id, case_no).
    func insertCase(clueRef: String, status: String = "transferred", assignee: String? = "housing",
                    dueOn: String? = nil, risk: String = "medium", sector: String = "construction",
                    reporter: String = #"{"name":"张三","phone":"13812345678"}"#) throws -> (id: String, no: String) {
        let row = try XCTUnwrap(rows(
            """
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector, workers_count, amount_owed_fen,
                                    status, assignee, risk_level, due_on, reporter, resolved_at, closed_at)
            VALUES ('hotline', $1, 'platform', '某建筑劳务有限公司', $2, 12, 12500000, $3, $4, $5, $6::date, $7::jsonb,
                    CASE WHEN $3 IN ('resolved', 'closed') THEN now() END, CASE WHEN $3 = 'closed' THEN now() END)
            RETURNING case_id::text AS id, case_no
            """, [clueRef, sector, status, assignee, risk, dueOn, reporter]).first)
        return (try row.string("id"), try row.string("case_no"))
    }

    /// Appends a timeline entry as admin.
    func insertEvent(caseID: String, department: String, event: String, detail: String = "{}", messageID: String? = nil) throws {
        _ = try rows(
            "INSERT INTO wage.case_events (case_id, department, event, detail, message_id) VALUES ($1::uuid, $2, $3, $4::jsonb, $5)",
            [caseID, department, event, detail, messageID])
    }
}

/// A stand-in department part for tests: refuses its types while `refusing`,
/// otherwise records `event` on the case named in the payload.
final class ScriptedPart: HandlerPart, @unchecked Sendable {
    let types: Set<MessageType>
    let event: String
    private let lock = NSLock()
    private var refusal: RejectionReason?
    private(set) var handled: [String] = []

    init(types: Set<MessageType>, event: String = "handled_by_test") {
        self.types = types
        self.event = event
    }

    func refuse(with reason: RejectionReason?) { lock.withLock { refusal = reason } }

    var handledIDs: [String] { lock.withLock { handled } }

    func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let refusal = lock.withLock { () -> RejectionReason? in
            handled.append(message.messageID)
            return self.refusal
        }
        if let refusal { return .reject(refusal) }
        if let caseID = message.payload["case_id"]?.stringValue {
            try context.timeline(caseID: caseID, event: event, detail: ["by": .string(message.sender?.rawValue ?? "?")])
        }
        return .ack
    }
}
