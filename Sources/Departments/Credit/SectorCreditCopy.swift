import Foundation
import Logging
import Runtime
import Store
import Messages
import Workflow

/// A sector regulator's copy of the arrears blacklist (CONTRACT §9: `credit.list` and
/// `credit.delist` go to housing and market too, who enforce the restrictions in
/// their sectors), a part of the sector worker (`Workers.sector`).
///
/// The office decides (`CreditDesk`); the copy follows its verdict, so a regulator
/// never restricts an employer the office refused to list: it waits up to
/// `verdictWait` seconds for the office to apply or refuse the same message
/// (`wage.credit_listings.message_id` / `removal_message_id`, `wage.rejections`),
/// then records the listing in `wage.department_credit_listings` (its own rows, RLS)
/// or, when the office refused it, acknowledges it with no effect (the refusal is
/// the office's, recorded once). While the office has not decided, the message is
/// retried later.
public final class SectorCreditCopy: HandlerPart {
    /// The regulator this copy belongs to.
    public let principal: Principal
    /// Seconds to wait for the office's verdict before retrying later.
    public let verdictWait: Double
    let logger = Logger(label: "worker-sector.credit")

    public init(principal: Principal, verdictWait: Double = 5) {
        self.principal = principal
        self.verdictWait = verdictWait
    }

    public let types: Set<MessageType> = [.creditList, .creditDelist]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let column = message.type == .creditDelist ? "removal_message_id" : "message_id"
        switch try OfficeCreditVerdict.awaited(messageID: message.messageID, column: column, db: context.db,
                                               timeout: verdictWait) {
        case .pending:
            return .retryLater("the office has not applied \(message.messageID) yet")
        case .refused(let reason):
            logger.info("the office refused it: no copy", metadata: [
                "message_id": "\(message.messageID)", "reason": "\(reason.code)"])
            return .ack
        case .applied(let listingID):
            try record(listingID, message: message, context: context)
            return .ack
        }
    }

    /// Copies listing `listingID` as the office holds it now (a delisting updates the row).
    private func record(_ listingID: Int64, message: InboundMessage, context: HandlerContext) throws {
        let isDelist = message.type == .creditDelist
        try context.db.execute(
            """
            INSERT INTO wage.department_credit_listings AS d
                (department, listing_id, credit_code, name, decided_on, listed_until, removal, removed_on,
                 list_message_id, delist_message_id, received_at)
            SELECT $1, l.listing_id, l.credit_code, l.name, l.decided_on, l.listed_until, l.removal, l.removed_on,
                   l.message_id, CASE WHEN $3 THEN $4 END, $5
            FROM wage.credit_listings l WHERE l.listing_id = $2
            ON CONFLICT (department, listing_id) DO UPDATE
                SET removal = EXCLUDED.removal, removed_on = EXCLUDED.removed_on,
                    delist_message_id = coalesce(EXCLUDED.delist_message_id, d.delist_message_id)
            """, [principal.rawValue, listingID, isDelist, message.messageID, context.now])
    }
}

/// What the office did with a credit message that reached it and a regulator.
enum OfficeCreditVerdict: Equatable {
    /// Applied to this listing.
    case applied(Int64)
    /// Refused with this reason (`wage.rejections`, rejected_by hrss).
    case refused(RejectionReason)
    /// Not decided yet.
    case pending

    /// The office's verdict, polled until known or `timeout` seconds passed (blocks
    /// the consumer thread, keeps the queue's order).
    static func awaited(messageID: String, column: String, db: PGConnection, timeout: Double) throws -> OfficeCreditVerdict {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let verdict = try of(messageID: messageID, column: column, db: db)
            if verdict != .pending || Date() >= deadline { return verdict }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    static func of(messageID: String, column: String, db: PGConnection) throws -> OfficeCreditVerdict {
        let sql = "SELECT listing_id FROM wage.credit_listings WHERE \(column == "message_id" ? "message_id" : "removal_message_id") = $1"
        if let row = try db.execute(sql, [messageID]).rows.first { return .applied(try row.int64("listing_id")) }
        let refusal = try db.execute(
            "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'hrss'", [messageID]).rows.first
        if let code = try refusal?.string("reason"), let reason = RejectionReason(code: code), reason != .processingFailed {
            return .refused(reason)
        }
        return .pending
    }
}
