import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// The regulators' copy follows the office's verdict (docs/credit.md): a copy that
/// arrives before the office decided waits and is retried, never recorded alone.
final class CreditSectorCopyTests: CreditSystemTestCase {
    override class var startedWorkers: [Principal] { [.housing] }

    func testACopyWaitsForTheOfficeAndIsRecordedOnceItApplied() throws {
        let code = newCode()
        let id = try list(listBody(code, basis: [try caseShowingTheCondition(code)]))
        try h.waitUntil("routed") {
            try h.value("SELECT count(*)::text FROM wage.routing_log WHERE message_id = $1", [id]) == "1"
        }
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertNil(try copy(.housing, code), "no copy while the office has not decided")
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.inbox WHERE consumer = 'housing' AND message_id = $1", [id]),
                       "0", "housing has not taken it in: it waits, then retries")
        try start(.hrss)
        try waitApplied(id)
        try h.waitUntil("the housing copy", timeout: 20) { try copy(.housing, code) == "listed" }
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.rejections WHERE message_id = $1", [id]), "0")
    }
}
