import Foundation
import Runtime
import Store
import Messages
import Workflow

/// What the police worker did with a referral message that reached both police and
/// hrss (a `referral.decision` or `referral.measure` sent by police staff, copied to
/// police by the duty list): worker-hrss follows it so that both sides accept or
/// refuse the same messages.
enum PoliceVerdict: Equatable {
    /// Applied: logged in `wage.referral_events`.
    case applied
    /// Refused with this reason: in `wage.rejections` with `rejected_by = police`.
    case refused(RejectionReason)
    /// Not processed yet (or failed only technically, `processing_failed`).
    case pending

    /// Police's verdict, polled (each statement sees the latest commits) until it
    /// is known or `timeout` seconds passed; `.pending` then. Blocks the consumer
    /// thread, never the cooperative pool; keeps the order of hrss's queue (a
    /// requeue would move the message behind later ones).
    static func awaited(messageID: String, db: PGConnection, timeout: Double) throws -> PoliceVerdict {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let verdict = try of(messageID: messageID, db: db)
            if verdict != .pending || Date() >= deadline { return verdict }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    static func of(messageID: String, db: PGConnection) throws -> PoliceVerdict {
        if try !db.execute("SELECT 1 FROM wage.referral_events WHERE message_id = $1", [messageID]).rows.isEmpty {
            return .applied
        }
        let refusal = try db.execute(
            "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'police'", [messageID]).rows.first
        if let code = try refusal?.string("reason"), let reason = RejectionReason(code: code), reason != .processingFailed {
            return .refused(reason)
        }
        return .pending
    }
}

/// A referral as hrss sees it (`wage.referral_overview`: no suspect data).
struct TrackedReferral {
    let referralNo: String
    let caseID: String
    let status: ReferralStatus

    /// The referral `referralNo`, or nil when police hold no such referral.
    static func find(_ referralNo: String, db: PGConnection) throws -> TrackedReferral? {
        guard let row = try db.execute(
            "SELECT case_id::text AS case_id, status FROM wage.referral_overview WHERE referral_no = $1",
            [referralNo]).rows.first,
              let status = ReferralStatus(rawValue: try row.string("status")) else { return nil }
        return TrackedReferral(referralNo: referralNo, caseID: try row.string("case_id"), status: status)
    }
}
