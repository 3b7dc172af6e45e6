import Workflow

/// The payload schema of every message type (CONTRACT §3 and the extension
/// `message.rejected`), as declarative data. Fields are checked in the order
/// listed here; unknown extra fields are allowed (forward compatibility).
public enum MessageSchemas {
    /// The fields of `type`'s payload, in checking order.
    public static func fields(for type: MessageType) -> [FieldSpec] {
        switch type {
        case .clueReport, .caseTransfer, .caseAccept, .caseReturn, .caseProgress, .caseResolved,
             .caseEscalate, .caseClose, .caseAssignLeader, .caseNotice, .officeSweep:
            return caseFields(type)
        case .referralSubmit, .referralReceipt, .referralDecision, .referralReconsider, .referralMeasure:
            return referralFields(type)
        case .fundDeposit, .fundRequest, .fundDecision, .fundDisbursed, .fundRejected,
             .fundRecovered, .fundWriteoff:
            return fundFields(type)
        case .legalaidRequest, .legalaidProvider, .legalaidDecision, .legalaidAssigned,
             .petitionReceived, .incidentAlert, .messageRejected:
            return otherFields(type)
        }
    }

    /// The spec of a top-level field of `type`, if the schema has it.
    public static func field(_ name: String, of type: MessageType) -> FieldSpec? {
        fields(for: type).first { $0.name == name }
    }

    /// Checks `body` against the schema of `type`: `nil` when valid, otherwise the
    /// first problem (`.invalidJSON` when the body is not an object, else
    /// `.schema(path)`). See `SchemaValidator` for the order and the path format.
    public static func validate(type: MessageType, body: JSONValue) -> RejectionReason? {
        SchemaValidator.validate(body: body, fields: fields(for: type))
    }

    // MARK: - §3 Clues and cases

    static let employer: FieldKind = .object([.req("name", .text), .opt("credit_code", .text)])
    static let project: FieldKind = .object([.opt("name", .text), .opt("location", .text)])
    static let person: FieldKind = .object([.opt("name", .text), .opt("phone", .text), .opt("id_number", .text)])
    static let channels = ["national_platform", "hotline", "petition", "labour_inspection", "walk_in", "department"]

    private static func caseFields(_ type: MessageType) -> [FieldSpec] {
        let caseID = FieldSpec.req("case_id", .id)
        switch type {
        case .clueReport:
            return [.req("channel", .enumeration(channels)), .req("clue_ref", .id), .req("employer", employer),
                    .opt("project", project), .req("sector", .sector), .req("workers_count", .int(min: 1)),
                    .req("amount_owed", .money), .opt("description", .text), .opt("reporter", person)]
        case .caseTransfer:
            return [caseID, .req("sector", .sector), .opt("to", .principal), .opt("note", .text)]
        case .caseAccept:
            return [caseID]
        case .caseReturn, .caseEscalate:
            return [caseID, .req("reason", .text)]
        case .caseProgress:
            return [caseID, .req("note", .text)]
        case .caseResolved:
            return [caseID, .req("amount_paid", .money), .req("workers_paid", .int(min: 1)), .opt("note", .text)]
        case .caseClose:
            return [caseID, .opt("note", .text)]
        case .caseAssignLeader:
            return [caseID, .req("leader", .text), .req("leader_department", .text)]
        case .caseNotice:
            return [caseID, .req("event", .id), .req("notify", .array(of: .principal, minCount: 1)),
                    .opt("detail", .any)]
        default: // .officeSweep
            return [.opt("as_of", .day)]
        }
    }

    // MARK: - §3 Criminal referrals

