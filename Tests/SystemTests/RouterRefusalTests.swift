import AMQP
import Duties
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Every refusal of the router: the message lands in `wage.dead` with
/// `x-wage-reason` / `x-wage-rejected-by`, a row in `wage.rejections`, and no
/// department queue sees it (CONTRACT §2, §5).
final class RouterRefusalTests: XCTestCase {
    var h: Harness!
    /// Everything drained from wage.dead so far.
    var dead: [AMQPDelivery] = []

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    /// Waits for the rejection of `id` and returns its reason and the dead letter's headers.
    func refusal(_ id: String) throws -> (reason: String, headers: [String: AMQPFieldValue]) {
        try h.waitUntil("rejection of \(id)") {
            try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [id]) == "1"
        }
        let reason = try XCTUnwrap(h.value("SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'router'", [id]))
        dead += try h.drain("wage.dead")
        let mine = dead.filter { $0.properties.messageID == id }
        XCTAssertEqual(mine.count, 1, "one dead letter for \(id)")
        return (reason, mine.first?.properties.headers ?? [:])
    }

    func assertRefused(_ id: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try refusal(id)
        XCTAssertEqual(r.reason, reason, file: file, line: line)
        XCTAssertEqual(r.headers["x-wage-reason"], .string(reason), file: file, line: line)
        XCTAssertEqual(r.headers["x-wage-rejected-by"], .string("router"), file: file, line: line)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [id]), "0", file: file, line: line)
    }

    func testEveryRouterRejectionReason() throws {
        let valid = SamplePayloads.valid(for: .caseAccept)
        var cases: [(String, String)] = []
        func id(_ s: String) -> String { let i = Harness.newID(s); return i }

        let badJSON = id("badjson")
        try h.publishRaw(as: .housing, type: "case.accept", body: Array("{\"case_id\": ".utf8), id: badJSON)
        cases.append((badJSON, "invalid_json"))

        let notObject = id("array")
        try h.publishRaw(as: .housing, type: "case.accept", body: Array("[1,2]".utf8), id: notObject)
        cases.append((notObject, "invalid_json"))

        let badUTF8 = id("utf8")
        try h.publishRaw(as: .housing, type: "case.accept", body: [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], id: badUTF8)
        cases.append((badUTF8, "invalid_json"))

        let huge = id("huge")
        let big = "{\"case_id\":\"" + String(repeating: "x", count: 300_000) + "\"}"
        try h.publishRaw(as: .housing, type: "case.accept", body: Array(big.utf8), id: huge)
        cases.append((huge, "too_large"))

        let noType = id("notype")
        try h.publishRaw(as: .housing, type: nil, body: Array(valid.serialized.utf8), id: noType)
        cases.append((noType, "missing_property:type"))

        let noUser = id("nouser")
        try h.publishRaw(as: .housing, type: "case.accept", body: Array(valid.serialized.utf8), id: noUser, userID: "")
        cases.append((noUser, "missing_property:user_id"))

        let unknown = id("unknown")
        try h.publish(as: .housing, "case.teleport", valid, id: unknown)
        cases.append((unknown, "unknown_type"))

        let forbidden = id("forbidden")
        try h.publish(as: .police, "fund.deposit", SamplePayloads.valid(for: .fundDeposit), id: forbidden)
        cases.append((forbidden, "forbidden_sender"))

        let platformCloses = id("platform-close")
        try h.publish(as: .platform, "case.close", ["case_id": "c"], id: platformCloses)
        cases.append((platformCloses, "forbidden_sender"))

        let referralFromHousing = id("referral-housing")
        try h.publish(as: .housing, "referral.submit", SamplePayloads.valid(for: .referralSubmit), id: referralFromHousing)
        cases.append((referralFromHousing, "forbidden_sender"))

        let moneyNumber = id("money-number")
        var clue = SamplePayloads.valid(for: .clueReport).objectValue!
        clue["amount_owed"] = .number("125000")
        try h.publish(as: .platform, "clue.report", .object(clue), id: moneyNumber)
        cases.append((moneyNumber, "schema:amount_owed"))

        let missingEmployer = id("employer")
        clue = SamplePayloads.valid(for: .clueReport).objectValue!
        clue["employer"] = ["credit_code": "91500000MA5U000000"]
        try h.publish(as: .platform, "clue.report", .object(clue), id: missingEmployer)
        cases.append((missingEmployer, "schema:employer.name"))

        let wrongTo = id("wrong-to")
        try h.publish(as: .hrss, "case.transfer", ["case_id": "c", "sector": "construction", "to": "water"], id: wrongTo)
        cases.append((wrongTo, "forbidden_recipient"))

        let notifyOutside = id("notify-outside")
        try h.publish(as: .hrss, "case.notice", ["case_id": "c", "event": "x", "notify": ["government"]], id: notifyOutside)
        cases.append((notifyOutside, "forbidden_recipient"))

        for (id, reason) in cases { try assertRefused(id, reason) }
        for principal in Principal.allCases where principal != .router {
            XCTAssertEqual(try h.drain(principal.queueName).count, 0, "\(principal.queueName) received a refused message")
        }
    }

    func testAMissingMessageIDIsRefusedAndRecorded() throws {
        let marker = "no-id-\(UUID().uuidString)"
        try h.publishRaw(as: .housing, type: "case.accept", body: Array("{\"case_id\":\"\(marker)\"}".utf8), id: nil)
        try h.waitUntil("rejection without id") {
            try h.value("SELECT count(*) FROM wage.rejection_log WHERE message_id IS NULL AND body LIKE $1", ["%\(marker)%"]) == "1"
        }
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejection_log WHERE body LIKE $1", ["%\(marker)%"]), "missing_property:message_id")
        let dead = try h.drain("wage.dead")
        XCTAssertEqual(dead.filter { String(decoding: $0.body, as: UTF8.self).contains(marker) }.count, 1)
    }
}
