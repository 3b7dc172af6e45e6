import XCTest
@testable import Messages
@testable import Workflow

final class FundMessagesTests: XCTestCase {
    func testDecoding() throws {
        XCTAssertEqual(try FundDeposit(json: ["amount": "1000000.00", "note": "预算"]), FundDeposit(amount: yuan("1000000"), note: "预算"))
        XCTAssertEqual(try FundRequest(json: ["case_id": "C-1", "request_no": "F-1", "amount": "30000", "beneficiaries": 3,
                                              "purpose": "travel_home", "reason": "approved_special"]),
                       FundRequest(caseID: "C-1", requestNo: "F-1", amount: yuan("30000"), beneficiaries: 3, purpose: .travelHome,
                                   reason: .approvedSpecial))
        XCTAssertEqual(try FundDecision(json: ["request_no": "F-1", "decision": "approved", "approver": "张区长"]),
                       FundDecision(requestNo: "F-1", decision: .approved, approver: "张区长"))
        XCTAssertEqual(try FundRecovered(json: ["request_no": "F-1", "amount": "0.01"]), FundRecovered(requestNo: "F-1", amount: Money(fen: 1)))
        XCTAssertEqual(try FundWriteoff(json: ["request_no": "F-1", "approver": "a", "reason": "r"]),
                       FundWriteoff(requestNo: "F-1", approver: "a", reason: "r"))
        let answer = FundAnswer(requestNo: "F-1", amount: yuan("12.30"), reason: "insufficient_fund")
        XCTAssertEqual(answer.json, ["request_no": "F-1", "amount": "12.30", "reason": "insufficient_fund"])
        XCTAssertEqual(try FundAnswer(json: payload(answer.json)), answer)
    }

    func testSchemaErrors() {
        let good: [String: JSONValue] = ["case_id": "C-1", "request_no": "F-1", "amount": "30000", "beneficiaries": 3,
                                         "purpose": "travel_home", "reason": "approved_special"]
        func with(_ key: String, _ v: JSONValue?) -> [String: JSONValue] { var p = good; p[key] = v; return p }
        for key in good.keys.sorted() {
            assertSchema(key) { () throws(RejectionReason) in try FundRequest(json: with(key, nil)) }
        }
        assertSchema("beneficiaries") { () throws(RejectionReason) in try FundRequest(json: with("beneficiaries", 0)) }
        assertSchema("purpose") { () throws(RejectionReason) in try FundRequest(json: with("purpose", "holiday")) }
        assertSchema("reason") { () throws(RejectionReason) in try FundRequest(json: with("reason", "bored")) }
        assertSchema("amount") { () throws(RejectionReason) in try FundRequest(json: with("amount", "30000.001")) }
        assertSchema("amount") { () throws(RejectionReason) in try FundDeposit(json: ["amount": "0"]) }
        assertSchema("decision") { () throws(RejectionReason) in try FundDecision(json: ["request_no": "F", "decision": "ok", "approver": "a"]) }
        assertSchema("approver") { () throws(RejectionReason) in try FundDecision(json: ["request_no": "F", "decision": "approved"]) }
        assertSchema("reason") { () throws(RejectionReason) in try FundWriteoff(json: ["request_no": "F", "approver": "a"]) }
        assertSchema("amount") { () throws(RejectionReason) in try FundRecovered(json: ["request_no": "F"]) }
    }
}
