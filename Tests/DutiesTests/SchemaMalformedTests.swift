import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// One malformed example (at least) for every message type and every field kind:
/// the sample payload with one field changed, and the expected `schema:` path.
final class SchemaMalformedTests: XCTestCase {
    struct Case {
        let type: MessageType
        let path: String        // dotted, numeric components index arrays; value nil removes
        let value: JSONValue?
        let expected: String?   // nil = still valid
        init(_ type: MessageType, _ path: String, _ value: JSONValue?, _ expected: String?) {
            self.type = type; self.path = path; self.value = value; self.expected = expected
        }
    }

    static let long129 = JSONValue.string(String(repeating: "x", count: 129))
    static let long128 = JSONValue.string(String(repeating: "案", count: 128))
    static let text4001 = JSONValue.string(String(repeating: "y", count: 4001))
    static let text4000 = JSONValue.string(String(repeating: "欠", count: 4000))

    static let cases: [Case] = [
        // clue.report: money, int, enum, object, sector, id, text
        Case(.clueReport, "amount_owed", 125000, "amount_owed"),            // JSON number
        Case(.clueReport, "amount_owed", "1.234", "amount_owed"),
        Case(.clueReport, "amount_owed", "-5", "amount_owed"),
        Case(.clueReport, "amount_owed", "0", "amount_owed"),
        Case(.clueReport, "amount_owed", "0.00", "amount_owed"),
        Case(.clueReport, "amount_owed", "1e5", "amount_owed"),
        Case(.clueReport, "amount_owed", "", "amount_owed"),
        Case(.clueReport, "amount_owed", " 5", "amount_owed"),
        Case(.clueReport, "amount_owed", "10000000000000.00", "amount_owed"), // > Money.wireMaximum
        Case(.clueReport, "amount_owed", "1000000000000.00", nil),             // = Money.wireMaximum
        Case(.clueReport, "amount_owed", "0.01", nil),
        Case(.clueReport, "amount_owed", "7.5", nil),
        Case(.clueReport, "workers_count", 0, "workers_count"),
        Case(.clueReport, "workers_count", -3, "workers_count"),
        Case(.clueReport, "workers_count", "12", "workers_count"),
        Case(.clueReport, "workers_count", .number("1.5"), "workers_count"),
        Case(.clueReport, "workers_count", 1, nil),
        Case(.clueReport, "channel", "fax", "channel"),
        Case(.clueReport, "channel", "Hotline", "channel"),
        Case(.clueReport, "employer", "某公司", "employer"),
        Case(.clueReport, "employer.name", nil, "employer.name"),
        Case(.clueReport, "employer.name", "", "employer.name"),
        Case(.clueReport, "employer.name", "   ", "employer.name"),
        Case(.clueReport, "employer.credit_code", 5, "employer.credit_code"),
        Case(.clueReport, "project", ["a"], "project"),
        Case(.clueReport, "project.location", false, "project.location"),
        Case(.clueReport, "sector", "mining", "sector"),
        Case(.clueReport, "clue_ref", "", "clue_ref"),
        Case(.clueReport, "clue_ref", long129, "clue_ref"),
        Case(.clueReport, "clue_ref", long128, nil),
        Case(.clueReport, "description", text4001, "description"),
        Case(.clueReport, "description", text4000, nil),
        Case(.clueReport, "reporter.phone", 13800000000, "reporter.phone"),
        // case.*
        Case(.caseTransfer, "to", "mayor", "to"),
        Case(.caseTransfer, "sector", 5, "sector"),
        Case(.caseAccept, "case_id", 7, "case_id"),
        Case(.caseAccept, "case_id", "  ", "case_id"),
        Case(.caseReturn, "reason", "", "reason"),
        Case(.caseProgress, "note", ["x"], "note"),
        Case(.caseResolved, "amount_paid", 100, "amount_paid"),
        Case(.caseResolved, "workers_paid", 0, "workers_paid"),
        Case(.caseEscalate, "reason", true, "reason"),
        Case(.caseClose, "note", 5, "note"),
        Case(.caseAssignLeader, "leader", "", "leader"),
        Case(.caseNotice, "notify", "housing", "notify"),
        Case(.caseNotice, "notify", [], "notify"),
        Case(.caseNotice, "notify", ["housing", "nobody"], "notify.1"),
        Case(.caseNotice, "event", long129, "event"),
        Case(.caseNotice, "detail", "free text is fine", nil),
        // office.sweep: day
        Case(.officeSweep, "as_of", "2026-02-30", "as_of"),
        Case(.officeSweep, "as_of", "2026-3-1", "as_of"),
        Case(.officeSweep, "as_of", "2026-03-01T00:00:00Z", "as_of"),
        Case(.officeSweep, "as_of", "1999-12-31", "as_of"),
        Case(.officeSweep, "as_of", "2101-01-01", "as_of"),
        Case(.officeSweep, "as_of", 20260301, "as_of"),
        Case(.officeSweep, "as_of", "2000-01-01", nil),
        Case(.officeSweep, "as_of", "2100-12-31", nil),
        Case(.officeSweep, "as_of", "2028-02-29", nil),
        // referral.*: nested objects, arrays of objects, bool
        Case(.referralSubmit, "evidence.1.kind", nil, "evidence.1.kind"),
        Case(.referralSubmit, "evidence.0.title", 3, "evidence.0.title"),
        Case(.referralSubmit, "evidence.2", "order_to_pay", "evidence.2"),
        Case(.referralSubmit, "evidence", "all of it", "evidence"),
        Case(.referralSubmit, "evidence", [], nil),                          // incomplete is a business outcome
        Case(.referralSubmit, "suspect.kind", "partnership", "suspect.kind"),
        Case(.referralSubmit, "suspect.name", nil, "suspect.name"),
        Case(.referralSubmit, "order_to_pay.served", "yes", "order_to_pay.served"),
        Case(.referralSubmit, "order_to_pay.pay_by", "2026-02-30", "order_to_pay.pay_by"),
        Case(.referralSubmit, "order_to_pay.issued_on", nil, "order_to_pay.issued_on"),
        Case(.referralSubmit, "amount_owed", "12.345", "amount_owed"),
        Case(.referralSubmit, "workers_count", 0, "workers_count"),
        Case(.referralReceipt, "status", "done", "status"),
        Case(.referralReceipt, "missing", "service_proof", "missing"),
        Case(.referralReceipt, "missing", [1], "missing.0"),
        Case(.referralReceipt, "missing", [], nil),
        Case(.referralDecision, "decision", "maybe", "decision"),
        Case(.referralDecision, "police_case_no", long129, "police_case_no"),
        Case(.referralReconsider, "reason", nil, "reason"),
        Case(.referralMeasure, "kind", "arrest", "kind"),
        // fund.*
        Case(.fundDeposit, "amount", "0", "amount"),
        Case(.fundRequest, "beneficiaries", 0, "beneficiaries"),
        Case(.fundRequest, "purpose", "party", "purpose"),
        Case(.fundRequest, "reason", "bankrupt", "reason"),
        Case(.fundRequest, "request_no", long129, "request_no"),
        Case(.fundDecision, "decision", "maybe", "decision"),
        Case(.fundDisbursed, "amount", "12.345", "amount"),
        Case(.fundRejected, "reason", 5, "reason"),
        Case(.fundRecovered, "amount", -5, "amount"),
        Case(.fundWriteoff, "approver", nil, "approver"),
        // legalaid.*
        Case(.legalaidRequest, "applicant.name", nil, "applicant.name"),
        Case(.legalaidRequest, "matter", "divorce", "matter"),
        Case(.legalaidRequest, "case_id", "", "case_id"),
        Case(.legalaidRequest, "application_no", long129, "application_no"),
        Case(.legalaidProvider, "active", "true", "active"),
        Case(.legalaidProvider, "provider_id", long129, "provider_id"),
        Case(.legalaidDecision, "decision", "ok", "decision"),
        Case(.legalaidAssigned, "provider_id", long129, "provider_id"),
        Case(.legalaidAssigned, "to", 1, "to"),
        // petitions
        Case(.petitionReceived, "petitioners", 0, "petitioners"),
        Case(.petitionReceived, "wage_related", "yes", "wage_related"),
        Case(.petitionReceived, "form", "fax", "form"),
        Case(.petitionReceived, "employer", [:], "employer"),
        Case(.petitionReceived, "employer", ["name": "某公司"], nil),
        Case(.petitionReceived, "sector", "mining", "sector"),
        Case(.petitionReceived, "amount_owed", 5, "amount_owed"),
        Case(.petitionReceived, "petition_no", long129, "petition_no"),
        Case(.incidentAlert, "people", 0, "people"),
        Case(.incidentAlert, "people", "6", "people"),
        // message.rejected: principal, message type, rejection code
        Case(.messageRejected, "reason", "because", "reason"),
        Case(.messageRejected, "reason", "schema:", "reason"),
        Case(.messageRejected, "reason", "schema:employer.name", nil),
        Case(.messageRejected, "reason", "processing_failed", nil),
        Case(.messageRejected, "original_type", "case.reopen", "original_type"),
        Case(.messageRejected, "original_sender", "nobody", "original_sender"),
        Case(.messageRejected, "original_message_id", long129, "original_message_id"),
        Case(.messageRejected, "original_body", 5, "original_body"),
        Case(.messageRejected, "original_body", "", nil),
        // §7.3, §7.7 the office (issue 17): bounds against today and between fields are schema:<field>
        Case(.caseAssignLeader, "due_on", "2026-01-01", "due_on"),
        Case(.caseAssignLeader, "due_on", "2100-01-04", nil),
        Case(.caseImport, "closed_on", "2024-02-01", "closed_on"),
        Case(.caseImport, "closed_on", "2100-01-04", "closed_on"),
        Case(.caseImport, "reported_on", "2100-01-01", "reported_on"),
        Case(.caseImport, "disposition", "forgiven", "disposition"),
        Case(.caseImport, "workers_paid", 0, "workers_paid"),
        Case(.caseImport, "employer.name", nil, "employer.name"),
        Case(.caseImport, "project_no", nil, nil),
        // §9 credit discipline (issue 19)
        Case(.creditList, "basis", [], "basis"),
        Case(.creditList, "basis", ["   "], "basis.0"),
        Case(.creditList, "decided_on", "2026-02-30", "decided_on"),
        Case(.creditList, "persons.0.role", nil, "persons.0.role"),
        Case(.creditList, "persons", [], nil),
        Case(.creditDelist, "corrected_on", nil, "corrected_on"),
        Case(.creditDelist, "reason", "paid", "reason"),
        // department returns (issue 22): the kind's own rules are the router's (ReportKindTests)
        Case(.reportSubmitted, "month", "2026-13", "month"),
        Case(.reportSubmitted, "kind", "", "kind"),
        Case(.reportSubmitted, "figures", "many", "figures"),
        Case(.reportSubmitted, "note", nil, nil),
        Case(.reportReminder, "department", "mayor", "department"),
        Case(.reportReminder, "due_on", "2026-02-30", "due_on"),
        // §8 construction projects: every bound of the payload table is schema:<field>.
        Case(.projectRegister, "sector", "services", "sector"),
        Case(.projectRegister, "sector", "individual_business", "sector"),
        Case(.projectRegister, "project_no", .string(String(repeating: "P", count: 65)), "project_no"),
        Case(.projectRegister, "general_contractor.credit_code", nil, "general_contractor.credit_code"),
        Case(.projectRegister, "contract_amount", "0.00", "contract_amount"),
        Case(.projectRegister, "investor", "foreign", "investor"),
        Case(.projectCompleted, "completed_on", "2026-13-01", "completed_on"),
        Case(.depositPaid, "form", "cheque", "form"),
        Case(.depositPaid, "amount", "-1.00", "amount"),
        Case(.depositDrawn, "case_id", nil, "case_id"),
        Case(.depositReleased, "project_no", "", "project_no"),
        Case(.accountOpened, "account_no", nil, "account_no"),
        Case(.accountFunded, "period", "2026-4", "period"),
        Case(.accountFunded, "period", "2026-04-01", "period"),
        Case(.accountFunded, "labour_amount", "800000.01", "labour_amount"),
        Case(.accountFunded, "labour_amount", "800000.00", nil),
        Case(.accountAlert, "kind", "late", "kind"),
        Case(.accountStatement, "outflow", "0.00", nil),
        Case(.accountStatement, "balance", "-0.01", "balance"),
        Case(.accountStatement, "month", "2026-00", "month"),
        Case(.rosterEnrol, "workers", [], "workers"),
        Case(.rosterEnrol, "workers.1.worker_id", "W-0001", "workers.1.worker_id"),
        Case(.rosterEnrol, "workers.0.worker_id", .string(String(repeating: "w", count: 65)), "workers.0.worker_id"),
        Case(.rosterEnrol, "workers.0.contract_signed", "yes", "workers.0.contract_signed"),
        Case(.rosterEnrol, "workers.1.employer.name", nil, "workers.1.employer.name"),
        Case(.payrollSubmitted, "month", "2026/04", "month"),
        Case(.payrollSubmitted, "lines.1.paid", "6600.01", "lines.1.paid"),
        Case(.payrollSubmitted, "lines.1.paid", "6600.00", nil),
        Case(.payrollSubmitted, "lines.1.days", 32, "lines.1.days"),
        Case(.payrollSubmitted, "lines.0.gross", "0.00", "lines.0.gross"),
        Case(.payrollSubmitted, "lines.1.worker_id", "W-0001", "lines.1.worker_id"),
        Case(.payrollSubmitted, "via_special_account", nil, "via_special_account"),
        Case(.payrollSubmitted, "subcontractor.name", .string(String(repeating: "劳", count: 201)), "subcontractor.name"),
        Case(.payrollSubmitted, "subcontractor.name", .string(String(repeating: "劳", count: 200)), nil),
        Case(.inspectionRecorded, "checks.payroll", nil, "checks.payroll"),
        Case(.inspectionRecorded, "workers_sampled", -1, "workers_sampled"),
    ]

