import AMQP
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Refusals around the fund: decisions only from government (the router),
/// requests only for known cases, decisions only on requests awaiting approval,
/// request numbers used once. Worker refusals are recorded and dead-lettered.
final class FundRefusalTests: FundSystemTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try h.startFundServices()
    }

    func awaiting(_ amount: String = "50.00") throws -> (String, String) {
        let caseID = try h.makeFundCase()
        try h.deposit(amount)
        let no = Harness.newID("F")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, amount))
        try h.waitForFund(no, "awaiting_approval")
        return (caseID, no)
    }

    func testOnlyTheGovernmentMayDecide() throws {
        let (_, no) = try awaiting()
        for sender in [Principal.hrss, .finance, .platform] {
            let id = Harness.newID("decision-\(sender.rawValue)")
            try h.publish(as: sender, "fund.decision", Harness.fundDecision(no, "approved"), id: id)
            let (reason, by) = try h.refusal(of: id)
            XCTAssertEqual(reason, "forbidden_sender", "\(sender)")
            XCTAssertEqual(by, "router")
        }
        XCTAssertEqual(try h.fundStatus(no), "awaiting_approval", "no forbidden decision reached finance")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.fund_entries WHERE request_no = $1", [no]), "0")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"))
        try h.waitForFund(no, "disbursed")
    }

    func testARequestForAnUnknownCaseIsRefused() throws {
        try h.deposit("10.00")
        for caseID in [UUID().uuidString.lowercased(), "not-a-case-id"] {
            let no = Harness.newID("F"), id = Harness.newID("req")
            try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, "1.00"), id: id)
            let (reason, by) = try h.refusal(of: id)
            XCTAssertEqual(reason, "unknown_case", caseID)
            XCTAssertEqual(by, "finance")
            XCTAssertNil(try h.fundStatus(no))
        }
    }

    func testDecisionsOnRequestsNotAwaitingApprovalAreInvalidState() throws {
        let (caseID, no) = try awaiting("80.00")
        let unknown = Harness.newID("decision-unknown")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(Harness.newID("F-none"), "approved"), id: unknown)
        XCTAssertEqual(try h.refusal(of: unknown).0, "invalid_state")

        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"))
        try h.waitForFund(no, "disbursed")
        let again = Harness.newID("decision-again"), reverse = Harness.newID("decision-reverse")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"), id: again)
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "rejected"), id: reverse)
        XCTAssertEqual(try h.refusal(of: again).0, "invalid_state")
        XCTAssertEqual(try h.refusal(of: reverse).0, "invalid_state")
        XCTAssertEqual(try h.fundStatus(no), "disbursed")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.fund_entries WHERE request_no = $1", [no]), "1",
                       "a second approval under a new id does not pay twice")
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_disbursed"])

        // The refused original is dead-lettered with the worker's reason.
        try h.waitUntil("dead letter of \(again)") {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", ["\(again):rejected:finance"]) == "1"
        }
        let dead = try h.drain("wage.dead").filter { $0.properties.messageID == again }
        XCTAssertEqual(dead.count, 1)
        XCTAssertEqual(dead.first?.properties.headers["x-wage-reason"], .string("invalid_state"))
        XCTAssertEqual(dead.first?.properties.headers["x-wage-rejected-by"], .string("finance"))
    }

    func testARequestNumberIsUsedOnce() throws {
        let (caseID, no) = try awaiting("30.00")
        let before = try h.fundFigures()
        let second = Harness.newID("req-second")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, "30.00"), id: second)
        XCTAssertEqual(try h.refusal(of: second).0, "invalid_state")
        XCTAssertEqual(try h.fundFigures(), before, "not reserved twice")
    }
}
