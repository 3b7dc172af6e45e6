@testable import Departments
import Messages
import Workflow
import XCTest

/// The parts of the departments' action policies that need no server.
final class PolicyTests: XCTestCase {
    func notice(_ notify: [Principal]) -> FollowUpMessage {
        FollowUpMessage(type: .caseNotice, recipients: nil, payload: ["case_id": "C-1", "event": "leader_assigned", "notify": .principals(notify)],
                        idSuffix: "notice:C-1")
    }

    func testANoticeGoesOnlyToDepartmentsTheDutyListAllows() throws {
        let kept = try XCTUnwrap(CaseNoticeFilter.deliverable(notice([.housing, .government, .police]),
                                                              recipients: [.housing, .police]))
        XCTAssertEqual(kept.payload["notify"], .principals([.housing, .police]))
        XCTAssertEqual(kept.payload["case_id"], "C-1", "the rest of the payload is untouched")
        XCTAssertEqual(kept.idSuffix, "notice:C-1")
    }

    func testANoticeToNobodyIsNotSent() {
        XCTAssertNil(CaseNoticeFilter.deliverable(notice([.government]), recipients: [.housing]))
    }

    func testOtherMessagesPassUnchanged() {
        let transfer = FollowUpMessage(type: .caseTransfer, recipients: nil, payload: ["case_id": "C-1", "sector": "water"], idSuffix: "t")
        XCTAssertEqual(CaseNoticeFilter.deliverable(transfer, recipients: []), transfer)
    }

    func testLegalAidSuffixesStayWithinTheMessageIDLimitAndAreDeterministic() {
        XCTAssertEqual(LegalAidDesk.suffix("assigned:LA-1", cause: "m-1"), "assigned:LA-1")
        let cause = String(repeating: "c", count: 100)
        let long = "assigned:" + String(repeating: "A", count: 40)
        let shortened = LegalAidDesk.suffix(long, cause: cause)
        XCTAssertTrue(shortened.hasPrefix("la-"))
        XCTAssertLessThanOrEqual(cause.utf8.count + 1 + shortened.utf8.count, LegalAidDesk.maxMessageIDBytes)
        XCTAssertEqual(shortened, LegalAidDesk.suffix(long, cause: cause), "a replayed cause gives the same id")
        XCTAssertNotEqual(shortened, LegalAidDesk.suffix(long + "B", cause: cause))
    }

    func testCaseIDsAreNormalisedOrRefused() {
        XCTAssertEqual(CaseDirectory.normalized("6F9619FF-8B86-D011-B42D-00C04FC964FF"), "6f9619ff-8b86-d011-b42d-00c04fc964ff")
        XCTAssertNil(CaseDirectory.normalized("WA-2026-000001"))
        XCTAssertNil(CaseDirectory.normalized("'; DROP TABLE wage.cases; --"))
    }

    func testACorruptRowSaysWhichRowAndWhatToDo() {
        let error = CorruptRow("wage.cases WA-1", "unreadable column status")
        XCTAssertTrue(error.description.contains("wage.cases WA-1"))
        XCTAssertTrue(error.description.contains("retried"))
    }
}
