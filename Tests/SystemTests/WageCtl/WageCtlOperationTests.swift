import Duties
import Foundation
import Router
import Runtime
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// Operator commands as admin: calendar load, duty-list load, dead replay; all audited.
final class WageCtlOperationTests: XCTestCase {
    var h: Harness!
    var files: [URL] = []

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
    }

    override func tearDown() async throws {
        for f in files { try? FileManager.default.removeItem(at: f) }
        await h.shutdown()
    }

    func temp(_ name: String, _ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wagectl-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        files.append(url)
        return url.path
    }

    func testCalendarLoadUpsertsAYearReplacesItAndIsAudited() throws {
        let year = 2090 + Int.random(in: 0...9)
        let first = try temp("cal.csv", "day,is_workday,note\n\(year)-01-01,false,元旦\n\(year)-01-02,false,元旦\n\(year)-01-04,true,调休\n")
        let run = h.wagectl(["--as", "admin", "calendar", "load", first, "--operator", "tester", "--json"])
        XCTAssertNil(run.error, run.errors)
        let counts = try run.json()
        XCTAssertEqual(counts["rows"], 3)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.calendar WHERE extract(year FROM day) = $1", [year]), "3")
        XCTAssertEqual(try h.value("SELECT is_workday::text FROM wage.calendar WHERE day = $1::date", ["\(year)-01-04"]), "true")

        let second = try temp("cal2.csv", "day,is_workday,note\n\(year)-01-01,false,元旦\n\(year)-01-04,false,改为休息\n")
        let again = try h.wagectl(["--as", "admin", "calendar", "load", second, "--operator", "tester", "--json"]).json()
        XCTAssertEqual(again["unchanged"], 1)
        XCTAssertEqual(again["updated"], 1)
        XCTAssertEqual(again["removed"], 1, "the file replaces the year: \(year)-01-02 is gone")
        XCTAssertEqual(try h.value("SELECT is_workday::text FROM wage.calendar WHERE day = $1::date", ["\(year)-01-04"]), "false")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.operator_audit WHERE action = 'calendar.load' AND detail->'years' @> $1::jsonb AND operator = 'tester'", ["[\(year)]"]), "2")
        _ = try h.rows("DELETE FROM wage.calendar WHERE extract(year FROM day) = $1", [year])
    }

    func testAMalformedCalendarNamesTheLine() throws {
        let bad = try temp("bad.csv", "day,is_workday,note\n2091-01-01,false,ok\n2091-13-01,false,bad month\n")
        let run = h.wagectl(["--as", "admin", "calendar", "load", bad])
        XCTAssertEqual(run.failure?.code, .usage)
        XCTAssertTrue(run.failure?.message.hasSuffix("bad.csv:3: day is not an ISO date") ?? false, run.failure?.message ?? "")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.calendar WHERE day = '2091-01-01'"), "0", "nothing loaded")
    }

    func testAMalformedDutyListIsRefusedWithFileAndLineAndNothingIsStored() throws {
        let shipped = try String(contentsOf: Harness.repoRoot.appendingPathComponent(DutyListLoader.defaultRelativePath), encoding: .utf8)
        var lines = shipped.components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.contains("from:") })
        lines[index] = lines[index].replacingOccurrences(of: "from:", with: "form:")
        let version = "bad-\(UUID().uuidString.prefix(8))"
        let text = lines.joined(separator: "\n").replacingOccurrences(of: #"version: "2026-2""#, with: "version: \"\(version)\"")
        let path = try temp("bad.yaml", text)
        let run = h.wagectl(["--as", "admin", "duty-list", "load", path])
        XCTAssertEqual(run.failure?.code, .usage)
        XCTAssertTrue(run.failure?.message.contains("\(path):\(index + 1): unknown_key") ?? false, run.failure?.message ?? "")
        XCTAssertNil(try h.value("SELECT version FROM wage.duty_lists WHERE version = $1", [version]))
    }

    func testADutyListLoadPutsANewVersionInForceAndRefusesChangedContentUnderAKnownVersion() throws {
        try DutyListStore.install(try Harness.shippedDutyList(), db: h.admin, activation: .always)
        let shipped = try String(contentsOf: Harness.repoRoot.appendingPathComponent(DutyListLoader.defaultRelativePath), encoding: .utf8)
        let version = "test-\(UUID().uuidString.prefix(8))"
        let path = try temp("ok.yaml", shipped.replacingOccurrences(of: #"version: "2026-2""#, with: "version: \"\(version)\""))
        let run = h.wagectl(["--as", "admin", "duty-list", "load", path, "--operator", "tester"])
        XCTAssertNil(run.error, run.errors)
        XCTAssertTrue(run.output.contains("now in force (was 2026-2)"), run.output)
        XCTAssertEqual(try h.value("SELECT version FROM wage.duty_lists WHERE in_force"), version)
        XCTAssertEqual(try h.value("SELECT detail->>'previous' FROM wage.operator_audit WHERE action = 'duty_list.load' AND subject = $1", [version]), "2026-2")

        let changed = try temp("changed.yaml", shipped.replacingOccurrences(of: #"version: "2026-2""#, with: "version: \"\(version)\"") + "\n# changed\n")
        XCTAssertEqual(h.wagectl(["--as", "admin", "duty-list", "load", changed]).failure?.code, .conflict)

        let back = h.wagectl(["--as", "admin", "duty-list", "load", Harness.repoRoot.appendingPathComponent(DutyListLoader.defaultRelativePath).path])
        XCTAssertNil(back.error, back.errors)
        XCTAssertEqual(try h.value("SELECT version FROM wage.duty_lists WHERE in_force"), "2026-2")
    }

    func testReplayOfAWorkerRefusalPublishesOnceAsTheSenderWithANewIDAndIsAudited() throws {
        try h.startRouter()
        let part = ScriptedPart(types: [.caseAccept], event: "accepted")
        part.refuse(with: .invalidState)
        try h.startWorker(.hrss) { CompositeHandler(principal: .hrss, parts: [part]) }
        let c = try h.insertCase(clueRef: Harness.newID("replay"))
        let id = Harness.newID("orig")
        let refused = h.wagectl(["--as", "housing", "case", "accept", "--case-id", c.id, "--message-id", id, "--follow", "10"])
        XCTAssertEqual(refused.failure?.code, .refused, refused.output)

        part.refuse(with: nil)  // "the fix"
        let replay = h.wagectl(["--as", "admin", "dead", "replay", id, "--operator", "tester", "--follow", "10"])
        XCTAssertNil(replay.error, replay.output + replay.errors)
        let replayID = id + ":replay:1"
        XCTAssertTrue(replay.output.contains("routed to hrss") && replay.output.contains("hrss: recorded accepted"), replay.output)
        XCTAssertEqual(try h.value("SELECT sender FROM wage.routing_log WHERE message_id = $1", [replayID]), "housing",
                       "published as the original sender")
        XCTAssertEqual(part.handledIDs, [id, replayID], "the worker saw the original and the replay, once each")
        XCTAssertNotNil(try h.value("SELECT replayed_at FROM wage.rejection_log WHERE message_id = $1", [id]))
        XCTAssertEqual(try h.value("SELECT detail->>'replay_message_id' FROM wage.operator_audit WHERE action = 'dead.replay' AND subject = $1", [id]), replayID)

        let twice = h.wagectl(["--as", "admin", "dead", "replay", id])
        XCTAssertEqual(twice.failure?.code, .conflict, "a second replay needs --again")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id LIKE $1", [id + ":replay:%"]), "1")
    }

    func testReplayIsRefusedLocallyWhileTheRouterWouldRefuseItAgain() throws {
        try h.startRouter()
        let id = Harness.newID("noschema")
        try h.publish(as: .housing, "case.accept", [:], id: id)
        try h.waitUntil("router refusal") { try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]) == "schema:case_id" }
        let run = h.wagectl(["--as", "admin", "dead", "replay", id])
        XCTAssertEqual(run.failure?.code, .refusedLocally)
        XCTAssertTrue(run.failure?.message.contains("schema:case_id") ?? false, run.failure?.message ?? "")
        XCTAssertNil(try h.value("SELECT replayed_at FROM wage.rejection_log WHERE message_id = $1", [id]), "nothing replayed")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.operator_audit WHERE subject = $1", [id]), "0")
    }

    func testDeadPeekShowsTheReasonAndLeavesTheMessageInTheQueue() throws {
        try h.startRouter()
        let id = Harness.newID("peek")
        try h.publish(as: .platform, "case.accept", ["case_id": "x", "phone": "13812345678"], id: id)
        try h.waitUntil("dead-lettered") { try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]) != nil }
        let items = try h.wagectl(["--as", "admin", "dead", "peek", "--json"]).json().arrayValue ?? []
        let item = try XCTUnwrap(items.first { $0["message_id"] == .string(id) }, "\(items)")
        XCTAssertEqual(item["reason"], "forbidden_sender")
        XCTAssertEqual(item["rejected_by"], "router")
        XCTAssertEqual(item["sender"], "platform")
        XCTAssertFalse(item["body"]?.stringValue?.contains("13812345678") ?? true, "masked")
        XCTAssertEqual(try h.drain("wage.dead").filter { $0.properties.messageID == id }.count, 1, "still in the queue after the peek")
    }
}
