import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// What the office refuses (CONTRACT §5): the refusal is recorded in
/// wage.rejections (rejected_by hrss), the original is dead-lettered by the router
/// with x-wage-reason, and the case does not change.
final class CaseRefusalTests: XCTestCase {
    var h: Harness!
    var mail: Mailbox!

    override func setUp() async throws {
        h = try Harness()
        mail = Mailbox(h)
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice(clock: TestClock(shanghaiNoonOf: .on("2026-03-02")))
    }

    override func tearDown() async throws { await h.shutdown() }

    /// Waits for the refusal of `id` and its dead letter; checks both carry `reason`.
    func assertRefused(_ id: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try h.waitForRejection(id, file: file, line: line), reason, file: file, line: line)
        let dead = try mail.wait("wage.dead", file: file, line: line) { $0.properties.messageID == id }
        XCTAssertEqual(dead.count, 1, file: file, line: line)
        XCTAssertEqual(dead.first?.header("x-wage-reason"), reason, file: file, line: line)
        XCTAssertEqual(dead.first?.header("x-wage-rejected-by"), "hrss", file: file, line: line)
    }

    func testOnlyTheAssigneeMayActOnACase() throws {
        let caseID = try h.reportClue(Harness.newID("na"), sector: .construction)
        var ids: [String] = []
        let attempts: [(Principal, String, [String: JSONValue])] = [
            (.police, "case.accept", [:]), (.transport, "case.progress", ["note": "我们来办"]),
            (.hrss, "case.resolved", ["amount_paid": "1.00", "workers_paid": 1]),
            (.petitions, "case.escalate", ["reason": "x"]), (.water, "case.return", ["reason": "x"]),
        ]
        for (sender, type, extra) in attempts {
            var body = extra
            body["case_id"] = .string(caseID)
            let id = Harness.newID("na-\(sender.rawValue)")
            ids.append(id)
            try h.publish(as: sender, type, .object(body), id: id)
        }
        for id in ids { try assertRefused(id, "not_assignee") }
        XCTAssertEqual(try h.overview(caseID, "status"), "transferred")
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred"])
        XCTAssertEqual(try h.value("SELECT sender FROM wage.rejections WHERE message_id = $1", [ids[0]]), "police")
    }

    func testCloseBeforeResolvedIsInvalidState() throws {
        let caseID = try h.reportClue(Harness.newID("early"), sector: .water)
        let close = Harness.newID("close-early")
        try h.publish(as: .hrss, "case.close", ["case_id": .string(caseID), "note": "销号"], id: close)
        try assertRefused(close, "invalid_state")
        XCTAssertEqual(try h.overview(caseID, "status"), "transferred")
        XCTAssertNil(try h.overview(caseID, "closed_at"))
        // Accepting twice is also a wrong state; a leader only for a task force or leader package.
        try h.publish(as: .water, "case.accept", ["case_id": .string(caseID)])
        try h.waitForStatus(caseID, "accepted")
        let again = Harness.newID("accept-again")
        try h.publish(as: .water, "case.accept", ["case_id": .string(caseID)], id: again)
        try assertRefused(again, "invalid_state")
        let leader = Harness.newID("leader-early")
        try h.publish(as: .hrss, "case.assign_leader",
                      ["case_id": .string(caseID), "leader": "王", "leader_department": "water"], id: leader)
        try assertRefused(leader, "invalid_state")
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred", "hrss:accepted"])
    }

    func testUnknownAndMalformedCaseIDsAreUnknownCase() throws {
        let unknown = Harness.newID("unknown")
        try h.publish(as: .housing, "case.accept", ["case_id": .string(UUID().uuidString.lowercased())], id: unknown)
        try assertRefused(unknown, "unknown_case")
        let malformed = Harness.newID("malformed")
        try h.publish(as: .housing, "case.progress", ["case_id": "C-0001", "note": "x"], id: malformed)
        try assertRefused(malformed, "unknown_case")
        let close = Harness.newID("close-unknown")
        try h.publish(as: .hrss, "case.close", ["case_id": .string(UUID().uuidString)], id: close)
        try assertRefused(close, "unknown_case")
        let notice = Harness.newID("notice-unknown")
        try h.publish(as: .hrss, "case.notice",
                      ["case_id": .string(UUID().uuidString), "event": "task_force_formed", "notify": ["hrss"]], id: notice)
        try assertRefused(notice, "unknown_case")
        // The worker is still working: a valid clue after the refusals is registered.
        _ = try h.reportClue(Harness.newID("after"))
    }
}
