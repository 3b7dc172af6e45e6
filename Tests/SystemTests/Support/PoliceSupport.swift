import AMQP
import Departments
import Foundation
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// Base of the criminal-referral system tests (Tests/SystemTests/Police): the
/// router on the shipped duty list, a test clock at noon of today (Asia/Shanghai,
/// so that the real-time view `wage.overdue_referrals` agrees), and helpers as
/// methods of this class (not Harness extensions, to stay clear of other areas').
class PoliceSystemTestCase: XCTestCase {
    var h: Harness!
    var clock: TestClock!
    /// The test clock's business day (today in Asia/Shanghai at setUp).
    var today: Day!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        today = Day(shanghai: Date())
        clock = TestClock(shanghaiNoonOf: today)
    }

    override func tearDown() async throws { await h.shutdown() }

    /// worker-police and worker-hrss (no sweep) on the test clock.
    func startPoliceAndOffice() throws {
        try h.startWorker(.police, clock: clock) { Workers.police() }
        try h.startWorker(.hrss, clock: clock) { Workers.hrss(settings: .init(sweepInterval: nil)) }
    }

    /// A case registered by the office (a `clue.report` from labour inspection,
    /// sector manufacturing, so hrss keeps it); needs worker-hrss. Returns its case_id.
    func makeCase() throws -> String {
        let clueRef = Harness.newID("police-clue")
        try h.publish(as: .hrss, "clue.report", [
            "channel": "labour_inspection", "clue_ref": .string(clueRef),
            "employer": ["name": "某建筑公司", "credit_code": "91310000MA1K000000"], "sector": "manufacturing",
            "workers_count": 12, "amount_owed": "150000.00", "description": "拒不支付劳动报酬",
        ], id: Harness.newID("clue"))
        var caseID: String?
        try h.waitUntil("case of \(clueRef) registered") {
            caseID = try h.value("SELECT case_id::text FROM wage.case_overview WHERE channel = 'labour_inspection' AND clue_ref = $1",
                                 [clueRef])
            return caseID != nil
        }
        return try XCTUnwrap(caseID)
    }

    /// A `referral.submit` body; complete by default (pay_by 5 days before today).
    func submission(_ caseID: String, _ referralNo: String, evidence: [String] = ReferralCheck.requiredEvidence,
                    served: Bool = true, payBy: Day? = nil) -> JSONValue {
        let payBy = payBy ?? today.adding(days: -5)
        return ["case_id": .string(caseID), "referral_no": .string(referralNo),
                "suspect": ["name": "某建筑公司", "kind": "company", "credit_code": "91310000MA1K000000"],
                "amount_owed": "150000.00", "workers_count": 12,
                "order_to_pay": ["issued_on": .day(payBy.adding(days: -10)), "pay_by": .day(payBy), "served": .bool(served)],
                "evidence": .array(evidence.map { ["kind": .string($0), "title": .string("\($0) 文书")] })]
    }

    /// Submits as hrss and waits until police recorded the referral with `status`.
    @discardableResult
    func submit(_ body: JSONValue, expecting status: String, id: String = Harness.newID("submit"),
                file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let no = try XCTUnwrap(body["referral_no"]?.stringValue)
        try h.publish(as: .hrss, "referral.submit", body, id: id)
        try h.waitUntil("\(no) \(status) after \(id)", file: file, line: line) {
            try h.value("SELECT message_id FROM wage.referrals WHERE referral_no = $1 AND status = $2", [no, status]) == id
        }
        return id
    }

    /// A new case and a referral accepted for review; returns (case id, referral no).
    func acceptedReferral() throws -> (caseID: String, no: String) {
        let caseID = try makeCase()
        let no = Harness.newID("RF")
        try submit(submission(caseID, no), expecting: "under_review")
        return (caseID, no)
    }

    /// Publishes as police staff (what `wagectl` does) a `referral.decision`.
    @discardableResult
    func decide(_ no: String, filed policeCaseNo: String? = nil, notFiledBecause reason: String? = nil,
                id: String = Harness.newID("decision")) throws -> String {
        let body: JSONValue = .compact(["referral_no": .string(no), "decision": .string(reason == nil ? "filed" : "not_filed"),
                                        "police_case_no": policeCaseNo.map(JSONValue.string), "reason": reason.map(JSONValue.string)])
        try h.publish(as: .police, "referral.decision", body, id: id)
        return id
    }

    /// `referral_overview.<column>` of referral `no`.
    func overview(_ no: String, _ column: String) throws -> String? {
        try h.value("SELECT \(column)::text FROM wage.referral_overview WHERE referral_no = $1", [no])
    }

    func waitForStatus(_ no: String, _ status: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try h.waitUntil("\(no) becomes \(status)", file: file, line: line) { try overview(no, "status") == status }
    }

    /// The case's timeline entries recorded by `department`: (event, detail).
    func entries(_ caseID: String, by department: Principal) throws -> [(event: String, detail: JSONValue)] {
        try h.rows("SELECT event, detail::text AS detail FROM wage.case_timeline WHERE case_id = $1::uuid AND department = $2 ORDER BY seq",
                   [caseID, department.rawValue]).map {
            (try $0.string("event"), try JSONValue.parse(Array(try $0.string("detail").utf8)))
        }
    }

    /// The case's referral events (`referral_*`) recorded by `department`, in order.
    func referralEvents(_ caseID: String, by department: Principal) throws -> [String] {
        try entries(caseID, by: department).map(\.event).filter { $0.hasPrefix("referral_") }
    }

    /// Waits until hrss has `count` timeline entries `event` on the case; returns their details.
    @discardableResult
    func waitForOfficeEntries(_ caseID: String, _ event: String, count: Int = 1,
                              file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        try h.waitUntil("\(count) × \(event) by hrss on \(caseID)", file: file, line: line) {
            try entries(caseID, by: .hrss).filter { $0.event == event }.count >= count
        }
        return try entries(caseID, by: .hrss).filter { $0.event == event }.map(\.detail)
    }

    /// The reason `rejectedBy` refused message `id` with (waits for it).
    func refusal(of id: String, by rejectedBy: Principal, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let sql = "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = $2"
        try h.waitUntil("\(rejectedBy.rawValue) refuses \(id)", file: file, line: line) {
            try h.value(sql, [id, rejectedBy.rawValue]) != nil
        }
        return try h.value(sql, [id, rejectedBy.rawValue])
    }

    /// Waits for the dead letter of `id` refused by `rejectedBy`; returns its `x-wage-reason`.
    func deadLetterReason(of id: String, by rejectedBy: Principal, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        var found: AMQPDelivery?
        try h.waitUntil("dead letter of \(id) by \(rejectedBy.rawValue)", file: file, line: line) {
            found = try h.drain("wage.dead").first {
                $0.properties.messageID == id && $0.properties.headers["x-wage-rejected-by"]?.stringValue == rejectedBy.rawValue
            } ?? found
            return found != nil
        }
        return found?.properties.headers["x-wage-reason"]?.stringValue
    }

    /// The follow-ups police wrote to its outbox because of message `cause`.
    func policeOutbox(causedBy cause: String) throws -> [(id: String, type: String, body: JSONValue)] {
        try h.rows("SELECT message_id, type, body::text AS body FROM wage.outbox WHERE principal = 'police' AND message_id LIKE $1 ORDER BY id",
                   [cause + ":%"]).map {
            (try $0.string("message_id"), try $0.string("type"), try JSONValue.parse(Array(try $0.string("body").utf8)))
        }
    }

    /// Puts a message straight on `dept.<recipient>` as the router would (a broker
    /// redelivery or a router republish of the same id), bypassing the router's dedupe.
    func deliverToQueue(_ recipient: Principal, from sender: Principal, _ type: String, _ body: JSONValue, id: String) throws {
        let publisher = try AMQPPublisher(url: try AMQPURL(try h.env.amqpURL(for: .router)), name: "police-test-direct")
        defer { publisher.close() }
        let props = AMQPProperties(messageID: id, type: type, userID: Principal.router.rawValue,
                                   contentType: "application/json", deliveryMode: 2,
                                   headers: ["x-wage-sender": .string(sender.rawValue)])
        try publisher.publish([OutgoingMessage(exchange: "wage.dept", routingKey: recipient.rawValue, properties: props,
                                               body: Array(body.serialized.utf8))])
    }

    /// A connection as the principal's own database role.
    func connect(as principal: Principal) throws -> PGConnection {
        try PGConnection(url: try h.env.databaseURL(for: principal), applicationName: "police-tests-\(principal.rawValue)")
    }
}
