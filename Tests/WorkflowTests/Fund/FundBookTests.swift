import Foundation
import XCTest
@testable import Messages
@testable import Workflow

final class FundBookTests: XCTestCase {
    let c = ctx("2026-03-02")

    func req(_ no: String, _ amount: String, caseID: String = "C-1") -> FundRequest {
        FundRequest(caseID: caseID, requestNo: no, amount: yuan(amount), beneficiaries: 3, purpose: .partialWages, reason: .employerFled)
    }

    func funded(_ amount: String = "100000.00") -> FundBook {
        FundBook().deposit(FundDeposit(amount: yuan(amount), note: "2026年预算"), context: c).state
    }

    func testDepositPostsBudgetToCash() {
        let t = FundBook().deposit(FundDeposit(amount: yuan("500.00")), context: c)
        XCTAssertEqual(t.state.balance.deposited, yuan("500.00"))
        XCTAssertEqual(t.state.balance.available, yuan("500.00"))
        XCTAssertEqual(t.ledger, [LedgerTransaction(kind: .deposit, requestNo: nil, amount: yuan("500.00"), debit: .fundCash, credit: .budget)])
        XCTAssertEqual(t.ledger[0].postings, [Posting(account: .fundCash, amountFen: 50_000), Posting(account: .budget, amountFen: -50_000)])
        XCTAssertTrue(t.ledger[0].isBalanced)
        XCTAssertTrue(t.timeline.isEmpty, "a deposit concerns no case")
    }

    func testARequestReservesAtOnce() throws {
        let t = try applied(funded().request(req("F-1", "30000.00"), context: c))
        XCTAssertEqual(t.state.requests["F-1"]?.status, .awaitingApproval)
        XCTAssertEqual(t.state.balance.reserved, yuan("30000.00"))
        XCTAssertEqual(t.state.balance.available, yuan("70000.00"))
        XCTAssertEqual(t.state.balance.cash, yuan("100000.00"), "no money moves before approval")
        XCTAssertTrue(t.ledger.isEmpty)
        XCTAssertTrue(t.messages.isEmpty)
        XCTAssertEqual(t.timeline.map(\.event), ["fund_requested"])
        XCTAssertEqual(t.timeline[0].department, .finance)
        XCTAssertEqual(t.timeline[0].detail["status"], "awaiting_approval")
    }

    func testTheWholeAvailableBalanceMayBeReserved() throws {
        let t = try applied(funded("100.00").request(req("F-1", "100.00"), context: c))
        XCTAssertEqual(t.state.requests["F-1"]?.status, .awaitingApproval)
        XCTAssertEqual(t.state.balance.available, .zero)
    }

    func testARequestBeyondAvailableIsInsufficientAndAnswered() throws {
        let book = try applied(funded().request(req("F-1", "70000.00"), context: c)).state
        let t = try applied(book.request(req("F-2", "30000.01", caseID: "C-2"), context: c))
        XCTAssertEqual(t.state.requests["F-2"]?.status, .insufficientFund)
        XCTAssertEqual(t.state.balance, book.balance, "nothing reserved")
        XCTAssertEqual(t.messages.count, 1)
        XCTAssertEqual(t.messages[0].type, .fundRejected)
        XCTAssertEqual(t.messages[0].recipients, [.hrss])
        XCTAssertEqual(t.messages[0].idSuffix, "rejected", "one request per cause: a constant suffix")
        XCTAssertEqual(t.messages[0].correlationID, "C-2")
        XCTAssertEqual(try FundAnswer(json: payload(t.messages[0].payload)),
                       FundAnswer(requestNo: "F-2", amount: yuan("30000.01"), reason: "insufficient_fund"))
        XCTAssertEqual(t.timeline.first?.detail["available"], "30000.00")
        // an insufficient request cannot be approved later
        assertRejected(t.state.decide(FundDecision(requestNo: "F-2", decision: .approved, approver: "张区长"), context: c), .invalidState)
    }

    func testADuplicateRequestNumberIsInvalid() throws {
        let book = try applied(funded().request(req("F-1", "10.00"), context: c)).state
        assertRejected(book.request(req("F-1", "10.00"), context: c), .invalidState)
    }

