import ArgumentParser
import Messages
import Workflow

/// `legalaid.request`: an application for legal aid (法律援助).
struct LegalAidRequestCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Apply for legal aid (legalaid.request; hrss, petitions, platform, justice).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("application-no")) var applicationNo: String
    @Option(name: .customLong("case-id"), help: "The case (id or number), when there is one.") var caseRef: String?
    @Option(name: .customLong("applicant-name")) var applicantName: String
    @Option(name: .customLong("applicant-id-number")) var applicantIDNumber: String?
    @Option(name: .customLong("applicant-phone")) var applicantPhone: String?
    @Option(help: "wage_arrears (same-day green channel) or other (means test).") var matter: String = "wage_arrears"

    func message(_ context: PayloadContext) throws -> LegalAidRequest {
        LegalAidRequest(applicationNo: applicationNo, caseID: try caseRef.map { try context.caseID($0) },
                        applicant: Applicant(name: applicantName, idNumber: applicantIDNumber, phone: applicantPhone),
                        matter: try context.value("matter", matter))
    }
}

/// `legalaid.provider`: justice adds, renames or (de)activates a provider.
struct LegalAidProviderCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "provider", abstract: "Add or change a legal-aid provider (legalaid.provider, justice).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("provider-id")) var providerID: String
    @Option var name: String
    @Option(help: "true or false.") var active: Bool = true

    func message(_ context: PayloadContext) throws -> LegalAidProviderUpdate {
        LegalAidProviderUpdate(providerID: providerID, name: name, active: active)
    }
}

/// `legalaid.decision`: justice decides a means-tested application.
struct LegalAidDecideCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Decide a means-tested application (legalaid.decision, justice).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("application-no")) var applicationNo: String
    @Option(help: "approved or denied.") var decision: String
    @Option var reason: String?

    func message(_ context: PayloadContext) throws -> LegalAidDecision {
        context.caseOf("legal_aid_overview", key: "application_no", value: applicationNo)
        return LegalAidDecision(applicationNo: applicationNo, decision: try context.value("decision", decision), reason: reason)
    }
}

/// `legalaid.assigned`: justice tells the requester who was assigned (normally automatic).
struct LegalAidAssignedCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "assigned", abstract: "Tell the requester who was assigned (legalaid.assigned, justice; normally sent by worker-justice).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("application-no")) var applicationNo: String
    @Option(help: "Who asked (hrss, petitions, platform, justice).") var to: String
    @Option(name: .customLong("provider-id")) var providerID: String
    @Option(name: .customLong("provider-name")) var providerName: String

    func message(_ context: PayloadContext) throws -> LegalAidAssigned {
        context.caseOf("legal_aid_overview", key: "application_no", value: applicationNo)
        return LegalAidAssigned(applicationNo: applicationNo, to: try context.value("to", to), providerID: providerID,
                                providerName: providerName)
    }
}