    func testEveryCase() {
        for c in Self.cases {
            let body = mutate(SamplePayloads.valid(for: c.type), c.path.split(separator: ".").map(String.init), c.value)
            let expected = c.expected.map { RejectionReason.schema(wirePath($0)) }
            XCTAssertEqual(MessageSchemas.validate(type: c.type, body: body), expected,
                           "\(c.type.rawValue) \(c.path) = \(c.value.map(\.serialized) ?? "absent")")
        }
    }

    func testEveryTypeHasAMalformedCase() {
        let covered = Set(Self.cases.filter { $0.expected != nil }.map(\.type))
        XCTAssertEqual(covered, Set(MessageType.allCases))
    }

    func testFirstProblemIsDeterministic() {
        var body = SamplePayloads.valid(for: .clueReport)
        body = setting(body, "amount_owed", 5)
        body = setting(body, "channel", "fax")
        body = updating(body, "employer") { setting($0, "name", nil) }
        for _ in 0..<20 { XCTAssertEqual(MessageSchemas.validate(type: .clueReport, body: body), .schema("channel")) }
    }

    func testPathFormat() {
        var body = SamplePayloads.valid(for: .referralSubmit)
        body = mutate(body, ["evidence", "0", "kind"], nil)
        XCTAssertEqual(MessageSchemas.validate(type: .referralSubmit, body: body)?.code, "schema:evidence[0].kind")
        let notice = setting(SamplePayloads.valid(for: .caseNotice), "notify", ["housing", 5])
        XCTAssertEqual(MessageSchemas.validate(type: .caseNotice, body: notice)?.code, "schema:notify[1]")
    }

    /// `evidence.1.kind` → `evidence[1].kind`.
    private func wirePath(_ dotted: String) -> String {
        dotted.split(separator: ".").reduce("") { path, part in
            if Int(part) != nil { return "\(path)[\(part)]" }
            return path.isEmpty ? String(part) : "\(path).\(part)"
        }
    }

    /// Sets (or removes, for `nil`) the value at `path` (object keys, array indices).
    private func mutate(_ value: JSONValue, _ path: [String], _ newValue: JSONValue?) -> JSONValue {
        guard let head = path.first else { return newValue ?? .null }
        let rest = Array(path.dropFirst())
        switch value {
        case .object(var object):
            object[head] = rest.isEmpty ? newValue : mutate(object[head] ?? .null, rest, newValue)
            return .object(object)
        case .array(var array):
            guard let index = Int(head), array.indices.contains(index) else { return value }
            if rest.isEmpty, newValue == nil { array.remove(at: index) } else {
                array[index] = rest.isEmpty ? newValue ?? .null : mutate(array[index], rest, newValue)
            }
            return .array(array)
        default:
            return value
        }
    }
}
