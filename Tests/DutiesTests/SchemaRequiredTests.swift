import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// Required fields (`*` in CONTRACT §3), transcribed here independently of
/// `MessageSchemas`, in contract order.
final class SchemaRequiredTests: XCTestCase {
    static let required: [MessageType: [String]] = [
        .clueReport: ["channel", "clue_ref", "employer", "sector", "workers_count", "amount_owed"],
        .caseTransfer: ["case_id", "sector"],
        .caseAccept: ["case_id"],
        .caseReturn: ["case_id", "reason"],
        .caseProgress: ["case_id", "note"],
        // §7.1: amount_paid and workers_paid are required for the disposition paid (the
        // default) only, note for every other one (CatalogueTests checks those rules).
        .caseResolved: ["case_id"],
        .caseEscalate: ["case_id", "reason"],
        .caseClose: ["case_id"],
        .caseAssignLeader: ["case_id", "leader", "leader_department"],
        .caseNotice: ["case_id", "event", "notify"],
        .officeSweep: [],
        .referralSubmit: ["case_id", "referral_no", "suspect", "amount_owed", "workers_count", "order_to_pay", "evidence"],
        .referralReceipt: ["referral_no", "status"],
        .referralDecision: ["referral_no", "decision"],
        .referralReconsider: ["referral_no", "reason"],
        .referralMeasure: ["referral_no", "kind"],
        .fundDeposit: ["amount"],
        .fundRequest: ["case_id", "request_no", "amount", "beneficiaries", "purpose", "reason"],
        .fundDecision: ["request_no", "decision", "approver"],
        .fundDisbursed: ["request_no", "amount"],
        .fundRejected: ["request_no", "amount"],
        .fundRecovered: ["request_no", "amount"],
        .fundWriteoff: ["request_no", "approver", "reason"],
        .legalaidRequest: ["application_no", "applicant", "matter"],
        .legalaidProvider: ["provider_id", "name", "active"],
        .legalaidDecision: ["application_no", "decision"],
        .legalaidAssigned: ["application_no", "to", "provider_id", "provider_name"],
        .petitionReceived: ["petition_no", "petitioners", "form", "wage_related"],
        .incidentAlert: ["petition_no", "people"],
        .messageRejected: ["original_message_id", "original_type", "reason", "original_sender"],
        // §8 construction projects (issue 18)
        .projectRegister: ["project_no", "name", "sector", "builder", "general_contractor", "contract_amount",
                           "permit_issued_on"],
        .projectCompleted: ["project_no", "completed_on"],
        .depositPaid: ["project_no", "amount", "form"],
        .depositDrawn: ["project_no", "amount", "case_id"],
        .depositReleased: ["project_no"],
        .accountOpened: ["project_no", "bank_name", "account_no"],
        .accountFunded: ["project_no", "period", "progress_payment", "labour_amount"],
        .accountAlert: ["project_no", "kind"],
        .accountStatement: ["project_no", "month", "inflow", "outflow", "balance"],
        .rosterEnrol: ["project_no", "workers"],
        .payrollSubmitted: ["project_no", "month", "subcontractor", "lines", "confirmed_by_workers", "via_special_account"],
        .inspectionRecorded: ["project_no", "inspected_on", "checks"],
        // §7.7 importing earlier years' cases (issue 17)
        .caseImport: ["channel", "clue_ref", "employer", "sector", "workers_count", "amount_owed", "reported_on",
                      "closed_on", "disposition"],
        // §9 credit discipline (issue 19)
        .creditList: ["credit_code", "name", "basis", "decided_on"],
        .creditDelist: ["credit_code", "reason"],
        // department returns (issue 22, docs/reports.md)
        .reportSubmitted: ["month", "kind", "figures"],
        .reportReminder: ["department", "month", "kind", "due_on"],
    ]

    func testEverySampleIsValid() {
        for type in MessageType.allCases {
            XCTAssertNil(MessageSchemas.validate(type: type, body: SamplePayloads.valid(for: type)), type.rawValue)
        }
    }

