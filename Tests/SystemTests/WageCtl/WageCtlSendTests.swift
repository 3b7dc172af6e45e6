import AMQP
import Duties
import Foundation
import Runtime
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// Sending commands through the real router: checked locally with the router's
/// schema and duty list, published as the principal with the §2 properties, and
/// answered with the router's decision and the receiver's effect or refusal.
final class WageCtlSendTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
    }

    override func tearDown() async throws { await h.shutdown() }

    func testAValidClueIsRoutedToTheOfficeAndReportedWithTheContractProperties() throws {
        try h.startRouter()
        let id = Harness.newID("cli-clue")
        let run = h.wagectl([
            "--as", "platform", "clue", "report", "--channel", "hotline", "--clue-ref", "HL-\(id)",
            "--employer-name", "某建筑劳务有限公司", "--sector", "construction", "--workers-count", "12",
            "--amount-owed", "125000.00", "--reporter-phone", "13812345678", "--message-id", id, "--follow", "0"])
        XCTAssertNil(run.error, run.errors)
        XCTAssertTrue(run.output.contains("routed to hrss (duty list 2026-2)"), run.output)
        XCTAssertEqual(try h.value("SELECT sender FROM wage.routing_log WHERE message_id = $1", [id]), "platform")
        let delivered = try h.drain("dept.hrss")
        XCTAssertEqual(delivered.count, 1)
        let p = try XCTUnwrap(delivered.first?.properties)
        XCTAssertEqual(p.messageID, id)
        XCTAssertEqual(p.type, "clue.report")
        XCTAssertEqual(p.headers["x-wage-sender"], .string("platform"), "published as platform (the router forwards with user_id router)")
        XCTAssertEqual(p.contentType, "application/json")
        XCTAssertEqual(p.deliveryMode, 2)
        let body = try JSONValue.parse(delivered[0].body)
        XCTAssertEqual(body["amount_owed"], "125000.00", "money travels as a yuan string")
        XCTAssertEqual(body["workers_count"], 12)
        XCTAssertEqual(body["employer"]?["name"], "某建筑劳务有限公司")
        XCTAssertNil(body["project"], "absent options are left out, not null")
    }

    func testACaseNumberIsResolvedAndBecomesTheCorrelationID() throws {
        try h.startRouter()
        let c = try h.insertCase(clueRef: Harness.newID("corr"))
        let run = h.wagectl(["--as", "housing", "case", "accept", "--case-id", c.no, "--follow", "0", "--json"])
        XCTAssertNil(run.error, run.errors)
        let outcome = try run.json()
        XCTAssertEqual(outcome["outcome"], "routed")
        XCTAssertEqual(outcome["recipients"], ["hrss"])
        XCTAssertEqual(outcome["correlation_id"], .string(c.id))
        let delivered = try XCTUnwrap(try h.drain("dept.hrss").first)
        XCTAssertEqual(delivered.properties.correlationID, c.id)
        XCTAssertEqual(try JSONValue.parse(delivered.body)["case_id"], .string(c.id))
    }

    func testAnInvalidAmountIsRefusedLocallyWithTheSchemaReasonAndNotPublished() throws {
        let id = Harness.newID("cli-bad")
        let run = h.wagectl([
            "--as", "platform", "clue", "report", "--channel", "hotline", "--clue-ref", "HL-\(id)",
            "--employer-name", "某公司", "--sector", "construction", "--workers-count", "12",
            "--amount-owed", "125000.001", "--message-id", id])
        XCTAssertEqual(run.failure?.code, .refusedLocally)
        XCTAssertEqual(run.status, 3)
        let message = run.failure?.message ?? ""
        XCTAssertTrue(message.contains("schema:amount_owed"), message)
        XCTAssertTrue(message.contains("--amount-owed"), "names the option to fix: \(message)")
        XCTAssertEqual(try h.drain("router.intake").count, 0, "nothing was published")
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]))
    }

    func testAMissingNestedFieldNamesItsPath() throws {
        let run = h.wagectl(["--as", "hrss", "send", "clue.report", "--json",
                             #"{"channel":"hotline","clue_ref":"x","employer":{},"sector":"construction","workers_count":3,"amount_owed":"10.00"}"#])
        XCTAssertEqual(run.failure?.code, .refusedLocally)
        XCTAssertTrue(run.failure?.message.contains("schema:employer.name: employer.name is required") ?? false, run.failure?.message ?? "")
    }

    func testAForbiddenSenderIsRefusedLocallyNamingTheAllowedOnes() throws {
        let run = h.wagectl(["--as", "housing", "fund", "decide", "--request-no", "F-1", "--decision", "approved",
                             "--approver", "王区长"])
        XCTAssertEqual(run.failure?.code, .refusedLocally)
        let message = run.failure?.message ?? ""
        XCTAssertTrue(message.contains("forbidden_sender: housing may not send fund.decision"), message)
        XCTAssertTrue(message.contains("allowed senders: government"), message)
        XCTAssertEqual(try h.drain("router.intake").count, 0)
    }

    func testAWrongTransferTargetIsRefusedLocallyAsForbiddenRecipient() throws {
        let c = try h.insertCase(clueRef: Harness.newID("to"))
        let run = h.wagectl(["--as", "hrss", "case", "transfer", "--case-id", c.id, "--sector", "construction", "--to", "water"])
        XCTAssertEqual(run.failure?.code, .refusedLocally)
        XCTAssertTrue(run.failure?.message.contains("forbidden_recipient: sector construction belongs to housing") ?? false,
                      run.failure?.message ?? "")
    }

    func testTheGenericSendConvertsFieldsByTheSchema() throws {
        try h.startRouter()
        let id = Harness.newID("generic")
        let run = h.wagectl(["--as", "finance", "send", "fund.deposit", "--field", "amount=500", "--field", "note=预算",
                             "--message-id", id, "--follow", "0", "--json-output"])
        XCTAssertNil(run.error, run.errors)
        XCTAssertEqual(try run.json()["outcome"], "routed")
        let body = try JSONValue.parse(try XCTUnwrap(try h.drain("dept.finance").first).body)
        XCTAssertEqual(body["amount"], "500", "money stays text even when it looks like a number")
    }

    func testAWorkerRefusalIsReportedWithItsReason() throws {
        try h.startRouter()
        let part = ScriptedPart(types: [.caseAccept])
        part.refuse(with: .notAssignee)
        try h.startWorker(.hrss) { CompositeHandler(principal: .hrss, parts: [part]) }
        let c = try h.insertCase(clueRef: Harness.newID("refuse"))
        let run = h.wagectl(["--as", "police", "case", "accept", "--case-id", c.id, "--follow", "10"])
        XCTAssertEqual(run.failure?.code, .refused)
        XCTAssertEqual(run.status, 4)
        XCTAssertTrue(run.output.contains("REFUSED by hrss: not_assignee"), run.output)
        XCTAssertTrue(run.output.contains("only the case's current assignee"), run.output)
    }

    func testAnEffectOnTheTimelineIsReported() throws {
        try h.startRouter()
        let part = ScriptedPart(types: [.caseProgress], event: "progress")
        try h.startWorker(.hrss) { CompositeHandler(principal: .hrss, parts: [part]) }
        let c = try h.insertCase(clueRef: Harness.newID("effect"))
        let run = h.wagectl(["--as", "housing", "case", "progress", "--case-id", c.no, "--note", "约谈企业", "--follow", "10"])
        XCTAssertNil(run.error, run.output + run.errors)
        XCTAssertTrue(run.output.contains("hrss: recorded progress (case \(c.no))"), run.output)
    }

    func testNoRouterMeansATimeoutThatSaysSo() throws {
        let run = h.wagectl(["--as", "finance", "fund", "deposit", "--amount", "100.00", "--timeout", "0.5"])
        XCTAssertEqual(run.failure?.code, .timeout)
        XCTAssertTrue(run.output.contains("is wage-router running?"), run.output)
        XCTAssertEqual(try h.drain("router.intake").count, 1, "it was published and waits for the router")
    }
}
