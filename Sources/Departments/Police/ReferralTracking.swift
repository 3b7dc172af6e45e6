import Foundation
import Runtime
import Messages
import Workflow

/// The office's side of criminal referrals (CONTRACT §3), run by `worker-hrss`:
/// records every `referral.receipt`, `referral.decision` and `referral.measure` on
/// the referral's case timeline under hrss (`referral_receipt`, `referral_decision`,
/// `referral_measure`), and periodically records `referral_overdue` once per
/// referral and deadline whose decision is overdue.
///
/// hrss reads referrals only through `wage.referral_overview` (no suspect data),
/// where it finds the case of a `referral_no`. Police hold the referral's state:
/// for a decision or measure (sent by police staff to hrss and copied to police)
/// hrss follows police's verdict (`wage.referral_events` / `wage.rejections`), so
/// both refuse the same messages with the same reason. While police have not
/// processed it yet, hrss waits up to `policeVerdictWait` seconds, then judges
/// alone with the same status rules (`ReferralStatus.awaitingDecision`,
/// `.measurable`). See docs/referrals.md.
///
/// When a wait ran out (police is down or far behind), the next decisions and
/// measures within `policeSilence` seconds are judged alone at once: waiting for
/// each of them held up the office's whole queue (2 s per message).
public final class ReferralTracking: HandlerPart {
    /// Seconds a decision or measure waits for police's verdict before hrss judges alone.
    public let policeVerdictWait: Double
    /// Seconds after a wait ran out during which hrss does not wait again.
    public let policeSilence: Double
    /// Until when police counts as silent (consumer thread only).
    private var silentUntil = Date.distantPast

    public init(policeVerdictWait: Double = 2, policeSilence: Double = 30) {
        self.policeVerdictWait = policeVerdictWait
        self.policeSilence = policeSilence
    }

    public let types: Set<MessageType> = [.referralReceipt, .referralDecision, .referralMeasure]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        do {
            switch message.type {
            case .referralReceipt?:
                return try receipt(try ReferralReceipt(json: message.payload), context)
            case .referralDecision?:
                return try decision(try ReferralDecision(json: message.payload), message, context)
            case .referralMeasure?:
                return try measure(try ReferralMeasure(json: message.payload), message, context)
            default:
                return .reject(.unknownType)
            }
        } catch let reason as RejectionReason {
            return .reject(reason)
        }
    }

    /// Records referrals whose decision became overdue (see `recordOverdue`).
    public func periodic(context: HandlerContext) throws {
        _ = try ReferralTracking.recordOverdue(asOf: context.today, context: context)
    }

    func receipt(_ receipt: ReferralReceipt, _ context: HandlerContext) throws -> Disposition {
        guard let referral = try TrackedReferral.find(receipt.referralNo, db: context.db) else { return .reject(.unknownCase) }
        try context.timeline(caseID: referral.caseID, event: "referral_receipt", detail: .compact([
            "referral_no": .string(receipt.referralNo), "status": .string(receipt.status.rawValue),
            "missing": .strings(receipt.missing), "decide_by": receipt.decideBy.map(JSONValue.day),
        ]))
        return .ack
    }

    func decision(_ decision: ReferralDecision, _ message: InboundMessage, _ context: HandlerContext) throws -> Disposition {
        guard let referral = try TrackedReferral.find(decision.referralNo, db: context.db) else { return .reject(.unknownCase) }
        if let refusal = try judge(message, referral, allowedIn: ReferralStatus.awaitingDecision, context) { return refusal }
        var detail: [String: JSONValue] = ["referral_no": .string(decision.referralNo)]
        switch decision.verdict {
        case .filed(let policeCaseNo):
            detail["decision"] = "filed"
            detail["police_case_no"] = .string(policeCaseNo)
        case .notFiled(let reason):
            detail["decision"] = "not_filed"
            detail["reason"] = .string(reason)
        }
        try context.timeline(caseID: referral.caseID, event: "referral_decision", detail: .object(detail))
        return .ack
    }

    func measure(_ measure: ReferralMeasure, _ message: InboundMessage, _ context: HandlerContext) throws -> Disposition {
        guard let referral = try TrackedReferral.find(measure.referralNo, db: context.db) else { return .reject(.unknownCase) }
        if let refusal = try judge(message, referral, allowedIn: ReferralStatus.measurable, context) { return refusal }
        try context.timeline(caseID: referral.caseID, event: "referral_measure", detail: .compact([
            "referral_no": .string(measure.referralNo), "kind": .string(measure.kind.rawValue), "detail": measure.detail,
        ]))
        return .ack
    }

    /// nil to record the message; otherwise the refusal.
    func judge(_ message: InboundMessage, _ referral: TrackedReferral, allowedIn statuses: Set<ReferralStatus>,
               _ context: HandlerContext) throws -> Disposition? {
        let wait = Date() < silentUntil ? 0 : policeVerdictWait
        switch try PoliceVerdict.awaited(messageID: message.messageID, db: context.db, timeout: wait) {
        case .applied:
            return nil
        case .refused(let reason):
            return .reject(reason)
        case .pending:
            if wait > 0 { silentUntil = Date().addingTimeInterval(policeSilence) }
            let status = try TrackedReferral.find(referral.referralNo, db: context.db)?.status ?? referral.status
            return statuses.contains(status) ? nil : .reject(.invalidState)
        }
    }
}
