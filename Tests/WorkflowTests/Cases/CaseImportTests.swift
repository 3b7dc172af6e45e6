import XCTest
@testable import Messages
@testable import Workflow

/// CONTRACT §7.7: `case.import` records an earlier year's case, already closed.
final class CaseImportTests: XCTestCase {
    let today = d("2026-12-03")

    func command(reported: String = "2024-03-01", closed: String = "2024-04-15",
                 disposition: CaseDisposition = .unfounded) -> CaseImport {
        CaseImport(channel: .hotline, clueRef: "HL-2024-0042", employer: Employer(name: "某建筑公司", creditCode: "91500000MA5U000000"),
                   sector: .construction, workersCount: 40, amountOwed: yuan("64000.00"), reportedOn: d(reported),
                   closedOn: d(closed), disposition: disposition, projectNo: "PRJ-UNKNOWN", note: "线索不实")
    }

    func testAnImportIsAClosedCaseWithOneTimelineEntry() throws {
        let t = try applied(CaseState.imported(command(), caseID: "C-9", context: ctx("2026-12-03")))
        let s = t.state
        XCTAssertEqual(s.status, .closed)
        XCTAssertNil(s.dueOn)
        XCTAssertNil(s.assignee)
        XCTAssertEqual(s.origin, .hrss)
        XCTAssertEqual(s.risk, .high, "graded with the thresholds in force (40 workers)")
        XCTAssertEqual(s.openedAt, d("2024-03-01").shanghaiStart)
        XCTAssertEqual(s.closedAt, d("2024-04-15").shanghaiStart)
        XCTAssertEqual(s.resolution?.disposition, .unfounded)
        XCTAssertEqual(s.projectNo, "PRJ-UNKNOWN", "an unknown project_no is kept as given")
        XCTAssertEqual(t.timeline.map(\.event), ["imported"])
        XCTAssertTrue(t.messages.isEmpty, "no transfer, no notice")
        XCTAssertEqual(t.timeline[0].detail["disposition"], "unfounded")
        XCTAssertEqual(t.timeline[0].detail["settings"]?["risk.high_workers"], "30")
    }

    func testTheSameKeyAgainIsNoEffectWhenClosedAndInvalidStateOtherwise() {
        XCTAssertEqual(sampleCase(.closed).importedAgain(), .alreadyImported)
        for status in CaseStatus.allCases where status != .closed {
            XCTAssertEqual(sampleCase(status).importedAgain(), .refused(.invalidState), "\(status)")
        }
    }

    func testDateBoundsAreSchemaErrors() {
        func reason(_ reported: String, _ closed: String) -> RejectionReason? {
            var body = command().json.objectValue ?? [:]
            body["reported_on"] = .string(reported)
            body["closed_on"] = .string(closed)
            return CaseImport.validate(.object(body), today: today)
        }
        XCTAssertNil(reason("2024-03-01", "2024-03-01"), "closed the day it was reported")
        XCTAssertNil(reason("2026-12-02", "2026-12-03"), "closed today")
        XCTAssertEqual(reason("2024-03-01", "2024-02-28"), .schema("closed_on"), "before reported_on")
        XCTAssertEqual(reason("2024-03-01", "2026-12-04"), .schema("closed_on"), "in the future")
        XCTAssertEqual(reason("2026-12-03", "2026-12-03"), .schema("reported_on"), "reported today is not in the past")
        assertRejected(CaseState.imported(command(closed: "2024-02-01"), caseID: "C-9", context: ctx("2026-12-03")),
                       .schema("closed_on"))
    }

    func testFiguresFollowTheResolutionBounds() {
        var body = command().json.objectValue ?? [:]
        body["workers_paid"] = 0
        XCTAssertEqual(CaseImport.validate(.object(body), today: today), .schema("workers_paid"))
        body["workers_paid"] = 3
        body["amount_paid"] = "0.00"
        XCTAssertEqual(CaseImport.validate(.object(body), today: today), .schema("amount_paid"))
        body["amount_paid"] = "100.00"
        XCTAssertNil(CaseImport.validate(.object(body), today: today))
        body["disposition"] = "forgiven"
        XCTAssertEqual(CaseImport.validate(.object(body), today: today), .schema("disposition"))
    }
}
