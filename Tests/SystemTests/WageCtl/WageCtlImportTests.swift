import Foundation
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// `wagectl import cases FILE.csv` (CONTRACT §7.7) against the real router and office.
final class WageCtlImportTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
    }

    override func tearDown() async throws { await h.shutdown() }

    func file(_ lines: [String]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testRowsAreImportedRefusedRowsAreReportedAndARerunImportsNothingTwice() throws {
        let tag = UUID().uuidString.prefix(8)
        let open = try h.reportClue("OPEN-\(tag)")
        let path = try file([
            "channel,clue_ref,employer_name,employer_credit_code,sector,workers_count,amount_owed,reported_on,closed_on,disposition,amount_paid,workers_paid,project_no,note",
            "hotline,A-\(tag),某建筑公司,91500000MA5U000000,construction,8,64000.00,2024-03-01,2024-04-15,paid,64000.00,8,,",
            "walk_in,B-\(tag),\"某劳务公司, 分公司\",,services,3,9000.00,2025-01-02,2025-01-20,unfounded,,,PRJ-X,\"经核查\"\"不实\"\"\"",
            "hotline,C-\(tag),某公司,,construction,2,1000.00,2024-03-01,2024-02-01,mediated,,,,",
            "hotline,OPEN-\(tag),某公司,,construction,2,1000.00,2024-03-01,2024-03-02,paid,,,,",
        ])
        let dry = h.wagectl(["--as", "hrss", "import", "cases", path, "--dry-run"])
        XCTAssertEqual(dry.status, 3, dry.output)
        XCTAssertTrue(dry.output.contains("row 4 (hotline/C-\(tag)): refused locally: schema:closed_on"), dry.output)
        XCTAssertTrue(dry.output.contains("3 valid, 1 refused"), dry.output)
        XCTAssertNil(try h.value("SELECT case_id::text FROM wage.cases WHERE clue_ref = $1", ["A-\(tag)"]), "dry run sends nothing")

        let run = h.wagectl(["--as", "hrss", "import", "cases", path, "--timeout", "30"])
        XCTAssertEqual(run.status, 4, run.output + run.errors)
        XCTAssertTrue(run.errors.contains("rows sent"), "progress on standard error: \(run.errors)")
        XCTAssertTrue(run.output.contains("row 4 (hotline/C-\(tag)): refused locally: schema:closed_on"), run.output)
        XCTAssertTrue(run.output.contains("row 5 (hotline/OPEN-\(tag)): refused by hrss: invalid_state"), run.output)
        XCTAssertTrue(run.output.contains("2 imported"), run.output)
        XCTAssertEqual(try h.value("SELECT status FROM wage.cases WHERE channel = 'walk_in' AND clue_ref = $1", ["B-\(tag)"]), "closed")
        XCTAssertEqual(try h.value("SELECT employer_name FROM wage.cases WHERE clue_ref = $1", ["B-\(tag)"]), "某劳务公司, 分公司")
        XCTAssertEqual(try h.value("SELECT resolution_note FROM wage.cases WHERE clue_ref = $1", ["B-\(tag)"]), "经核查\"不实\"")
        XCTAssertEqual(try h.overview(open, "status"), "transferred")

        let again = h.wagectl(["--as", "hrss", "import", "cases", path, "--timeout", "30", "--json"])
        let results = try again.json().arrayValue ?? []
        XCTAssertEqual(results.compactMap { $0["outcome"]?.stringValue },
                       ["already imported", "already imported", "refused", "refused"], again.output)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.case_timeline t JOIN wage.cases c USING (case_id) WHERE c.clue_ref = ANY($1::text[])",
                                   [["A-\(tag)", "B-\(tag)"]]), "2", "one imported entry each, nothing twice")
    }
}
