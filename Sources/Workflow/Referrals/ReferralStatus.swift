import Messages
/// The status of a referral (CONTRACT §4, `referral_overview.status`).
public enum ReferralStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// The arrival check found something missing; hrss may resubmit.
    case incomplete
    /// Complete; police must decide by `decide_by`.
    case underReview = "under_review"
    case filed
    case notFiled = "not_filed"
    /// hrss asked for reconsideration of `not_filed`; police must decide again.
    case reconsidering

    /// Statuses that wait for a police decision (and can be overdue).
    public static let awaitingDecision: Set<ReferralStatus> = [.underReview, .reconsidering]
    /// Statuses in which police may take measures: once accepted for review, and
    /// not after a final `not_filed`.
    public static let measurable: Set<ReferralStatus> = [.underReview, .reconsidering, .filed]
}
