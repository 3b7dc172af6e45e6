/// Every message type of CONTRACT §3, plus documented extensions.
public enum MessageType: String, CaseIterable, Sendable, Codable, Hashable {
    // Clues and cases
    case clueReport = "clue.report"
    case caseTransfer = "case.transfer"
    case caseAccept = "case.accept"
    case caseReturn = "case.return"
    case caseProgress = "case.progress"
    case caseResolved = "case.resolved"
    case caseEscalate = "case.escalate"
    case caseClose = "case.close"
    case caseAssignLeader = "case.assign_leader"
    case caseNotice = "case.notice"
    case officeSweep = "office.sweep"
    // Criminal referrals
    case referralSubmit = "referral.submit"
    case referralReceipt = "referral.receipt"
    case referralDecision = "referral.decision"
    case referralReconsider = "referral.reconsider"
    case referralMeasure = "referral.measure"
    // Emergency revolving fund
    case fundDeposit = "fund.deposit"
    case fundRequest = "fund.request"
    case fundDecision = "fund.decision"
    case fundDisbursed = "fund.disbursed"
    case fundRejected = "fund.rejected"
    case fundRecovered = "fund.recovered"
    case fundWriteoff = "fund.writeoff"
    // Legal aid
    case legalaidRequest = "legalaid.request"
    case legalaidProvider = "legalaid.provider"
    case legalaidDecision = "legalaid.decision"
    case legalaidAssigned = "legalaid.assigned"
    // Petitions
    case petitionReceived = "petition.received"
    case incidentAlert = "incident.alert"
    // Extension (docs/contract-extensions.md): a worker's refusal of a message it
    // received, sent to the router, which dead-letters the original with
    // `x-wage-reason` / `x-wage-rejected-by` (department users may only write
    // to `wage.intake`, so they cannot publish to `wage.dead` themselves).
    case messageRejected = "message.rejected"

    // ---- Part II §7: the office (issue 17) ----
    /// §7.7: an earlier year's closed case, imported by the office (历史数据迁移).
    case caseImport = "case.import"

    // ---- Part II §8: construction projects (issue 18) ----
    case projectRegister = "project.register"
    case projectCompleted = "project.completed"
    case depositPaid = "deposit.paid"
    case depositDrawn = "deposit.drawn"
    case depositReleased = "deposit.released"
    case accountOpened = "account.opened"
    case accountFunded = "account.funded"
    case accountAlert = "account.alert"
    case accountStatement = "account.statement"
    case rosterEnrol = "roster.enrol"
    case payrollSubmitted = "payroll.submitted"
    case inspectionRecorded = "inspection.recorded"

    // ---- Part II §9: credit discipline (issue 19) ----
    case creditList = "credit.list"
    case creditDelist = "credit.delist"

    // ---- Department returns (issue 22) ----
    case reportSubmitted = "report.submitted"
    case reportReminder = "report.reminder"
}

extension MessageType {
    /// The types of CONTRACT Part I (§3) and the `message.rejected` extension: every
    /// duty list must give each of them a rule. A type added later (Part II) may be
    /// absent from an older list, and is then `unknown_type` under that version.
    public static let partOne: Set<MessageType> = [
        .clueReport, .caseTransfer, .caseAccept, .caseReturn, .caseProgress, .caseResolved, .caseEscalate,
        .caseClose, .caseAssignLeader, .caseNotice, .officeSweep,
        .referralSubmit, .referralReceipt, .referralDecision, .referralReconsider, .referralMeasure,
        .fundDeposit, .fundRequest, .fundDecision, .fundDisbursed, .fundRejected, .fundRecovered, .fundWriteoff,
        .legalaidRequest, .legalaidProvider, .legalaidDecision, .legalaidAssigned,
        .petitionReceived, .incidentAlert, .messageRejected,
    ]
}
