import Foundation
import XCTest

/// `wagectl maintenance prune`: old inbox rows and old published outbox rows go;
/// recent rows, unpublished rows and business records stay; audited.
final class WageCtlPruneTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    func testOldBookkeepingIsDeletedAndEverythingElseKept() throws {
        let tag = Harness.newID("prune")
        func inbox(_ suffix: String, daysAgo: Int) throws {
            _ = try h.rows("INSERT INTO wage.inbox (consumer, message_id, type, received_at) VALUES ('housing', $1, 'case.transfer', now() - make_interval(days => $2))",
                           ["\(tag)-\(suffix)", daysAgo])
        }
        func outbox(_ suffix: String, daysAgo: Int, published: Bool) throws {
            _ = try h.rows(
                """
                INSERT INTO wage.outbox (principal, message_id, type, body, created_at, published_at)
                VALUES ('hrss', $1, 'case.notice', '{}', now() - make_interval(days => $2),
                        CASE WHEN $3 THEN now() - make_interval(days => $2) END)
                """, ["\(tag)-\(suffix)", daysAgo, published])
        }
        try inbox("old", daysAgo: 40)
        try inbox("recent", daysAgo: 3)
        try outbox("old-published", daysAgo: 40, published: true)
        try outbox("old-unpublished", daysAgo: 40, published: false)
        try outbox("recent-published", daysAgo: 3, published: true)
        let mine = "message_id LIKE '\(tag)-%'"

        let dry = try h.wagectl(["--as", "admin", "maintenance", "prune", "--keep-days", "30", "--dry-run", "--json"]).json()
        XCTAssertEqual(dry["dry_run"], .bool(true))
        XCTAssertGreaterThanOrEqual(dry["inbox"]?.intValue ?? 0, 1)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.inbox WHERE \(mine)"), "2", "a dry run deletes nothing")

        let run = h.wagectl(["--as", "admin", "maintenance", "prune", "--keep-days", "30", "--batch", "1", "--operator", "tester", "--json"])
        XCTAssertNil(run.error, run.errors)
        XCTAssertTrue(run.errors.contains("wage.inbox: "), "progress on standard error: \(run.errors)")
        XCTAssertEqual(try h.rows("SELECT message_id FROM wage.inbox WHERE \(mine)").compactMap { $0["message_id"] }, ["\(tag)-recent"])
        XCTAssertEqual(try h.rows("SELECT message_id FROM wage.outbox WHERE \(mine) ORDER BY message_id").compactMap { $0["message_id"] },
                       ["\(tag)-old-unpublished", "\(tag)-recent-published"])
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.operator_audit WHERE action = 'maintenance.prune' AND operator = 'tester' AND (detail->>'inbox')::int >= 1"), "1")
    }

    func testTooShortARetentionIsRefused() throws {
        let run = h.wagectl(["--as", "admin", "maintenance", "prune", "--keep-days", "2"])
        XCTAssertEqual(run.failure?.code, .usage)
        XCTAssertTrue(run.failure?.hint?.contains("at least 7 days") ?? false, run.failure?.description ?? "")
    }
}
