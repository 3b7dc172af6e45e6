@testable import Messages
@testable import Workflow

/// A complete referral: all four evidence kinds, order served, pay_by 2026-02-10.
func sampleSubmission(no: String = "R-1", evidence: [String] = ReferralCheck.requiredEvidence, served: Bool = true,
                      payBy: String = "2026-02-10") -> ReferralSubmission {
    ReferralSubmission(
        caseID: "C-1", referralNo: no, suspect: Suspect(name: "某建筑公司", kind: .company),
        amountOwed: yuan("150000.00"), workersCount: 12,
        orderToPay: OrderToPay(issuedOn: d("2026-01-20"), payBy: d(payBy), served: served),
        evidence: evidence.map { Evidence(kind: $0, title: "\($0) 文书") })
}

/// A referral in any status, with `decide_by` and the decision day set.
func sampleReferral(_ status: ReferralStatus, decideBy: String? = "2026-02-16", decidedOn: String? = nil,
                    reconsidered: Bool = false) -> ReferralState {
    ReferralState(submission: sampleSubmission(), status: status, receivedAt: ctx("2026-02-13").now,
                  decideBy: decideBy.map { d($0) }, decidedOn: decidedOn.map { d($0) }, reconsidered: reconsidered)
}