    private static func referralFields(_ type: MessageType) -> [FieldSpec] {
        let referralNo = FieldSpec.req("referral_no", .id)
        switch type {
        case .referralSubmit:
            let suspect: FieldKind = .object([.req("name", .text), .req("kind", .enumeration(["company", "person"])),
                                              .opt("credit_code", .text), .opt("id_number", .text)])
            let order: FieldKind = .object([.req("issued_on", .day), .req("pay_by", .day), .req("served", .bool)])
            let evidence: FieldKind = .object([.req("kind", .id), .req("title", .text)])
            return [.req("case_id", .id), referralNo, .req("suspect", suspect), .req("amount_owed", .money),
                    .req("workers_count", .int(min: 1)), .req("order_to_pay", order),
                    .req("evidence", .array(of: evidence, minCount: 0))]
        case .referralReceipt:
            return [referralNo, .req("status", .enumeration(["accepted_for_review", "incomplete"])),
                    .opt("missing", .stringArray)]
        case .referralDecision:
            return [referralNo, .req("decision", .enumeration(["filed", "not_filed"])),
                    .opt("police_case_no", .id),
                    FieldSpec("reason", .requiredWhen(field: "decision", equals: "not_filed"), .text)]
        case .referralReconsider:
            return [referralNo, .req("reason", .text)]
        default: // .referralMeasure
            return [referralNo,
                    .req("kind", .enumeration(["freeze_accounts", "control_suspect", "early_intervention"])),
                    .opt("detail", .text)]
        }
    }

    // MARK: - §3 Emergency revolving fund

    private static func fundFields(_ type: MessageType) -> [FieldSpec] {
        let requestNo = FieldSpec.req("request_no", .id)
        let amount = FieldSpec.req("amount", .money)
        switch type {
        case .fundDeposit:
            return [amount, .opt("note", .text)]
        case .fundRequest:
            return [.req("case_id", .id), requestNo, amount, .req("beneficiaries", .int(min: 1)),
                    .req("purpose", .enumeration(["partial_wages", "living_costs", "travel_home"])),
                    .req("reason", .enumeration(["employer_fled", "temporary_inability", "approved_special"]))]
        case .fundDecision:
            return [requestNo, .req("decision", .enumeration(["approved", "rejected"])), .req("approver", .text),
                    .opt("note", .text)]
        case .fundDisbursed, .fundRejected:
            return [requestNo, amount, .opt("reason", .text)]
        case .fundRecovered:
            return [requestNo, amount]
        default: // .fundWriteoff
            return [requestNo, .req("approver", .text), .req("reason", .text)]
        }
    }

    // MARK: - §3 Legal aid, petitions; extension message.rejected

    private static func otherFields(_ type: MessageType) -> [FieldSpec] {
        switch type {
        case .legalaidRequest:
            let applicant: FieldKind = .object([.req("name", .text), .opt("id_number", .text), .opt("phone", .text)])
            return [.req("application_no", .id), .opt("case_id", .id), .req("applicant", applicant),
                    .req("matter", .enumeration(["wage_arrears", "other"]))]
        case .legalaidProvider:
            return [.req("provider_id", .id), .req("name", .text), .req("active", .bool)]
        case .legalaidDecision:
            return [.req("application_no", .id), .req("decision", .enumeration(["approved", "denied"])),
                    .opt("reason", .text)]
        case .legalaidAssigned:
            return [.req("application_no", .id), .req("to", .principal), .req("provider_id", .id),
                    .req("provider_name", .text)]
        case .petitionReceived:
            return [.req("petition_no", .id), .req("petitioners", .int(min: 1)),
                    .req("form", .enumeration(["letter", "visit", "online", "phone"])), .req("wage_related", .bool),
                    .opt("employer", .oneOf([.text, employer])), .opt("sector", .sector),
                    .opt("amount_owed", .money), .opt("workers_count", .int(min: 1)), .opt("summary", .text)]
        case .incidentAlert:
            return [.req("petition_no", .id), .req("people", .int(min: 1)), .opt("location", .text),
                    .opt("summary", .text)]
        default: // .messageRejected
            return [.req("original_message_id", .id), .req("original_type", .messageType),
                    .req("reason", .rejectionReason), .req("original_sender", .principal),
                    .opt("original_body", .string(minLength: 0, maxLength: SchemaBounds.maxBodyLength))]
        }
    }
}
