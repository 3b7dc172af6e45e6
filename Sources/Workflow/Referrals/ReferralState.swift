import Messages
import Foundation

/// A measure police recorded on a referral.
public struct ReferralMeasureRecord: Sendable, Hashable {
    public var kind: MeasureKind
    public var detail: JSONValue?
    public var at: Date

    public init(kind: MeasureKind, detail: JSONValue?, at: Date) {
        self.kind = kind
        self.detail = detail
        self.at = at
    }
}

/// A criminal referral as the police worker holds it. Event functions are in
/// `ReferralState+Events.swift`.
public struct ReferralState: Sendable, Hashable {
    /// Calendar days police have to decide after receipt, and to answer a
    /// reconsideration (国务院令310号 第八条, 第九条).
    public static let daysToDecide = 3
    /// Calendar days after a `not_filed` decision within which hrss may ask once for reconsideration.
    public static let daysToAskReconsideration = 3

    public let referralNo: String
    public var caseID: String
    /// The latest submission.
    public var submission: ReferralSubmission
    public var status: ReferralStatus
    /// When the latest submission arrived.
    public var receivedAt: Date
    /// The decision deadline (under review or reconsidering); kept afterwards.
    public var decideBy: Day?
    /// What the latest arrival check found missing.
    public var missing: [String]
    /// How many times the referral was submitted (1 + resubmissions).
    public var submissions: Int
    public var policeCaseNo: String?
    /// The reason of a `not_filed` decision.
    public var decisionReason: String?
    public var decidedAt: Date?
    /// The business day of the latest decision (the reconsideration window counts from it).
    public var decidedOn: Day?
    /// Whether hrss already used its one reconsideration.
    public var reconsidered: Bool
    public var reconsiderRequestedAt: Date?
    public var reconsiderReason: String?
    public var measures: [ReferralMeasureRecord]

    public init(submission: ReferralSubmission, status: ReferralStatus, receivedAt: Date, decideBy: Day? = nil,
                missing: [String] = [], submissions: Int = 1, policeCaseNo: String? = nil, decisionReason: String? = nil,
                decidedAt: Date? = nil, decidedOn: Day? = nil, reconsidered: Bool = false,
                reconsiderRequestedAt: Date? = nil, reconsiderReason: String? = nil, measures: [ReferralMeasureRecord] = []) {
        self.referralNo = submission.referralNo
        self.caseID = submission.caseID
        self.submission = submission
        self.status = status
        self.receivedAt = receivedAt
        self.decideBy = decideBy
        self.missing = missing
        self.submissions = submissions
        self.policeCaseNo = policeCaseNo
        self.decisionReason = decisionReason
        self.decidedAt = decidedAt
        self.decidedOn = decidedOn
        self.reconsidered = reconsidered
        self.reconsiderRequestedAt = reconsiderRequestedAt
        self.reconsiderReason = reconsiderReason
        self.measures = measures
    }

    /// Whether a decision is overdue as of `day`: awaiting one and `day > decideBy`.
    public func isOverdue(asOf day: Day) -> Bool {
        ReferralState.isDecisionOverdue(status: status, decideBy: decideBy, asOf: day)
    }

    /// The same rule on the columns of `referral_overview` (for the office's sweep).
    public static func isDecisionOverdue(status: ReferralStatus, decideBy: Day?, asOf day: Day) -> Bool {
        guard ReferralStatus.awaitingDecision.contains(status), let decideBy else { return false }
        return day > decideBy
    }

    /// The overdue referrals among `referrals`, by deadline then number.
    public static func overdue(_ referrals: [ReferralState], asOf day: Day) -> [ReferralState] {
        referrals.filter { $0.isOverdue(asOf: day) }.sorted {
            ($0.decideBy ?? day, $0.referralNo) < ($1.decideBy ?? day, $1.referralNo)
        }
    }
}
