import Foundation
import Logging
import Runtime
import Store
import Messages
import Workflow

/// The office's credit desk (CONTRACT §9, 失信联合惩戒), a part of `worker-hrss`:
/// `credit.list` puts an employer on the arrears blacklist for 3 years and
/// `credit.delist` removes it early or withdraws it, as `CreditRegister` decides.
///
/// Refusals, in the order of §7.8: `unknown_case` (a basis case that does not exist),
/// then `invalid_state` (no basis case shows the listing condition; the code is
/// already listed; nothing to delist; an early removal too soon or with a basis case
/// still open). Persons are stored in `wage.credit_persons` (hrss only) and appear in
/// logs masked (`CreditPerson.masked`). Each basis case gets a timeline entry
/// (`credit_listed`, `credit_delisted`) under hrss. See docs/credit.md.
public final class CreditDesk: HandlerPart {
    let logger = Logger(label: "worker-hrss.credit")

    public init() {}

    public let types: Set<MessageType> = [.creditList, .creditDelist]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let store = CreditStore(db: context.db)
        switch message.type {
        case .creditList?:
            let list: CreditList
            do { list = try CreditList(json: message.payload) } catch { return .reject(error) }
            return try apply(list, message, store, context)
        case .creditDelist?:
            let delist: CreditDelist
            do { delist = try CreditDelist(json: message.payload) } catch { return .reject(error) }
            return try apply(delist, message, store, context)
        default:
            return .reject(.unknownType)
        }
    }

    private func apply(_ list: CreditList, _ message: InboundMessage, _ store: CreditStore,
                       _ context: HandlerContext) throws -> Disposition {
        try store.lock(list.creditCode)
        let ids = CreditRegister.basisIDs(list.basis) ?? []
        let found = try store.basisCases(ids)
        let open = try store.openListing(list.creditCode, today: context.today)
        switch CreditRegister.list(list, found: found, open: open?.listing, today: context.today) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            let id = try store.insert(transition.state, messageID: message.messageID, at: context.now)
            try ActionPerformer(context: context, policy: ActionPolicy(batchesTimeline: true)).perform(transition.actions)
            logger.info("listed", metadata: [
                "message_id": "\(message.messageID)", "credit_code": "\(list.creditCode)", "listing_id": "\(id)",
                "listed_until": "\(transition.state.listedUntil.iso)",
                "persons": "\(list.persons.map { "\($0.role):\(CreditPerson.masked($0.name))" })"])
            return .ack
        }
    }

    private func apply(_ delist: CreditDelist, _ message: InboundMessage, _ store: CreditStore,
                       _ context: HandlerContext) throws -> Disposition {
        try store.lock(delist.creditCode)
        let open = try store.openListing(delist.creditCode, today: context.today)
        let basis = try store.basisCases(open?.listing.basis ?? [])
        switch CreditRegister.delist(delist, open: open?.listing, basis: basis, today: context.today) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            guard let id = open?.id else { return .reject(.invalidState) }
            try store.remove(id, transition.state, messageID: message.messageID, at: context.now)
            try ActionPerformer(context: context, policy: ActionPolicy(batchesTimeline: true)).perform(transition.actions)
            logger.info("delisted", metadata: [
                "message_id": "\(message.messageID)", "credit_code": "\(delist.creditCode)", "listing_id": "\(id)",
                "reason": "\(delist.reason.rawValue)"])
            return .ack
        }
    }
}
