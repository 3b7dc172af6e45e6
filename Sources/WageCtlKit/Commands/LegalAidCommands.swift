import ArgumentParser
import Messages
import Workflow

/// `legalaid.request`: an application for legal aid (法律援助).
struct LegalAidRequestCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Apply for legal aid (legalaid.request; hrss, petitions, platform, justice).")
    static let messageType = MessageType.legalaidRequest
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("application-no")) var applicationNo: String
    @Option(name: .customLong("case-id"), help: "The case (id or number), when there is one.") var caseRef: String?
    @Option(name: .customLong("applicant-name")) var applicantName: String
    @Option(name: .customLong("applicant-id-number")) var applicantIDNumber: String?
    @Option(name: .customLong("applicant-phone")) var applicantPhone: String?
    @Option(help: "wage_arrears (same-day green channel) or other (means test).") var matter: String = "wage_arrears"

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact([
            "application_no": P.s(applicationNo), "case_id": try caseRef.map { .string(try context.caseID($0)) },
            "applicant": .compact(["name": P.s(applicantName), "id_number": P.s(applicantIDNumber), "phone": P.s(applicantPhone)]),
            "matter": P.s(matter),
        ])
    }
}

/// `legalaid.provider`: justice adds, renames or (de)activates a provider.
struct LegalAidProviderCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "provider", abstract: "Add or change a legal-aid provider (legalaid.provider, justice).")
    static let messageType = MessageType.legalaidProvider
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("provider-id")) var providerID: String
    @Option var name: String
    @Option(help: "true or false.") var active: Bool = true

    func payload(_ context: PayloadContext) throws -> JSONValue {
        ["provider_id": .string(providerID), "name": .string(name), "active": .bool(active)]
    }
}

/// `legalaid.decision`: justice decides a means-tested application.
struct LegalAidDecideCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Decide a means-tested application (legalaid.decision, justice).")
    static let messageType = MessageType.legalaidDecision
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("application-no")) var applicationNo: String
    @Option(help: "approved or denied.") var decision: String
    @Option var reason: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("legal_aid_overview", key: "application_no", value: applicationNo)
        return .compact(["application_no": P.s(applicationNo), "decision": P.s(decision), "reason": P.s(reason)])
    }
}

/// `legalaid.assigned`: justice tells the requester who was assigned (normally automatic).
struct LegalAidAssignedCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "assigned", abstract: "Tell the requester who was assigned (legalaid.assigned, justice; normally sent by worker-justice).")
    static let messageType = MessageType.legalaidAssigned
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("application-no")) var applicationNo: String
    @Option(help: "Who asked (hrss, petitions, platform, justice).") var to: String
    @Option(name: .customLong("provider-id")) var providerID: String
    @Option(name: .customLong("provider-name")) var providerName: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("legal_aid_overview", key: "application_no", value: applicationNo)
        return ["application_no": .string(applicationNo), "to": .string(to), "provider_id": .string(providerID),
                "provider_name": .string(providerName)]
    }
}