    func testApprovalDisburses() throws {
        let book = try applied(funded().request(req("F-1", "30000.00"), context: c)).state
        let t = try applied(book.decide(FundDecision(requestNo: "F-1", decision: .approved, approver: "张区长", note: "同意"), context: c))
        let r = try XCTUnwrap(t.state.requests["F-1"])
        XCTAssertEqual(r.status, .disbursed)
        XCTAssertEqual(r.disbursedAt, c.now)
        XCTAssertEqual(r.decidedAt, c.now)
        XCTAssertEqual(r.approver, "张区长")
        XCTAssertEqual(r.decisionNote, "同意")
        XCTAssertEqual(r.outstanding, yuan("30000.00"))
        XCTAssertEqual(t.state.balance, FundBalance(deposited: yuan("100000.00"), disbursed: yuan("30000.00")))
        XCTAssertEqual(t.state.balance.available, yuan("70000.00"))
        XCTAssertEqual(t.state.balance.outstanding, yuan("30000.00"))
        XCTAssertEqual(t.ledger.map(\.postings), [[Posting(account: .advancesReceivable, amountFen: 3_000_000),
                                                   Posting(account: .fundCash, amountFen: -3_000_000)]])
        XCTAssertEqual(t.messages.map(\.type), [.fundDisbursed])
        XCTAssertEqual(try FundAnswer(json: payload(t.messages[0].payload)), FundAnswer(requestNo: "F-1", amount: yuan("30000.00")))
        XCTAssertEqual(t.timeline.map(\.event), ["fund_disbursed"])
        assertRejected(t.state.decide(FundDecision(requestNo: "F-1", decision: .rejected, approver: "x"), context: c), .invalidState)
    }

    func testRejectionReleasesTheReservation() throws {
        let book = try applied(funded().request(req("F-1", "30000.00"), context: c)).state
        let t = try applied(book.decide(FundDecision(requestNo: "F-1", decision: .rejected, approver: "张区长", note: "不符合条件"), context: c))
        XCTAssertEqual(t.state.requests["F-1"]?.status, .rejected)
        XCTAssertEqual(t.state.balance.reserved, .zero)
        XCTAssertEqual(t.state.balance.available, yuan("100000.00"))
        XCTAssertTrue(t.ledger.isEmpty)
        XCTAssertEqual(try FundAnswer(json: payload(t.messages[0].payload)).reason, "不符合条件")
        let plain = try applied(book.decide(FundDecision(requestNo: "F-1", decision: .rejected, approver: "张区长"), context: c))
        XCTAssertEqual(try FundAnswer(json: payload(plain.messages[0].payload)).reason, "rejected")
        assertRejected(t.state.decide(FundDecision(requestNo: "F-1", decision: .approved, approver: "x"), context: c), .invalidState)
    }

    func testDecisionOnAnUnknownRequestIsInvalid() {
        assertRejected(funded().decide(FundDecision(requestNo: "nope", decision: .approved, approver: "x"), context: c), .invalidState)
    }

    func disbursedBook(_ amount: String = "30000.00", on day: String = "2026-03-02") throws -> FundBook {
        let book = try applied(funded().request(req("F-1", amount), context: ctx(day))).state
        return try applied(book.decide(FundDecision(requestNo: "F-1", decision: .approved, approver: "张区长"), context: ctx(day))).state
    }

    func testRecoveryUpToTheOutstandingAmount() throws {
        let book = try disbursedBook()
        let part = try applied(book.recover(FundRecovered(requestNo: "F-1", amount: yuan("10000.00")), context: c))
        XCTAssertEqual(part.state.requests["F-1"]?.status, .partiallyRecovered)
        XCTAssertEqual(part.state.requests["F-1"]?.outstanding, yuan("20000.00"))
        XCTAssertEqual(part.state.balance.available, yuan("80000.00"))
        XCTAssertEqual(part.ledger.map(\.postings), [[Posting(account: .fundCash, amountFen: 1_000_000),
                                                      Posting(account: .advancesReceivable, amountFen: -1_000_000)]])
        assertRejected(part.state.recover(FundRecovered(requestNo: "F-1", amount: yuan("20000.01")), context: c), .invalidState)
        let full = try applied(part.state.recover(FundRecovered(requestNo: "F-1", amount: yuan("20000.00")), context: c))
        XCTAssertEqual(full.state.requests["F-1"]?.status, .recovered)
        XCTAssertEqual(full.state.requests["F-1"]?.outstanding, .zero)
        XCTAssertEqual(full.state.balance.available, yuan("100000.00"))
        XCTAssertEqual(full.state.balance.outstanding, .zero)
        assertRejected(full.state.recover(FundRecovered(requestNo: "F-1", amount: yuan("0.01")), context: c), .invalidState)
    }

