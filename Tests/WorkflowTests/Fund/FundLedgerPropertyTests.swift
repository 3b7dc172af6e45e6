import Foundation
import XCTest
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
        func pick(_ statuses: Set<FundRequestStatus>) -> FundRequestRecord? {
            book.requests.values.filter { statuses.contains($0.status) }.sorted { $0.requestNo < $1.requestNo }
                .randomElement(using: &rng)
        }

        for step in 0..<steps {
            now = now.addingTimeInterval(Double(Int.random(in: 0...(6 * 86_400), using: &rng)))
            let c = WorkflowContext(now: now, calendar: cn2026)
            let before = book
            var outcome: Outcome<FundBook>
            switch Int.random(in: 0..<10, using: &rng) {
            case 0, 1:
                outcome = .success(book.deposit(FundDeposit(amount: amount()), context: c))
            case 2, 3, 4:
                nextNo += 1
                let r = FundRequest(caseID: "C-\(nextNo % 7)", requestNo: "F-\(nextNo)", amount: amount(), beneficiaries: 1,
                                    purpose: .livingCosts, reason: .temporaryInability)
                outcome = book.request(r, context: c)
                let fits = r.amount <= before.balance.available
                XCTAssertEqual(try outcome.get().state.requests[r.requestNo]?.status, fits ? .awaitingApproval : .insufficientFund)
            case 5, 6:
                let r = pick([.awaitingApproval]) ?? pick([.rejected, .disbursed])
                let kind: FundDecisionKind = Bool.random(using: &rng) ? .approved : .rejected
                outcome = book.decide(FundDecision(requestNo: r?.requestNo ?? "none", decision: kind, approver: "x"), context: c)
                if r?.status != .awaitingApproval { assertRejected(outcome, .invalidState) }
            case 7, 8:
                let r = pick([.disbursed, .partiallyRecovered])
                let outstanding = r?.outstanding.fen ?? 1
                let asked = Money(fen: Int64.random(in: 1...(outstanding + outstanding / 4 + 1), using: &rng))
                outcome = book.recover(FundRecovered(requestNo: r?.requestNo ?? "none", amount: asked), context: c)
                if r == nil || asked.fen > outstanding { assertRejected(outcome, .invalidState) }
            default:
                let r = pick([.disbursed, .partiallyRecovered])
                outcome = book.writeOff(FundWriteoff(requestNo: r?.requestNo ?? "none", approver: "x", reason: "r"), context: c)
                if let r, let from = r.writeOffAllowedFrom, now >= from {
                    XCTAssertEqual(try outcome.get().state.requests[r.requestNo]?.writtenOff, r.outstanding)
                } else {
                    assertRejected(outcome, .invalidState)
                }
            }
            guard case .success(let t) = outcome else { continue }
            accepted += 1
            book = t.state
            statusesSeen.formUnion(book.requests.values.map(\.status))
            for tx in t.ledger {
                kindsSeen.insert(tx.kind)
                XCTAssertTrue(tx.isBalanced, "seed \(seed) step \(step): \(tx)")
                XCTAssertEqual(tx.postings.count, 2)
                for p in tx.postings { accounts[p.account, default: 0] += p.amountFen }
            }
            try check(book, accounts, context: "seed \(seed) step \(step)")
        }
        XCTAssertGreaterThan(accepted, steps / 3, "the sequence exercised the book (seed \(seed))")
    }

    func check(_ book: FundBook, _ accounts: [LedgerAccount: Int64], context: String) throws {
        let b = book.balance
        XCTAssertGreaterThanOrEqual(b.available, .zero, context)
        XCTAssertEqual(accounts.values.reduce(0, +), 0, "the ledger sums to zero: \(context)")
        XCTAssertEqual(accounts[.fundCash, default: 0], b.cash.fen, context)
        XCTAssertEqual(accounts[.budget, default: 0], -b.deposited.fen, context)
        XCTAssertEqual(accounts[.advancesReceivable, default: 0], b.outstanding.fen, context)
        XCTAssertEqual(accounts[.writtenOff, default: 0], b.writtenOff.fen, context)
        XCTAssertEqual(b.available, b.cash - b.reserved, context)
        let records = Array(book.requests.values)
        XCTAssertEqual(records.filter { $0.status == .awaitingApproval }.reduce(Money.zero) { $0 + $1.amount }, b.reserved, context)
        XCTAssertEqual(records.reduce(Money.zero) { $0 + $1.outstanding }, b.outstanding, context)
        for r in records {
            XCTAssertGreaterThanOrEqual(r.outstanding, .zero, context)
            XCTAssertEqual(r.status == .recovered || r.status == .writtenOff, r.status.isDisbursed && r.outstanding == .zero, context)
        }
    }
}
