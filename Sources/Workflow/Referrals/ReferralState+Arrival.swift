import Messages
/// `referral.submit` on arrival at police: the automatic check and the receipt.
extension ReferralState {
    /// A submission of `referralNo`, first or again. `existing` is the stored state
    /// when the number is already known.
    ///
    /// A first submission is checked; a resubmission is checked again only while
    /// `incomplete` (and must name the same case); a resubmission of a referral
    /// already accepted for review or decided is `invalid_state` (the earlier
    /// review stands; hrss learns of its mistake).
    public static func submit(_ submission: ReferralSubmission, existing: ReferralState?,
                              context: WorkflowContext) -> Outcome<ReferralState> {
        guard let existing else { return .success(check(submission, submissions: 1, context: context)) }
        guard existing.status == .incomplete, existing.caseID == submission.caseID,
              existing.referralNo == submission.referralNo else { return .failure(.invalidState) }
        return .success(check(submission, submissions: existing.submissions + 1, context: context))
    }

    /// Runs the arrival check: `under_review` with `decide_by` = today + 3 days, or
    /// `incomplete` with the missing list. Sends `referral.receipt` to hrss and
    /// records `referral_received` on the case timeline under police.
    ///
    /// The receipt's id suffix is just `receipt`: the cause (one `referral.submit`)
    /// already makes it unique, and a `referral_no` of up to 128 characters in the
    /// suffix could push the id past the contract's 128-character limit.
    static func check(_ submission: ReferralSubmission, submissions: Int, context: WorkflowContext) -> Transition<ReferralState> {
        let missing = ReferralCheck.missing(submission, today: context.today)
        let complete = missing.isEmpty
        let decideBy = complete ? context.today.adding(days: daysToDecide) : nil
        let state = ReferralState(submission: submission, status: complete ? .underReview : .incomplete,
                                  receivedAt: context.now, decideBy: decideBy, missing: missing, submissions: submissions)
        let receipt = ReferralReceipt(referralNo: submission.referralNo, status: complete ? .acceptedForReview : .incomplete,
                                      missing: missing, decideBy: decideBy)
        return Transition(state: state, actions: [
            state.entry("referral_received", receipt.json.objectValue ?? [:]),
            .send(FollowUpMessage(type: .referralReceipt, recipients: [.hrss], payload: receipt.json,
                                  idSuffix: "receipt", correlationID: submission.caseID)),
        ])
    }

    /// A timeline entry on the referral's case, under police.
    func entry(_ event: String, _ detail: [String: JSONValue]) -> Action {
        var detail = detail
        detail["referral_no"] = .string(referralNo)
        return .appendTimeline(TimelineEntry(caseID: caseID, department: .police, event: event, detail: .object(detail)))
    }
}
