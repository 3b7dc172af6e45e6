import Foundation
@testable import Messages
import Workflow
import XCTest

/// CONTRACT §7.5: the risk thresholds come from configuration (wage.settings), a
/// change is used without a restart, and each grading records the values it used.
final class ConfigurationTests: XCTestCase {
    var h: Harness!
    let clock = TestClock(shanghaiNoonOf: .on("2026-03-02"))

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        _ = try h.rows("UPDATE wage.settings SET value = '10' WHERE key = 'risk.medium_workers'")
        try h.startRouter()
        try h.startOffice(clock: clock)
    }

    override func tearDown() async throws {
        _ = try? h.rows("UPDATE wage.settings SET value = '10' WHERE key = 'risk.medium_workers'")
        await h.shutdown()
    }

    /// A clue of 4 workers owed 5,000.00 (below every default threshold).
    func reportSmallClue() throws -> String {
        let ref = Harness.newID("small")
        var body = Harness.clue(ref).objectValue!
        body["workers_count"] = 4
        body["amount_owed"] = "5000.00"
        let id = Harness.newID("clue")
        try h.publish(as: .platform, "clue.report", .object(body), id: id)
        try h.waitProcessed(id)
        return try XCTUnwrap(try h.value("SELECT case_id::text FROM wage.cases WHERE channel = 'hotline' AND clue_ref = $1", [ref]))
    }

    func testAChangedThresholdGradesTheNextClueAndIsRecorded() throws {
        let shown = try h.wagectl(["--as", "hrss", "config", "show", "--json"]).json()
        let keys = shown.arrayValue?.compactMap { $0["key"]?.stringValue } ?? []
        XCTAssertEqual(Set(keys), Set(WorkflowSettings.Key.allCases.map(\.rawValue)), "every key is configured")
        let before = try reportSmallClue()
        XCTAssertEqual(try h.overview(before, "risk_level"), "low")
        XCTAssertEqual(try h.timelineDetail(before, "registered")?["settings"]?["risk.medium_workers"]?.stringValue, "10")

        let set = h.wagectl(["--as", "admin", "config", "set", "risk.medium_workers", "3", "--operator", "tester"])
        XCTAssertNil(set.error, set.errors)
        Thread.sleep(forTimeInterval: 3)
        let after = try reportSmallClue()
        XCTAssertEqual(try h.overview(after, "risk_level"), "medium", "4 workers ≥ the new medium threshold 3")
        XCTAssertEqual(try h.timelineDetail(after, "registered")?["settings"]?["risk.medium_workers"]?.stringValue, "3",
                       "the grading records the value it used")
        XCTAssertEqual(try h.value("SELECT count(*) > 0 FROM wage.operator_audit WHERE action = 'config.set' AND subject = 'risk.medium_workers'"), "t")

        let bad = h.wagectl(["--as", "admin", "config", "set", "risk.medium_workers", "many"])
        XCTAssertEqual(bad.failure?.code, .usage)
        XCTAssertEqual(try h.value("SELECT value FROM wage.settings WHERE key = 'risk.medium_workers'"), "3", "nothing written")
    }
}
