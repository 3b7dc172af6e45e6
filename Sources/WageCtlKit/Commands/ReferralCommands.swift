import ArgumentParser
import Messages
import Workflow

/// `referral.submit`: hrss refers a suspected 拒不支付劳动报酬罪 to the police.
struct ReferralSubmitCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Refer a case to the police (referral.submit, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(name: .customLong("suspect-name")) var suspectName: String
    @Option(name: .customLong("suspect-kind"), help: "company or person.") var suspectKind: String
    @Option(name: .customLong("suspect-credit-code")) var suspectCreditCode: String?
    @Option(name: .customLong("suspect-id-number")) var suspectIDNumber: String?
    @Option(name: .customLong("amount-owed"), help: "Yuan, e.g. 125000.00.") var amountOwed: String
    @Option(name: .customLong("workers-count")) var workersCount: Int
    @Option(name: .customLong("order-issued-on"), help: "When the order to pay was issued (YYYY-MM-DD).") var orderIssuedOn: String
    @Option(name: .customLong("order-pay-by"), help: "The deadline it set (YYYY-MM-DD).") var orderPayBy: String
    @Option(name: .customLong("order-served"), help: "true when the order was served.") var orderServed: Bool
    @Option(help: "Evidence as kind=title (repeat), e.g. referral_letter=移送书.") var evidence: [String] = []

    func message(_ context: PayloadContext) throws -> ReferralSubmission {
        let items: [Evidence] = try evidence.map { item in
            guard let eq = item.firstIndex(of: "=") else {
                throw WageCtlError(.usage, "--evidence '\(item)' is not kind=title",
                                   hint: "e.g. --evidence referral_letter=移送书 --evidence service_proof=送达证明")
            }
            return Evidence(kind: String(item[..<eq]), title: String(item[item.index(after: eq)...]))
        }
        return ReferralSubmission(
            caseID: try context.caseID(target.caseRef), referralNo: referralNo,
            suspect: Suspect(name: suspectName, kind: try context.value("suspect.kind", suspectKind),
                             creditCode: suspectCreditCode, idNumber: suspectIDNumber),
            amountOwed: try context.money("amount_owed", amountOwed), workersCount: workersCount,
            orderToPay: OrderToPay(issuedOn: try context.day("order_to_pay.issued_on", orderIssuedOn),
                                   payBy: try context.day("order_to_pay.pay_by", orderPayBy), served: orderServed),
            evidence: items)
    }
}

/// `referral.receipt`: police acknowledge a referral (normally automatic).
struct ReferralReceiptCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "receipt", abstract: "Acknowledge a referral (referral.receipt, police; normally sent by worker-police).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(help: "accepted_for_review or incomplete.") var status: String
    @Option(help: "A missing evidence kind (repeat).") var missing: [String] = []

    func message(_ context: PayloadContext) throws -> ReferralReceipt {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return ReferralReceipt(referralNo: referralNo, status: try context.value("status", status), missing: missing)
    }
}

/// `referral.decision`: police file a criminal case, or decline with reasons.
struct ReferralDecideCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Decide on a referral: filed or not_filed (referral.decision, police).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(help: "filed or not_filed.") var decision: String
    @Option(name: .customLong("police-case-no"), help: "The police case number (when filed).") var policeCaseNo: String?
    @Option(help: "Required when not_filed.") var reason: String?

    func message(_ context: PayloadContext) throws -> ReferralDecision {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        switch decision.trimmingCharacters(in: .whitespaces) {
        case "filed":
            guard let policeCaseNo else { throw UnparsableOption(path: "police_case_no", text: nil) }
            return ReferralDecision(referralNo: referralNo, verdict: .filed(policeCaseNo: policeCaseNo))
        case "not_filed":
            guard let reason else { throw UnparsableOption(path: "reason", text: nil) }
            return ReferralDecision(referralNo: referralNo, verdict: .notFiled(reason: reason))
        default:
            throw UnparsableOption(path: "decision", text: decision)
        }
    }
}

/// `referral.reconsider`: hrss asks once for reconsideration of a not_filed decision.
struct ReferralReconsiderCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "reconsider", abstract: "Ask the police to reconsider not filing (referral.reconsider, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option var reason: String

    func message(_ context: PayloadContext) throws -> ReferralReconsider {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return ReferralReconsider(referralNo: referralNo, reason: reason)
    }
}

/// `referral.measure`: police report a measure taken.
struct ReferralMeasureCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "measure", abstract: "Report a measure on a referral (referral.measure, police).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(help: "freeze_accounts, control_suspect or early_intervention.") var kind: String
    @Option var detail: String?

    func message(_ context: PayloadContext) throws -> ReferralMeasure {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return ReferralMeasure(referralNo: referralNo, kind: try context.value("kind", kind), detail: P.s(detail))
    }
}