    func testRecoveryBeforeDisbursementIsInvalid() throws {
        let awaiting = try applied(funded().request(req("F-1", "10.00"), context: c)).state
        assertRejected(awaiting.recover(FundRecovered(requestNo: "F-1", amount: yuan("1.00")), context: c), .invalidState)
        assertRejected(awaiting.recover(FundRecovered(requestNo: "F-9", amount: yuan("1.00")), context: c), .invalidState)
        assertRejected(try disbursedBook().recover(FundRecovered(requestNo: "F-1", amount: yuan("30000.01")), context: c), .invalidState)
    }

    func testWriteOffOnlyAfterOneYearAndOnlyTheOutstandingAmount() throws {
        let book = try applied(try disbursedBook().recover(FundRecovered(requestNo: "F-1", amount: yuan("5000.00")), context: c)).state
        let disbursedAt = try XCTUnwrap(book.requests["F-1"]?.disbursedAt)
        let w = FundWriteoff(requestNo: "F-1", approver: "张区长", reason: "企业注销无财产可供执行")
        func at(_ date: Date) -> WorkflowContext { WorkflowContext(now: date, calendar: cn2026) }
        assertRejected(book.writeOff(w, context: at(disbursedAt.addingTimeInterval(364 * 86_400))), .invalidState)
        assertRejected(book.writeOff(w, context: at(d("2027-03-02").shanghaiStart.addingTimeInterval(9 * 3600 - 1))), .invalidState)
        let t = try applied(book.writeOff(w, context: at(d("2027-03-02").shanghaiStart.addingTimeInterval(9 * 3600))))
        let r = try XCTUnwrap(t.state.requests["F-1"])
        XCTAssertEqual(r.status, .writtenOff)
        XCTAssertEqual(r.writtenOff, yuan("25000.00"))
        XCTAssertEqual(r.outstanding, .zero)
        XCTAssertEqual(t.state.balance.writtenOff, yuan("25000.00"))
        XCTAssertEqual(t.state.balance.available, book.balance.available, "the money left the fund at disbursement")
        XCTAssertEqual(t.ledger.map(\.postings), [[Posting(account: .writtenOff, amountFen: 2_500_000),
                                                   Posting(account: .advancesReceivable, amountFen: -2_500_000)]])
        XCTAssertEqual(t.timeline.first?.detail["written_off"], "25000.00")
        assertRejected(t.state.writeOff(w, context: at(d("2028-01-01").shanghaiStart)), .invalidState)
        assertRejected(t.state.recover(FundRecovered(requestNo: "F-1", amount: yuan("1.00")), context: c), .invalidState)
    }

    func testWriteOffOfNothingOrUndisbursedIsInvalid() throws {
        let w = FundWriteoff(requestNo: "F-1", approver: "a", reason: "r")
        let later = ctx("2030-01-01")
        let recovered = try applied(try disbursedBook().recover(FundRecovered(requestNo: "F-1", amount: yuan("30000.00")), context: c)).state
        assertRejected(recovered.writeOff(w, context: later), .invalidState)
        let awaiting = try applied(funded().request(req("F-1", "10.00"), context: c)).state
        assertRejected(awaiting.writeOff(w, context: later), .invalidState)
        assertRejected(funded().writeOff(w, context: later), .invalidState)
    }

    func testWriteOffAfterALeapDayDisbursement() throws {
        let book = try disbursedBook(on: "2028-02-29")
        let w = FundWriteoff(requestNo: "F-1", approver: "a", reason: "r")
        assertRejected(book.writeOff(w, context: ctx("2029-02-28")), .invalidState)
        XCTAssertNoThrow(try book.writeOff(w, context: ctx("2029-03-01")).get())
    }
}
