import XCTest
@testable import Messages
@testable import Workflow

final class LegalAidMessagesTests: XCTestCase {
    func testDecoding() throws {
        XCTAssertEqual(try LegalAidRequest(json: ["application_no": "LA-1", "case_id": "C-1", "matter": "wage_arrears",
                                                  "applicant": ["name": "李四", "id_number": "500101199001011234"]]),
                       LegalAidRequest(applicationNo: "LA-1", caseID: "C-1", applicant: Applicant(name: "李四", idNumber: "500101199001011234"),
                                       matter: .wageArrears))
        XCTAssertEqual(try LegalAidProviderUpdate(json: ["provider_id": "p1", "name": "王律师", "active": false]),
                       LegalAidProviderUpdate(providerID: "p1", name: "王律师", active: false))
        XCTAssertEqual(try LegalAidDecision(json: ["application_no": "LA-1", "decision": "denied", "reason": "r"]),
                       LegalAidDecision(applicationNo: "LA-1", decision: .denied, reason: "r"))
    }

    func testSchemaErrors() {
        assertSchema("applicant") { () throws(RejectionReason) in try LegalAidRequest(json: ["application_no": "LA-1", "matter": "other"]) }
        assertSchema("applicant.name") { () throws(RejectionReason) in
            try LegalAidRequest(json: ["application_no": "LA-1", "matter": "other", "applicant": ["phone": "1"]])
        }
        assertSchema("matter") { () throws(RejectionReason) in
            try LegalAidRequest(json: ["application_no": "LA-1", "matter": "divorce", "applicant": ["name": "x"]])
        }
        assertSchema("case_id") { () throws(RejectionReason) in
            try LegalAidRequest(json: ["application_no": "LA-1", "case_id": 5, "matter": "other", "applicant": ["name": "x"]])
        }
        assertSchema("active") { () throws(RejectionReason) in try LegalAidProviderUpdate(json: ["provider_id": "p", "name": "n", "active": "yes"]) }
        assertSchema("decision") { () throws(RejectionReason) in try LegalAidDecision(json: ["application_no": "LA-1", "decision": "maybe"]) }
        assertSchema("to") { () throws(RejectionReason) in
            try LegalAidAssigned(json: ["application_no": "LA-1", "to": "mars", "provider_id": "p", "provider_name": "n"])
        }
    }
}
