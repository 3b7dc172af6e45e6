/// Every message type, once: the single place the router, the workers, `wagectl`,
/// the console, the demo and the tests look a type up.
public enum MessageCatalogue {
    /// Every catalogued type, in the order of CONTRACT §3, Part II and the extensions.
    public static let all: [any WireMessage.Type] = [
        // §3 Clues and cases; §7
        ClueReport.self, CaseTransfer.self, CaseAccept.self, CaseReturn.self, CaseProgress.self,
        CaseResolved.self, CaseEscalate.self, CaseClose.self, CaseAssignLeader.self, CaseNotice.self,
        OfficeSweep.self,
        // §3 Criminal referrals
        ReferralSubmission.self, ReferralReceipt.self, ReferralDecision.self, ReferralReconsider.self,
        ReferralMeasure.self,
        // §3 Emergency revolving fund
        FundDeposit.self, FundRequest.self, FundDecision.self, FundDisbursed.self, FundRejected.self,
        FundRecovered.self, FundWriteoff.self,
        // §3 Legal aid, petitions
        LegalAidRequest.self, LegalAidProviderUpdate.self, LegalAidDecision.self, LegalAidAssigned.self,
        PetitionReceived.self, IncidentAlert.self,
        // Extension: a worker's refusal (docs/contract-extensions.md)
        MessageRejected.self,
        // Part II §7: the office
        CaseImport.self,

        // Part II §8: construction projects
        ProjectRegister.self, ProjectCompleted.self, DepositPaid.self, DepositDrawn.self, DepositReleased.self,
        AccountOpened.self, AccountFunded.self, AccountAlert.self, AccountStatement.self, RosterEnrol.self,
        PayrollSubmitted.self, InspectionRecorded.self,

        // Part II §9: credit discipline
        CreditList.self, CreditDelist.self,

        // Department returns (issue 22, docs/reports.md)
        ReportSubmitted.self, ReportReminder.self,
    ]

    private static let byType: [MessageType: any WireMessage.Type] = {
        var table: [MessageType: any WireMessage.Type] = [:]
        for entry in all {
            precondition(table[entry.wireType] == nil, "\(entry.wireType.rawValue) catalogued twice")
            table[entry.wireType] = entry
        }
        return table
    }()

    /// The catalogued type of `type` (every `MessageType` has one; `CatalogueTests` checks it).
    public static func entry(for type: MessageType) -> any WireMessage.Type {
        guard let entry = byType[type] else { preconditionFailure("\(type.rawValue) is not in the catalogue") }
        return entry
    }

    /// The fields of `type`'s payload, in checking order.
    public static func fields(for type: MessageType) -> [FieldSpec] { entry(for: type).fields }

    /// The router's schema verdict on a payload of `type` (see `WireMessage.validate`).
    public static func validate(type: MessageType, body: JSONValue, today: Day) -> RejectionReason? {
        entry(for: type).validate(body, today: today)
    }
}
