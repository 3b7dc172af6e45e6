import Messages
/// The automatic completeness check of a referral on arrival (CONTRACT §3).
public enum ReferralCheck {
    /// The evidence kinds every referral must include, in report order:
    /// 移送书, investigation report, 责令支付文书, 送达证明.
    public static let requiredEvidence = ["referral_letter", "investigation_report", "order_to_pay", "service_proof"]
    /// Reported when `order_to_pay.served` is false.
    public static let orderServed = "order_served"
    /// Reported when `order_to_pay.pay_by` is not strictly before the day of arrival.
    public static let payByPassed = "pay_by_passed"

    /// What is missing, in a stable order: absent evidence kinds (in
    /// `requiredEvidence` order), then `order_served`, then `pay_by_passed`.
    /// Empty when complete. Evidence kinds are compared exactly.
    public static func missing(_ submission: ReferralSubmission, today: Day) -> [String] {
        let present = Set(submission.evidence.map(\.kind))
        var missing = requiredEvidence.filter { !present.contains($0) }
        if !submission.orderToPay.served { missing.append(orderServed) }
        if !(submission.orderToPay.payBy < today) { missing.append(payByPassed) }
        return missing
    }
}
