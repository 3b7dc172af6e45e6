import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Helpers for the legal-aid system tests (Tests/SystemTests/Justice).
extension Harness {
    /// Forgets every legal-aid application and provider (as admin), so that the
    /// fewest-open rule and the waiting queue start from nothing. Legal-aid rows
    /// are referenced by nothing but each other; timeline rows stay (append-only).
    func resetLegalAid() throws {
        _ = try admin.execute("DELETE FROM wage.legal_aid_applications")
        _ = try admin.execute("DELETE FROM wage.legal_aid_provider_roster")
    }

    /// Router + worker-justice (on `clock` when given) + worker-hrss + worker-petitions.
    func startLegalAidWorkers(justiceClock: TestClock? = nil) throws {
        try startRouter()
        try startWorker(.justice, clock: justiceClock) { Workers.justice() }
        try startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        try startWorker(.petitions) { Workers.petitions() }
    }

    /// Publishes `legalaid.provider` as justice (what `wagectl` does); returns the message id.
    @discardableResult
    func provider(_ id: String, _ name: String, active: Bool) throws -> String {
        let messageID = Harness.newID("lap")
        try publish(as: .justice, "legalaid.provider", ["provider_id": .string(id), "name": .string(name), "active": .bool(active)],
                    id: messageID)
        try waitUntil("provider \(id) active=\(active)") {
            try value("SELECT message_id FROM wage.legal_aid_provider_roster WHERE provider_id = $1", [id]) == messageID
        }
        return messageID
    }

    /// A `legalaid.request` body.
    static func legalAidRequest(_ no: String, matter: String = "wage_arrears", caseID: String? = nil) -> JSONValue {
        .compact([
            "application_no": .string(no), "case_id": caseID.map(JSONValue.string), "matter": .string(matter),
            "applicant": ["name": "王五", "id_number": "110101199001011234", "phone": "13800000000"],
        ])
    }

    /// Publishes a `legalaid.request`; returns the message id.
    @discardableResult
    func requestLegalAid(_ no: String, from sender: Principal = .hrss, matter: String = "wage_arrears",
                         caseID: String? = nil, id: String = Harness.newID("lar")) throws -> String {
        try publish(as: sender, "legalaid.request", Harness.legalAidRequest(no, matter: matter, caseID: caseID), id: id)
        return id
    }

    /// The status of an application in `legal_aid_overview` (nil when unknown).
    func legalAidStatus(_ no: String) throws -> String? {
        try value("SELECT status FROM wage.legal_aid_overview WHERE application_no = $1", [no])
    }

    /// Waits until application `no` has `status`.
    func waitForLegalAid(_ no: String, status: String, timeout: Double = 15) throws {
        try waitUntil("\(no) is \(status)", timeout: timeout) { try legalAidStatus(no) == status }
    }

    /// `provider_id → open_assignments` of `legal_aid_providers`.
    func openAssignments() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for row in try rows("SELECT provider_id, open_assignments FROM wage.legal_aid_providers") {
            out[try row.string("provider_id")] = try row.int("open_assignments")
        }
        return out
    }

    /// Inserts a case row as admin (until the office's CaseOffice registers them) and returns its id.
    func insertCase(status: String = "transferred", assignee: String = "housing") throws -> String {
        let closed = status == "closed"
        return try XCTUnwrap(value(
            """
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector, workers_count, amount_owed_fen,
                                    risk_level, status, assignee, resolved_at, closed_at)
            VALUES ('hotline', $1, 'platform', '某建筑劳务有限公司', 'construction', 12, 18000000, 'medium', $2, $3,
                    CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN now() END)
            RETURNING case_id::text
            """, [Harness.newID("legal-aid-case"), status, assignee, closed]))
    }

    /// Closes a case as admin (销号: resolved then closed).
    func closeCase(_ caseID: String) throws {
        _ = try admin.execute(
            "UPDATE wage.cases SET status = 'closed', resolved_at = now(), closed_at = now() WHERE case_id = $1::uuid", [caseID])
    }

    /// `(department, event)` of a case's timeline, in order, for events starting with `legal_aid`.
    func legalAidTimeline(_ caseID: String) throws -> [String] {
        try rows("""
            SELECT department, event FROM wage.case_timeline WHERE case_id = $1::uuid AND event LIKE 'legal_aid%' ORDER BY seq
            """, [caseID]).map { "\(try $0.string("department")):\(try $0.string("event"))" }
    }

    /// The reason with which `rejectedBy` refused `messageID` (nil when not refused).
    func rejection(_ messageID: String, by rejectedBy: String) throws -> String? {
        try value("SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = $2", [messageID, rejectedBy])
    }
}

/// Base of the legal-aid system tests: a harness with empty queues and no
/// legal-aid rows; `setUp` of a subclass starts the workers (`h.startLegalAidWorkers`).
class LegalAidTestCase: XCTestCase {
    var h: Harness!
    /// Everything drained from wage.dead so far.
    var dead: [AMQPDelivery] = []
    /// The database's clock when the test started (the outbox keeps earlier runs' rows).
    var startedAt = ""

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.resetLegalAid()
        startedAt = try XCTUnwrap(h.value("SELECT now()::text"))
    }

    override func tearDown() async throws { await h.shutdown() }

    /// Waits for the dead letter of `id` and returns its `x-wage-reason` and `x-wage-rejected-by`.
    func deadLetter(_ id: String) throws -> (reason: String?, rejectedBy: String?) {
        var found: AMQPDelivery?
        try h.waitUntil("dead letter of \(id)") {
            dead += try h.drain("wage.dead")
            found = dead.first { $0.properties.messageID == id }
            return found != nil
        }
        func text(_ key: String) -> String? {
            if case .string(let s)? = found?.properties.headers[key] { return s }
            return nil
        }
        return (text("x-wage-reason"), text("x-wage-rejected-by"))
    }

    /// The `legalaid.assigned` follow-ups justice wrote for applications `numbers` during
    /// this test, in the order written: `(message_id, body)`.
    func assignedMessages(_ numbers: String...) throws -> [(id: String, body: JSONValue)] {
        try h.rows("""
            SELECT message_id, body FROM wage.outbox
            WHERE principal = 'justice' AND type = 'legalaid.assigned' AND body::jsonb->>'application_no' = ANY($1::text[])
              AND created_at >= $2::timestamptz ORDER BY id
            """, [numbers, startedAt]).map { (try $0.string("message_id"), try JSONValue.parse(Array(try $0.string("body").utf8))) }
    }
}
