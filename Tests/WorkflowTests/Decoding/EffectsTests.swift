import XCTest
@testable import Messages
@testable import Workflow

final class EffectsTests: XCTestCase {
    func testTransitionSortsActionsByKind() {
        let entry = TimelineEntry(caseID: "C", department: .hrss, event: "e")
        let message = FollowUpMessage(type: .caseNotice, recipients: [.police], payload: [:], idSuffix: "C:n")
        let tx = LedgerTransaction(kind: .deposit, requestNo: nil, amount: Money(fen: 5), debit: .fundCash, credit: .budget)
        let t = Transition(state: 1, actions: [.send(message), .appendTimeline(entry), .post(tx), .appendTimeline(entry)])
        XCTAssertEqual(t.timeline, [entry, entry])
        XCTAssertEqual(t.messages, [message])
        XCTAssertEqual(t.ledger, [tx])
        XCTAssertEqual(message.messageID(cause: "abc"), "abc:C:n")
        XCTAssertEqual(entry.detail, .object([:]))
    }

    func testSuffixKeysStayShort() {
        XCTAssertEqual(FollowUpMessage.key("LA-2026-0001"), "LA-2026-0001")
        XCTAssertEqual(FollowUpMessage.key("0b5e8c4e-7f1a-4c51-9d4e-2a6b1f3c9e10"), "0b5e8c4e-7f1a-4c51-9d4e-2a6b1f3c9e10")
        let long = String(repeating: "R", count: 128)
        XCTAssertEqual(FollowUpMessage.key(long).count, 17)
        XCTAssertTrue(FollowUpMessage.key(long).hasPrefix("h"))
        XCTAssertEqual(FollowUpMessage.key(long), FollowUpMessage.key(long), "stable")
        XCTAssertNotEqual(FollowUpMessage.key(long), FollowUpMessage.key(long + "1"))
        XCTAssertNotEqual(FollowUpMessage.key("申请:1"), "申请:1", "non-ASCII or ':' is hashed")
        XCTAssertEqual(FollowUpMessage.key(""), "hcbf29ce484222325", "FNV-1a offset basis for the empty key")
    }

    func testLedgerTransactionBalance() {
        let tx = LedgerTransaction(kind: .recovery, requestNo: "F", amount: Money(fen: 700), debit: .fundCash, credit: .advancesReceivable)
        XCTAssertTrue(tx.isBalanced)
        var broken = tx
        broken.postings[1].amountFen = -699
        XCTAssertFalse(broken.isBalanced)
        XCTAssertEqual(LedgerAccount.allCases.map(\.rawValue), ["budget", "fund_cash", "advances_receivable", "written_off"])
    }

    func testJSONBuilders() {
        XCTAssertEqual(JSONValue.compact(["a": .int(1), "b": nil, "c": .money(Money(fen: 5))]), ["a": 1, "c": "0.05"])
        XCTAssertEqual(JSONValue.principals([.hrss, .police]), ["hrss", "police"])
        XCTAssertEqual(JSONValue.day(d("2026-10-10")), "2026-10-10")
    }
}
