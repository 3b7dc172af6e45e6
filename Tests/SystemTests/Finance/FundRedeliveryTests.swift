import AMQP
import Departments
import Foundation
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// No double effect: the same message delivered again (through the router or
/// straight to the queue), a crash before COMMIT, a commit whose ack was lost,
/// and a worker stopped mid-batch and replaced.
final class FundRedeliveryTests: FundSystemTestCase {
    func entries(_ no: String, _ kind: String) throws -> String? {
        try h.value("SELECT count(*) FROM wage.fund_entries WHERE request_no = $1 AND kind = $2", [no, kind])
    }

    func testTheSameMessageTwiceHasOneEffect() throws {
        try h.startFundServices()
        let caseID = try h.makeFundCase()
        let depositID = Harness.newID("deposit")
        let cash0 = try h.fundFigures()["cash_fen"]!
        try h.deposit("70.00", id: depositID)
        try h.deliverDirect(to: .finance, from: .finance, "fund.deposit", ["amount": "70.00"], id: depositID)
        let no = Harness.newID("F"), requestID = Harness.newID("req"), decisionID = Harness.newID("decision")
        let request = Harness.fundRequest(case: caseID, no, "70.00")
        try h.publish(as: .hrss, "fund.request", request, id: requestID)
        try h.publish(as: .hrss, "fund.request", request, id: requestID)
        try h.deliverDirect(to: .finance, from: .hrss, "fund.request", request, id: requestID)
        try h.waitForFund(no, "awaiting_approval")
        for _ in 0..<2 { try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"), id: decisionID) }
        for _ in 0..<2 {
            try h.deliverDirect(to: .finance, from: .government, "fund.decision", Harness.fundDecision(no, "approved"), id: decisionID)
        }
        try h.waitForFund(no, "disbursed")
        let recoveryID = Harness.newID("recovered")
        let recovery: JSONValue = ["request_no": .string(no), "amount": "10.00"]
        for _ in 0..<3 { try h.deliverDirect(to: .finance, from: .hrss, "fund.recovered", recovery, id: recoveryID) }
        try h.waitForFund(no, "partially_recovered")
        // A sentinel behind the copies: once it is applied, every copy was consumed.
        let sentinel = Harness.newID("sentinel")
        try h.deliverDirect(to: .finance, from: .finance, "fund.deposit", ["amount": "0.01"], id: sentinel)
        try h.waitTakenByFinance(sentinel)

        XCTAssertEqual(try h.fundFigures()["cash_fen"]! - cash0, 7_000 - 7_000 + 1_000 + 1, "one deposit, one disbursement, one recovery")
        XCTAssertEqual(try entries(no, "disbursement"), "1")
        XCTAssertEqual(try entries(no, "recovery"), "1")
        XCTAssertEqual(try h.value("SELECT outstanding::text FROM wage.fund_overview WHERE request_no = $1", [no]), "60.00")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1", ["\(decisionID):%"]), "1")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = ANY($1)",
                                   [[depositID, requestID, decisionID, recoveryID]]), "0", "a redelivery is not a rejection")
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_disbursed", "fund_recovered"])
        try h.waitUntil("hrss told once") { try h.timeline(caseID, by: "hrss") == ["fund_disbursed"] }
        try h.assertLedgerConsistent()
    }

    func testACrashBeforeCommitLeavesNothingAndTheRetryPaysOnce() throws {
        try h.startRouter()
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        let decisionID = Harness.newID("decision")
        try h.startWorker(.finance) { InterruptingHandler(Workers.finance(), crashOnce: [decisionID]) }
        let caseID = try h.makeFundCase()
        try h.deposit("25.00")
        let no = Harness.newID("F")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, "25.00"))
        try h.waitForFund(no, "awaiting_approval")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"), id: decisionID)
        try h.waitForFund(no, "disbursed")
        XCTAssertEqual(try entries(no, "disbursement"), "1")
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_disbursed"], "the crashed attempt left no entry")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1", ["\(decisionID):%"]), "1")
        try h.assertLedgerConsistent()
    }

    func testACommitWhoseAckWasLostIsNotAppliedAgain() async throws {
        try h.startRouter()
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        let first = try stoppable(.finance) { Workers.finance() }
        let caseID = try h.makeFundCase()
        try h.deposit("40.00")
        let no = Harness.newID("F")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, "40.00"))
        try h.waitForFund(no, "awaiting_approval")
        await first.kill()

        // The decision waits in dept.finance; a worker takes it, commits, and dies before its ack.
        let decisionID = Harness.newID("decision")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"), id: decisionID)
        let consumer = try AMQPConsumer(url: try AMQPURL(try h.env.amqpURL(for: .finance)), queue: "dept.finance",
                                        prefetch: 1, name: "doomed-finance")
        let delivery = try XCTUnwrap(try consumer.next(timeout: 10))
        let message = try XCTUnwrap(try? InboundMessage.from(delivery).get())
        XCTAssertEqual(message.messageID, decisionID)
        let db = try PGConnection(url: try h.env.databaseURL(for: .finance), applicationName: "doomed-finance")
        let processor = MessageProcessor(handler: Workers.finance(), db: db, calendar: try CalendarStore.load(db), logger: h.logger)
        XCTAssertEqual(try processor.process(message), .acknowledged(.applied))
        consumer.close()  // no ack: the broker gives the message back
        db.close()
        XCTAssertEqual(try h.fundStatus(no), "disbursed")

        let second = try stoppable(.finance) { Workers.finance() }
        let sentinel = Harness.newID("sentinel")
        try h.publish(as: .finance, "fund.deposit", ["amount": "0.01"], id: sentinel)
        try h.waitTakenByFinance(sentinel)
        await second.kill()
        XCTAssertEqual(try h.drain("dept.finance").count, 0, "the redelivered decision was acknowledged")
        XCTAssertEqual(try entries(no, "disbursement"), "1")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1", ["\(decisionID):%"]), "1")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [decisionID]), "0")
        try h.assertLedgerConsistent()
    }
}
