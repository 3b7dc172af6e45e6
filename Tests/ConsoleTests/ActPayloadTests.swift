import Duties
import Messages
import XCTest
@testable import Console

/// The acts' payloads come from the catalogue types and pass the router's schema.
final class ConsoleActPayloadTests: XCTestCase {
    let id = "082132b4-c4b7-4a4a-b78a-015fb8ae9586"

    func body(_ text: String) throws -> JSONValue {
        switch ActSender.payload(Form(encoded: text).values["act"] ?? "", form: Form(encoded: text), caseID: id) {
        case .success(let b): return b
        case .failure(let r): throw r
        }
    }

    func testEveryActBuildsAValidMessage() throws {
        for (form, type) in [("act=accept", MessageType.caseAccept), ("act=return&reason=x", .caseReturn),
                             ("act=progress&note=x", .caseProgress), ("act=escalate&reason=x", .caseEscalate),
                             ("act=resolved&amount_paid=10.50&workers_paid=2", .caseResolved),
                             ("act=resolved&disposition=unfounded&note=%E4%B8%8D%E5%AE%9E", .caseResolved)] {
            let b = try body(form)
            XCTAssertEqual(b["case_id"], .string(id))
            XCTAssertNil(MessageSchemas.validate(type: type, body: b, today: .shanghaiToday()), form)
        }
    }

    func testResolvedCarriesTheDisposition() throws {
        let b = try body("act=resolved&disposition=mediated&note=x")
        XCTAssertEqual(b["disposition"], .string("mediated"))
        let paid = try body("act=resolved&amount_paid=10.50&workers_paid=2")
        XCTAssertEqual(paid["amount_paid"], .string("10.50"))
    }

    func testUnbuildableFieldsAreRefusedLocally() {
        guard case .failure(.schema("amount_paid")) = ActSender.payload(
            "resolved", form: Form(encoded: "amount_paid=ten"), caseID: id) else { return XCTFail() }
        guard case .failure(.schema("disposition")) = ActSender.payload(
            "resolved", form: Form(encoded: "disposition=gone"), caseID: id) else { return XCTFail() }
        guard case .failure(.unknownType) = ActSender.payload("close", form: Form(encoded: ""), caseID: id) else {
            return XCTFail("an act not on the page is not sent")
        }
    }

    func testAPaidResolutionWithoutFiguresFailsTheRoutersSchema() throws {
        let b = try body("act=resolved&disposition=paid")
        XCTAssertNotNil(MessageSchemas.validate(type: .caseResolved, body: b, today: .shanghaiToday()))
    }

    func testRefusalReasonsInChinese() {
        XCTAssertEqual(Labels.reason("not_assignee"), "本部门不是该案件的承办部门（not_assignee）")
        XCTAssertTrue(Labels.reason("schema:amount_paid").contains("amount_paid"))
        XCTAssertEqual(Labels.status("transferred"), "已转办")
        XCTAssertEqual(Labels.department("housing"), "住建局")
    }

    func testCSVStartsWithABOM() {
        let text = CaseRoutes.csvText([])
        XCTAssertTrue(text.hasPrefix("\u{FEFF}\"案件编号\","))
        XCTAssertTrue(text.hasSuffix("\r\n"))
    }
}
