import Foundation
import XCTest
@testable import Messages
@testable import Workflow

/// Random operation sequences (seeded, reproducible) against the fund book: every
/// ledger transaction balances, account balances agree with the totals, and the
/// available balance never goes below zero.
final class FundLedgerPropertyTests: XCTestCase {
    var kindsSeen: Set<LedgerKind> = []
    var statusesSeen: Set<FundRequestStatus> = []

    func testInvariantsOverRandomSequences() throws {
        for seed in UInt64(1)...40 {
            try run(seed: seed, steps: 250)
        }
        XCTAssertEqual(kindsSeen, [.deposit, .disbursement, .recovery, .writeoff], "every kind of money movement happened")
        XCTAssertEqual(statusesSeen, Set(FundRequestStatus.allCases), "every status was reached")
    }

    func run(seed: UInt64, steps: Int) throws {
        var rng = SeededGenerator(seed: seed)
        var book = FundBook()
        var accounts: [LedgerAccount: Int64] = [:]
        var now = d("2026-01-05").shanghaiStart.addingTimeInterval(9 * 3600)
        var nextNo = 0
        var accepted = 0

        func amount() -> Money { Money(fen: Int64.random(in: 1...5_000_000, using: &rng)) }
        var numbers: [String] = []  // in creation order, so picks are reproducible
        func pick(_ statuses: Set<FundRequestStatus>) -> FundRequestRecord? {
            numbers.compactMap { book.requests[$0] }.filter { statuses.contains($0.status) }.randomElement(using: &rng)
        }

        for step in 0..<steps {
            now = now.addingTimeInterval(Double(Int.random(in: 0...(6 * 86_400), using: &rng)))
            let c = WorkflowContext(now: now, calendar: cn2026)
            let before = book
            var outcome: Outcome<FundBook>
            var touched: String?
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1:
                outcome = .success(book.deposit(FundDeposit(amount: amount()), context: c))
            case 2, 3, 4:
                nextNo += 1
                let r = FundRequest(caseID: "C-\(nextNo % 7)", requestNo: "F-\(nextNo)", amount: amount(), beneficiaries: 1,
                                    purpose: .livingCosts, reason: .temporaryInability)
                numbers.append(r.requestNo)
                touched = r.requestNo
                outcome = book.request(r, context: c)
                let fits = r.amount <= before.balance.available
                if (try? outcome.get())?.state.requests[r.requestNo]?.status != (fits ? .awaitingApproval : .insufficientFund) {
                    XCTFail("seed \(seed) step \(step): a request is reserved iff it fits")
                }
            case 5, 6:
                let r = pick([.awaitingApproval]) ?? pick([.rejected, .disbursed])
                touched = r?.requestNo
                let kind: FundDecisionKind = Bool.random(using: &rng) ? .approved : .rejected
                outcome = book.decide(FundDecision(requestNo: r?.requestNo ?? "none", decision: kind, approver: "x"), context: c)
                if r?.status != .awaitingApproval { assertRejected(outcome, .invalidState) }
            case 7, 8:
                let r = pick([.disbursed, .partiallyRecovered])
                touched = r?.requestNo
                let outstanding = r?.outstanding.fen ?? 1
                let asked = Money(fen: Int64.random(in: 1...(outstanding + outstanding / 4 + 1), using: &rng))
                outcome = book.recover(FundRecovered(requestNo: r?.requestNo ?? "none", amount: asked), context: c)
                if r == nil || asked.fen > outstanding { assertRejected(outcome, .invalidState) }
            default:
                let r = pick([.disbursed, .partiallyRecovered])
                touched = r?.requestNo
                outcome = book.writeOff(FundWriteoff(requestNo: r?.requestNo ?? "none", approver: "x", reason: "r"), context: c)
                if let r, let from = r.writeOffAllowedFrom, now >= from {
                    if (try? outcome.get())?.state.requests[r.requestNo]?.writtenOff != r.outstanding {
                        XCTFail("seed \(seed) step \(step): a write-off takes exactly the outstanding amount")
                    }
                } else {
                    assertRejected(outcome, .invalidState)
                }
            }
            guard case .success(let t) = outcome else { continue }
            accepted += 1
            book = t.state
            if let touched, let s = book.requests[touched]?.status { statusesSeen.insert(s) }
            for tx in t.ledger {
                kindsSeen.insert(tx.kind)
                if !tx.isBalanced || tx.postings.count != 2 { XCTFail("seed \(seed) step \(step): unbalanced \(tx)") }
                for p in tx.postings { accounts[p.account, default: 0] += p.amountFen }
            }
            check(book, accounts, perRequest: step % 10 == 0 || step == steps - 1, context: "seed \(seed) step \(step)")
        }
        XCTAssertGreaterThan(accepted, steps / 3, "the sequence exercised the book (seed \(seed))")
    }

    /// Plain comparisons, failing only on a violation (XCTAssert per step is slow).
    func check(_ book: FundBook, _ accounts: [LedgerAccount: Int64], perRequest: Bool, context: String) {
        let b = book.balance
        func expect(_ ok: Bool, _ what: String) { if !ok { XCTFail("\(what): \(context)") } }
        expect(b.available >= .zero, "available never below zero")
        expect(accounts.values.reduce(0, +) == 0, "the ledger sums to zero")
        expect(accounts[.fundCash, default: 0] == b.cash.fen, "fund_cash = deposits − disbursed + recovered")
        expect(accounts[.budget, default: 0] == -b.deposited.fen, "budget = −deposits")
        expect(accounts[.advancesReceivable, default: 0] == b.outstanding.fen, "advances_receivable = outstanding")
        expect(accounts[.writtenOff, default: 0] == b.writtenOff.fen, "written_off account = written off")
        expect(b.available == b.cash - b.reserved, "available = cash − reserved")
        guard perRequest else { return }
        let records = Array(book.requests.values)
        expect(records.filter { $0.status == .awaitingApproval }.reduce(Money.zero) { $0 + $1.amount } == b.reserved,
               "reserved = sum awaiting approval")
        expect(records.reduce(Money.zero) { $0 + $1.outstanding } == b.outstanding, "outstanding = sum per request")
        for r in records {
            expect(r.outstanding >= .zero, "\(r.requestNo) outstanding ≥ 0")
            expect((r.status == .recovered || r.status == .writtenOff) == (r.status.isDisbursed && r.outstanding == .zero),
                   "\(r.requestNo) status matches outstanding")
        }
    }
}
