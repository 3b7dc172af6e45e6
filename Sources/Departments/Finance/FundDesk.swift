import Foundation
import Logging
import Runtime
import Store
import Messages
import Workflow

/// The emergency revolving fund 应急周转金 (CONTRACT §3), the finance worker's
/// part: deposits, requests (reserved at once or `insufficient_fund`), the
/// government's decisions, recoveries and write-offs, as the Workflow `FundBook`
/// decides them, with a double-entry ledger in PostgreSQL (docs/fund.md).
///
/// Every message takes `wage.fund_lock` first, then loads the totals and the one
/// request it concerns, so several finance instances never both spend the same
/// money. Refusals: `unknown_case` (request for a case not in `wage.cases`),
/// `invalid_state` (everything the book refuses, including an unknown
/// `request_no` in a decision, recovery or write-off).
public final class FundDesk: HandlerPart {
    let logger = Logger(label: "worker-finance.fund")

    public init() {}

    public let types: Set<MessageType> = [.fundDeposit, .fundRequest, .fundDecision, .fundRecovered, .fundWriteoff]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let store = FundStore(db: context.db)
        let effects = FundEffects(context: context, store: store, logger: logger)
        let domain = context.workflow
        do {
            try store.lock()
            switch message.type {
            case .fundDeposit:
                let deposit = try parse { () throws(RejectionReason) in try FundDeposit(json: message.payload) }
                let book = FundBook(balance: try store.balance())
                return try effects.apply(.success(book.deposit(deposit, context: domain)), note: deposit.note)
            case .fundRequest:
                return try request(message, store: store, effects: effects, domain: domain)
            case .fundDecision:
                let decision = try parse { () throws(RejectionReason) in try FundDecision(json: message.payload) }
                let book = try self.book(store, decision.requestNo)
                return try effects.apply(book.decide(decision, context: domain), requestNo: decision.requestNo,
                                         note: decision.note)
            case .fundRecovered:
                let recovery = try parse { () throws(RejectionReason) in try FundRecovered(json: message.payload) }
                let book = try self.book(store, recovery.requestNo)
                return try effects.apply(book.recover(recovery, context: domain), requestNo: recovery.requestNo,
                                         note: nil)
            case .fundWriteoff:
                let writeoff = try parse { () throws(RejectionReason) in try FundWriteoff(json: message.payload) }
                let book = try self.book(store, writeoff.requestNo)
                return try effects.apply(book.writeOff(writeoff, context: domain), requestNo: writeoff.requestNo,
                                         note: writeoff.reason)
            default:
                return .reject(.unknownType)
            }
        } catch let refusal as Refusal {
            return .reject(refusal.reason)
        } catch let error as PGError where error.sqlState == "23514" {
            // A CHECK or the ledger's deferred checks (made immediate by FundEffects)
            // refused the new state. The book should have refused it first; never
            // commit it, never retry it forever: refuse it, visibly.
            logger.error("fund state refused by the database", metadata: [
                "message_id": "\(message.messageID)", "type": "\(message.rawType)", "error": "\(error)"])
            return .reject(.invalidState)
        }
    }

    /// `fund.request`: the case must exist (`unknown_case`), then the book
    /// reserves it or records `insufficient_fund`.
    private func request(_ message: InboundMessage, store: FundStore, effects: FundEffects,
                         domain: WorkflowContext) throws -> Disposition {
        var request = try parse { () throws(RejectionReason) in try FundRequest(json: message.payload) }
        guard try store.caseExists(request.caseID), let uuid = UUID(uuidString: request.caseID) else {
            return .reject(.unknownCase)
        }
        request.caseID = uuid.uuidString.lowercased()
        let book = try self.book(store, request.requestNo)
        return try effects.apply(book.request(request, context: domain), requestNo: request.requestNo, note: nil,
                                 isNew: true)
    }

    /// The book as far as one message needs it: the totals and the request it names (if known).
    private func book(_ store: FundStore, _ requestNo: String) throws -> FundBook {
        var requests: [String: FundRequestRecord] = [:]
        if let record = try store.request(requestNo) { requests[requestNo] = record }
        return FundBook(balance: try store.balance(), requests: requests)
    }

    private func parse<T>(_ read: () throws(RejectionReason) -> T) throws -> T {
        do { return try read() } catch { throw Refusal(reason: error) }
    }

    struct Refusal: Error { let reason: RejectionReason }
}
