import Foundation
import Runtime
@testable import Messages
import Workflow
import XCTest

/// Which messages a worker's lanes must keep in order (pure; no servers).
final class OrderingKeyTests: XCTestCase {
    func message(_ type: String, _ body: JSONValue) -> InboundMessage {
        InboundMessage(messageID: "ok-\(UUID().uuidString.lowercased())", rawType: type, sender: .housing, body: body)
    }

    func testMessagesAboutTheSameCaseShareAKeyWhateverTheCaseOfTheUUID() {
        let id = "7D1C2F40-0C55-4F0B-9D8E-2B7A7E2B7C11"
        let accept = OrderingKey.of(message("case.accept", ["case_id": .string(id)]))
        let progress = OrderingKey.of(message("case.progress", ["case_id": .string(id.lowercased()), "note": "n"]))
        XCTAssertEqual(accept, "case:\(id.lowercased())")
        XCTAssertEqual(accept, progress)
        XCTAssertNotEqual(accept, OrderingKey.of(message("case.accept", ["case_id": "another"])))
    }

    func testTheFirstIdentifierOfThePayloadIsTheKey() {
        XCTAssertEqual(OrderingKey.of(message("referral.decision", ["referral_no": "R-1", "decision": "filed"])), "referral:R-1")
        XCTAssertEqual(OrderingKey.of(message("fund.disbursed", ["request_no": "F-1", "amount": "1.00"])), "fund:F-1")
        XCTAssertEqual(OrderingKey.of(message("legalaid.assigned", ["application_no": "A-1", "to": "hrss"])), "legalaid:A-1")
        XCTAssertEqual(OrderingKey.of(message("fund.request", ["case_id": "c-1", "request_no": "F-1"])), "case:c-1",
                       "case_id comes first")
        XCTAssertEqual(OrderingKey.of(message("clue.report", ["channel": "hotline", "clue_ref": "H-9"])), "clue:hotline/H-9")
    }

    func testAPetitionsClueAndItsAlertShareAKey() {
        let clue = OrderingKey.of(message("clue.report", ["channel": "petition", "clue_ref": "XF-1"]))
        let alert = OrderingKey.of(message("incident.alert", ["petition_no": "XF-1", "people": 12]))
        XCTAssertEqual(clue, "petition:XF-1")
        XCTAssertEqual(clue, alert)
    }

    func testAMessageNamingNothingHasNoKey() {
        XCTAssertNil(OrderingKey.of(message("office.sweep", ["as_of": "2026-03-02"])))
        XCTAssertNil(OrderingKey.of(message("office.sweep", [:])))
        XCTAssertNil(OrderingKey.of(message("case.accept", ["case_id": ""])), "an empty id names nothing")
        XCTAssertNil(OrderingKey.of(message("case.accept", ["case_id": 12])), "a non-text id names nothing")
    }

    func testLanesAreStableInRangeAndAllUsed() {
        let keys = (0..<200).map { "case:\($0)" }
        for lanes in 1...4 {
            let picked = keys.map { OrderingKey.lane(for: $0, lanes: lanes) }
            XCTAssertTrue(picked.allSatisfy { (0..<lanes).contains($0) })
            XCTAssertEqual(Set(picked).count, lanes, "200 keys spread over all \(lanes) lanes")
            XCTAssertEqual(picked, keys.map { OrderingKey.lane(for: $0, lanes: lanes) }, "the same key, the same lane")
        }
        // FNV-1a of the empty key is its offset basis: the lane does not depend on the process (unlike Hasher).
        XCTAssertEqual(OrderingKey.lane(for: "", lanes: 1_000_003), Int(0xcbf2_9ce4_8422_2325 % UInt64(1_000_003)))
    }
}
