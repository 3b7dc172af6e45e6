import XCTest
@testable import Messages
@testable import Workflow

final class ReferralMessagesTests: XCTestCase {
    let submit: JSONValue = [
        "case_id": "C-1", "referral_no": "R-1",
        "suspect": ["name": "王某", "kind": "person", "id_number": "500101199001011234"],
        "amount_owed": "150000.00", "workers_count": 12,
        "order_to_pay": ["issued_on": "2026-01-20", "pay_by": "2026-02-10", "served": true],
        "evidence": [["kind": "referral_letter", "title": "移送书"], ["kind": "service_proof", "title": "送达回证"]],
    ]

    func testSubmissionDecodes() throws {
        let s = try ReferralSubmission(json: payload(submit))
        XCTAssertEqual(s.suspect, Suspect(name: "王某", kind: .person, idNumber: "500101199001011234"))
        XCTAssertEqual(s.orderToPay, OrderToPay(issuedOn: d("2026-01-20"), payBy: d("2026-02-10"), served: true))
        XCTAssertEqual(s.evidence, [Evidence(kind: "referral_letter", title: "移送书"), Evidence(kind: "service_proof", title: "送达回证")])
        XCTAssertEqual(s.amountOwed, yuan("150000"))
    }

    func testSubmissionSchemaErrors() {
        func with(_ key: String, _ v: JSONValue?) -> [String: JSONValue] { var p = payload(submit); p[key] = v; return p }
        for key in ["case_id", "referral_no", "suspect", "amount_owed", "workers_count", "order_to_pay", "evidence"] {
            assertSchema(key) { () throws(RejectionReason) in try ReferralSubmission(json: with(key, nil)) }
        }
        assertSchema("suspect.kind") { () throws(RejectionReason) in
            try ReferralSubmission(json: with("suspect", ["name": "x", "kind": "animal"]))
        }
        assertSchema("suspect.name") { () throws(RejectionReason) in try ReferralSubmission(json: with("suspect", ["kind": "company"])) }
        assertSchema("order_to_pay.served") { () throws(RejectionReason) in
            try ReferralSubmission(json: with("order_to_pay", ["issued_on": "2026-01-20", "pay_by": "2026-02-10", "served": "yes"]))
        }
        assertSchema("order_to_pay.pay_by") { () throws(RejectionReason) in
            try ReferralSubmission(json: with("order_to_pay", ["issued_on": "2026-01-20", "pay_by": "2026-02-30", "served": true]))
        }
        assertSchema("evidence[1].title") { () throws(RejectionReason) in
            try ReferralSubmission(json: with("evidence", [["kind": "a", "title": "b"], ["kind": "c"]]))
        }
        assertSchema("evidence[0]") { () throws(RejectionReason) in try ReferralSubmission(json: with("evidence", ["移送书"])) }
        assertSchema("evidence") { () throws(RejectionReason) in try ReferralSubmission(json: with("evidence", "移送书")) }
    }

    func testDecisionNeedsCaseNumberOrReason() throws {
        XCTAssertEqual(try ReferralDecision(json: ["referral_no": "R-1", "decision": "filed", "police_case_no": "A1"]).verdict,
                       .filed(policeCaseNo: "A1"))
        XCTAssertEqual(try ReferralDecision(json: ["referral_no": "R-1", "decision": "not_filed", "reason": "证据不足"]).verdict,
                       .notFiled(reason: "证据不足"))
        assertSchema("police_case_no") { () throws(RejectionReason) in try ReferralDecision(json: ["referral_no": "R-1", "decision": "filed"]) }
        assertSchema("reason") { () throws(RejectionReason) in
            try ReferralDecision(json: ["referral_no": "R-1", "decision": "not_filed", "police_case_no": "A1"])
        }
        assertSchema("decision") { () throws(RejectionReason) in try ReferralDecision(json: ["referral_no": "R-1", "decision": "maybe"]) }
        assertSchema("decision") { () throws(RejectionReason) in try ReferralDecision(json: ["referral_no": "R-1"]) }
    }

    func testOtherReferralMessages() throws {
        XCTAssertEqual(try ReferralReconsider(json: ["referral_no": "R-1", "reason": "r"]), ReferralReconsider(referralNo: "R-1", reason: "r"))
        assertSchema("reason") { () throws(RejectionReason) in try ReferralReconsider(json: ["referral_no": "R-1"]) }
        XCTAssertEqual(try ReferralMeasure(json: ["referral_no": "R-1", "kind": "early_intervention", "detail": ["by": "经侦"]]),
                       ReferralMeasure(referralNo: "R-1", kind: .earlyIntervention, detail: ["by": "经侦"]))
        assertSchema("kind") { () throws(RejectionReason) in try ReferralMeasure(json: ["referral_no": "R-1", "kind": "arrest"]) }
        assertSchema("detail") { () throws(RejectionReason) in try ReferralMeasure(json: ["referral_no": "R-1", "kind": "freeze_accounts", "detail": 3]) }
        let receipt = ReferralReceipt(referralNo: "R-1", status: .incomplete, missing: ["order_served"])
        XCTAssertEqual(try ReferralReceipt(json: payload(receipt.json)), receipt)
        assertSchema("status") { () throws(RejectionReason) in try ReferralReceipt(json: ["referral_no": "R-1", "status": "ok"]) }
    }
}
