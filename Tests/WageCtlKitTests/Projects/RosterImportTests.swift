@testable import Messages
@testable import WageCtlKit
import XCTest

/// `roster import`: rows → `roster.enrol` messages of the catalogue, refused rows
/// with their line and reason, deterministic message ids.
final class RosterImportTests: XCTestCase {
    let today = Day(year: 2026, month: 5, day: 10)!
    static let header = RosterImport.columns.joined(separator: ",")

    func row(_ project: String, _ worker: String, name: String = "王强", signed: String = "true",
             entered: String = "2026-03-10") -> String {
        "\(project),\(worker),\(name),500101199001011234,某劳务有限公司,91500000MA5U333333,\(signed),\(entered)"
    }

    func plan(_ rows: [String], batch: String = "", chunk: Int = RosterEnrol.maxWorkers) throws -> ImportPlan {
        let text = ([Self.header] + rows).joined(separator: "\n")
        let table = try CSVTable.parse(text, required: RosterImport.required, known: RosterImport.columns).table
        return RosterImport.plan(table, today: today, batch: batch, chunk: chunk)
    }

    func testRowsBecomeCatalogueMessagesOfAtMost500WorkersPerProject() throws {
        let rows = (1...1201).map { row("P-1", "W-\($0)") } + [row("P-2", "W-1", signed: "否")]
        let plan = try plan(rows)
        XCTAssertEqual(plan.rows, 1202)
        XCTAssertEqual(plan.refusals, [])
        XCTAssertEqual(plan.batches.map(\.lines.count), [500, 500, 201, 1])
        XCTAssertEqual(plan.batches.map(\.label), ["P-1 workers 1-500", "P-1 workers 501-1000", "P-1 workers 1001-1201", "P-2 workers 1-1"])
        XCTAssertEqual(plan.batches[1].lines.first, 502, "line 1 is the header")
        for batch in plan.batches {
            XCTAssertEqual(batch.type, .rosterEnrol)
            XCTAssertNil(RosterEnrol.validate(batch.body, today: today))
            XCTAssertNoThrow(try RosterEnrol(body: batch.body))
        }
        let last = try RosterEnrol(body: plan.batches[3].body)
        XCTAssertEqual(last.projectNo, "P-2")
        XCTAssertEqual(last.workers, [RosterWorker(workerID: "W-1", name: "王强", idNumber: "500101199001011234",
                                                   employer: Employer(name: "某劳务有限公司", creditCode: "91500000MA5U333333"),
                                                   contractSigned: false, enteredOn: Day(year: 2026, month: 3, day: 10)!)])
    }

    func testARefusedRowIsLeftOutWithItsLineAndReasonAndTheRestIsSent() throws {
        let longID = String(repeating: "w", count: 65)
        let plan = try plan([row("P-1", "W-1"), row("P-1", "W-2", entered: "2026-02-30"), row("P-1", "W-3", name: ""),
                             row("P-1", "W-1"), row("P-1", longID), row("P-1", "W-4", signed: "maybe"), row("P-1", "W-5")])
        XCTAssertEqual(plan.refusals.map(\.lines), [[3], [4], [5], [7], [6]])
        XCTAssertEqual(plan.refusals.map(\.reason), ["schema:entered_on", "schema:name", "schema:worker_id", "schema:contract_signed",
                                                     "schema:worker_id"])
        XCTAssertTrue(plan.refusals[2].detail.contains("already on line 2"), plan.refusals[2].detail)
        XCTAssertEqual(plan.refusals[4].path, "workers[1].worker_id", "the catalogue's check names it; mapped back to line 6")
        XCTAssertEqual(plan.batches.count, 1)
        XCTAssertEqual(plan.batches[0].lines, [2, 8])
        XCTAssertEqual(plan.refusals[0].text, "line 3: schema:entered_on: entered_on \"2026-02-30\" is not a date YYYY-MM-DD")
    }

    func testMessageIDsFollowTheContent() throws {
        let rows = (1...5).map { row("P-1", "W-\($0)") }
        let first = try plan(rows, chunk: 2), again = try plan(rows, chunk: 2)
        XCTAssertEqual(first.batches.map(\.messageID), again.batches.map(\.messageID), "a re-run sends the same ids")
        XCTAssertEqual(Set(first.batches.map(\.messageID)).count, 3)
        XCTAssertTrue(first.batches[0].messageID.hasPrefix("roster.enrol/P-1/"), first.batches[0].messageID)
        var changed = rows
        changed[3] = row("P-1", "W-4", signed: "false")
        let corrected = try plan(changed, chunk: 2)
        XCTAssertEqual(corrected.batches[0].messageID, first.batches[0].messageID)
        XCTAssertNotEqual(corrected.batches[1].messageID, first.batches[1].messageID, "a changed chunk is a new message")
        let rebatched = try plan(rows, batch: "2026-05-10 second", chunk: 2)
        XCTAssertTrue(zip(rebatched.batches, first.batches).allSatisfy { $0.messageID != $1.messageID })
    }

    func testMessageIDsStayWithin128Characters() {
        let key = String(repeating: "P", count: 64) + "/2026-04/" + String(repeating: "某", count: 64)
        let id = ImportBatch.messageID(type: .payrollSubmitted, key: key, body: [:], batch: "")
        XCTAssertLessThanOrEqual(id.count, ImportBatch.maxMessageIDLength)
        XCTAssertTrue(id.hasPrefix("payroll.submitted/PPPP"))
    }

    func testPathsMapToColumns() {
        XCTAssertEqual(CatalogueCheck.column(of: "workers[3].employer.name"), "employer_name")
        XCTAssertEqual(CatalogueCheck.column(of: "lines[0].paid"), "paid")
        XCTAssertEqual(CatalogueCheck.column(of: "subcontractor.credit_code"), "subcontractor_credit_code")
        XCTAssertEqual(CatalogueCheck.column(of: "lines"), "lines")
        XCTAssertEqual(CatalogueCheck.index(in: "workers[12].name"), 12)
        XCTAssertNil(CatalogueCheck.index(in: "month"))
        XCTAssertEqual(ImportRefusal.ranges([7, 2, 3, 4, 9, 10]), "2-4,7,9-10")
    }
}
