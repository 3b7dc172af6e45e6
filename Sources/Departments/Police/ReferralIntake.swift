import Foundation
import Runtime
import Messages
import Workflow

/// Police intake of criminal referrals (移送, CONTRACT §3), run by `worker-police`.
///
/// - `referral.submit` (hrss): checked on arrival without a person by the
///   Workflow referral machine and answered with an automatic `referral.receipt`
///   (`accepted_for_review` with `decide_by`, or `incomplete` with `missing`). A
///   resubmission (same `referral_no`, new message id) after `incomplete` is
///   checked again; one of a referral already accepted or decided is `invalid_state`.
/// - `referral.decision`, `referral.measure`: the copy (duty list `copy_to: [police]`)
///   of what police staff sent to hrss through the CLI; applied to the referral
///   (`filed` / `not_filed`, measures), or refused (`unknown_case` for an unknown
///   `referral_no`, `invalid_state` when the referral's status does not allow it).
/// - `referral.reconsider` (hrss): once, within 3 days of `not_filed` →
///   `reconsidering` (police decide again); later, twice or otherwise `invalid_state`.
///
/// Every applied message is logged in `wage.referral_events` (worker-hrss follows
/// police's verdict from it). See docs/referrals.md.
public final class ReferralIntake: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.referralSubmit, .referralDecision, .referralReconsider, .referralMeasure]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        do {
            switch message.type {
            case .referralSubmit?:
                return try submit(try ReferralSubmission(json: message.payload), message, context)
            case .referralDecision?:
                let decision = try ReferralDecision(json: message.payload)
                return try apply(decision.referralNo, message, context) { $0.decide(decision, context: $1) }
            case .referralReconsider?:
                let request = try ReferralReconsider(json: message.payload)
                return try apply(request.referralNo, message, context) { $0.reconsider(request, context: $1) }
            case .referralMeasure?:
                let measure = try ReferralMeasure(json: message.payload)
                return try apply(measure.referralNo, message, context) { $0.measure(measure, context: $1) }
            default:
                return .reject(.unknownType)
            }
        } catch let reason as RejectionReason {
            return .reject(reason)
        }
    }

    /// A first submission or a resubmission; `unknown_case` when `case_id` names no case.
    func submit(_ submission: ReferralSubmission, _ message: InboundMessage, _ context: HandlerContext) throws -> Disposition {
        guard let caseID = CaseDirectory.normalized(submission.caseID), try CaseDirectory.exists(caseID, db: context.db)
        else { return .reject(.unknownCase) }
        var submission = submission
        submission.caseID = caseID
        let existing = try ReferralRecords.load(submission.referralNo, db: context.db)
        switch ReferralState.submit(submission, existing: existing, context: context.workflow) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            try ReferralRecords.save(transition.state, submitMessageID: message.messageID,
                                     submittedBy: message.sender ?? .hrss, db: context.db)
            try finish(transition, message, context)
            return .ack
        }
    }

    /// Loads and locks the referral, applies `event`, stores the result.
    func apply(_ referralNo: String, _ message: InboundMessage, _ context: HandlerContext,
               _ event: (ReferralState, WorkflowContext) -> Outcome<ReferralState>) throws -> Disposition {
        guard let state = try ReferralRecords.load(referralNo, db: context.db) else { return .reject(.unknownCase) }
        switch event(state, context.workflow) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            try ReferralRecords.save(transition.state, submitMessageID: nil, submittedBy: nil, db: context.db)
            if transition.state.measures.count > state.measures.count, let added = transition.state.measures.last {
                try ReferralRecords.insertMeasure(added, referralNo: referralNo, messageID: message.messageID, db: context.db)
            }
            try finish(transition, message, context)
            return .ack
        }
    }

    func finish(_ transition: Transition<ReferralState>, _ message: InboundMessage, _ context: HandlerContext) throws {
        try ReferralRecords.logApplied(message, state: transition.state, db: context.db)
        try ActionPerformer(context: context, policy: ActionPolicy()).perform(transition.actions)
    }
}
