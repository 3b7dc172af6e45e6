import ArgumentParser
import Messages
import Workflow

/// `referral.submit`: hrss refers a suspected 拒不支付劳动报酬罪 to the police.
struct ReferralSubmitCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "submit", abstract: "Refer a case to the police (referral.submit, hrss).")
    static let messageType = MessageType.referralSubmit
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

    func payload(_ context: PayloadContext) throws -> JSONValue {
        let items: [JSONValue] = try evidence.map { item in
            guard let eq = item.firstIndex(of: "=") else {
                throw WageCtlError(.usage, "--evidence '\(item)' is not kind=title",
                                   hint: "e.g. --evidence referral_letter=移送书 --evidence service_proof=送达证明")
            }
            return ["kind": .string(String(item[..<eq])), "title": .string(String(item[item.index(after: eq)...]))]
        }
        return .compact([
            "case_id": .string(try context.caseID(target.caseRef)), "referral_no": P.s(referralNo),
            "suspect": .compact(["name": P.s(suspectName), "kind": P.s(suspectKind),
                                 "credit_code": P.s(suspectCreditCode), "id_number": P.s(suspectIDNumber)]),
            "amount_owed": P.s(amountOwed), "workers_count": P.i(workersCount),
            "order_to_pay": ["issued_on": .string(orderIssuedOn), "pay_by": .string(orderPayBy), "served": .bool(orderServed)],
            "evidence": .array(items),
        ])
    }
}

/// `referral.receipt`: police acknowledge a referral (normally automatic).
struct ReferralReceiptCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "receipt", abstract: "Acknowledge a referral (referral.receipt, police; normally sent by worker-police).")
    static let messageType = MessageType.referralReceipt
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(help: "accepted_for_review or incomplete.") var status: String
    @Option(help: "A missing evidence kind (repeat).") var missing: [String] = []

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return .compact(["referral_no": P.s(referralNo), "status": P.s(status), "missing": P.list(missing)])
    }
}

/// `referral.decision`: police file a criminal case, or decline with reasons.
struct ReferralDecideCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Decide on a referral: filed or not_filed (referral.decision, police).")
    static let messageType = MessageType.referralDecision
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(help: "filed or not_filed.") var decision: String
    @Option(name: .customLong("police-case-no"), help: "The police case number (when filed).") var policeCaseNo: String?
    @Option(help: "Required when not_filed.") var reason: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return .compact(["referral_no": P.s(referralNo), "decision": P.s(decision),
                         "police_case_no": P.s(policeCaseNo), "reason": P.s(reason)])
    }
}

/// `referral.reconsider`: hrss asks once for reconsideration of a not_filed decision.
struct ReferralReconsiderCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "reconsider", abstract: "Ask the police to reconsider not filing (referral.reconsider, hrss).")
    static let messageType = MessageType.referralReconsider
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option var reason: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return ["referral_no": .string(referralNo), "reason": .string(reason)]
    }
}

/// `referral.measure`: police report a measure taken.
struct ReferralMeasureCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "measure", abstract: "Report a measure on a referral (referral.measure, police).")
    static let messageType = MessageType.referralMeasure
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("referral-no")) var referralNo: String
    @Option(help: "freeze_accounts, control_suspect or early_intervention.") var kind: String
    @Option var detail: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("referral_overview", key: "referral_no", value: referralNo)
        return .compact(["referral_no": P.s(referralNo), "kind": P.s(kind), "detail": P.s(detail)])
    }
}