    func testSchemaRequiredFieldsAreTheContractOnes() {
        for type in MessageType.allCases {
            let declared = MessageSchemas.fields(for: type).filter { $0.requirement == .required }.map(\.name)
            XCTAssertEqual(declared, Self.required[type], type.rawValue)
        }
    }

    func testEachMissingRequiredFieldIsReportedByName() {
        for type in MessageType.allCases {
            for field in Self.required[type] ?? [] {
                let body = setting(SamplePayloads.valid(for: type), field, nil)
                XCTAssertEqual(MessageSchemas.validate(type: type, body: body), .schema(field), "\(type.rawValue) without \(field)")
                let nulled = setting(SamplePayloads.valid(for: type), field, .null)
                XCTAssertEqual(MessageSchemas.validate(type: type, body: nulled), .schema(field), "\(type.rawValue) \(field) null")
            }
        }
    }

    func testFirstMissingFieldInContractOrderWins() {
        for type in MessageType.allCases {
            guard let first = Self.required[type]?.first else {
                XCTAssertNil(MessageSchemas.validate(type: type, body: [:]), type.rawValue)
                continue
            }
            XCTAssertEqual(MessageSchemas.validate(type: type, body: [:]), .schema(first), type.rawValue)
        }
    }

    func testOptionalFieldsMayBeAbsentOrNull() {
        for type in MessageType.allCases {
            var required = Set(Self.required[type] ?? [])
            if type == .referralDecision { required.insert("police_case_no") }  // required with the sample's `filed`
            if type == .caseResolved { required.formUnion(["amount_paid", "workers_paid"]) }  // with the sample's default `paid`
            if type == .creditDelist { required.insert("corrected_on") }  // required with the sample's `early_removal`
            var minimal = SamplePayloads.valid(for: type)
            var nulls = minimal
            for field in MessageSchemas.fields(for: type) where !required.contains(field.name) {
                minimal = setting(minimal, field.name, nil)
                nulls = setting(nulls, field.name, .null)
            }
            XCTAssertNil(MessageSchemas.validate(type: type, body: minimal), "\(type.rawValue) minimal")
            XCTAssertNil(MessageSchemas.validate(type: type, body: nulls), "\(type.rawValue) nulls")
        }
    }

    func testBodyThatIsNotAnObjectIsInvalidJSON() {
        let notObjects: [JSONValue] = [.null, true, 5, "text", [], [["case_id": "C-1"]]]
        for type in MessageType.allCases {
            for body in notObjects {
                XCTAssertEqual(MessageSchemas.validate(type: type, body: body), .invalidJSON, "\(type.rawValue) \(body)")
            }
        }
    }

    func testUnknownExtraFieldsAreAllowed() {
        for type in MessageType.allCases {
            let body = setting(SamplePayloads.valid(for: type), "x_future_field", ["anything": [1, 2]])
            XCTAssertNil(MessageSchemas.validate(type: type, body: body), type.rawValue)
        }
        let nested = updating(SamplePayloads.valid(for: .clueReport), "employer") { setting($0, "address", "somewhere") }
        XCTAssertNil(MessageSchemas.validate(type: .clueReport, body: nested))
    }

    func testConditionalReasonOfReferralDecision() {
        let notFiled: JSONValue = ["referral_no": "R-1", "decision": "not_filed"]
        XCTAssertEqual(MessageSchemas.validate(type: .referralDecision, body: notFiled), .schema("reason"))
        XCTAssertNil(MessageSchemas.validate(type: .referralDecision, body: setting(notFiled, "reason", "no crime")))
        // `police_case_no` comes with `filed` (§3 "when filed"): the police worker's decoder
        // always required it, and the router now says so first.
        let filed: JSONValue = ["referral_no": "R-1", "decision": "filed"]
        XCTAssertEqual(MessageSchemas.validate(type: .referralDecision, body: filed), .schema("police_case_no"))
        XCTAssertNil(MessageSchemas.validate(type: .referralDecision, body: setting(filed, "police_case_no", "P-1")))
    }
}
