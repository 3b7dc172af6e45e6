import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// A clue's whole life through the router and worker-hrss, for every sector
/// (CONTRACT §3 "Clues and cases"): registered → transferred to the responsible
/// department → accepted → progress → resolved → closed.
final class CaseLifecycleTests: XCTestCase {
    var h: Harness!
    var mail: Mailbox!
    /// Monday 2026-03-02; 5 working days later is Monday 2026-03-09 (no holiday between).
    let clock = TestClock(shanghaiNoonOf: .on("2026-03-02"))

    override func setUp() async throws {
        h = try Harness()
        mail = Mailbox(h)
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice(clock: clock)
    }

    override func tearDown() async throws { await h.shutdown() }

    /// CONTRACT §1, written out independently of the duty list file.
    let responsible: [Sector: Principal] = [
        .construction: .housing, .transport: .transport, .water: .water, .agriculture: .agriculture,
        .individualBusiness: .market, .manufacturing: .hrss, .services: .hrss, .other: .hrss,
    ]
    /// Who reports each sector's clue (and so is told when it closes, if it can receive notices).
    let origin: [Sector: (Principal, ClueChannel)] = [
        .construction: (.petitions, .petition), .transport: (.platform, .nationalPlatform),
        .water: (.housing, .department), .agriculture: (.police, .department),
        .individualBusiness: (.platform, .hotline), .manufacturing: (.hrss, .labourInspection),
        .services: (.justice, .department), .other: (.market, .walkIn),
    ]

    func testEverySectorFromClueToClosing() throws {
        var cases: [Sector: String] = [:]
        var clueIDs: [Sector: String] = [:]
        for sector in Sector.allCases {
            let (sender, channel) = origin[sector]!
            let id = Harness.newID("life-\(sector.rawValue)")
            clueIDs[sector] = id
            cases[sector] = try h.reportClue(Harness.newID("ref"), as: sender, sector: sector, channel: channel, id: id)
        }
        for sector in Sector.allCases {
            let caseID = cases[sector]!, assignee = responsible[sector]!
            XCTAssertEqual(try h.overview(caseID, "status"), "transferred", "\(sector)")
            XCTAssertEqual(try h.overview(caseID, "assignee"), assignee.rawValue, "\(sector)")
            XCTAssertEqual(try h.overview(caseID, "due_on"), "2026-03-09", "\(sector)")
            XCTAssertEqual(try h.overview(caseID, "risk_level"), "medium", "12 workers, 125000.00 yuan")
            XCTAssertEqual(try h.overview(caseID, "origin"), origin[sector]!.0.rawValue)
            XCTAssertEqual(try h.value("SELECT reporter->>'phone' FROM wage.cases WHERE case_id = $1::uuid", [caseID]),
                           "13800000000", "contract fields are stored")
            XCTAssertEqual(try h.value("SELECT amount_owed_fen::text FROM wage.cases WHERE case_id = $1::uuid", [caseID]),
                           "12500000")
            if assignee != .hrss {
                let transfer = try XCTUnwrap(mail.wait(assignee.queueName) { $0.isa("case.transfer", case: caseID) }.first)
                XCTAssertEqual(transfer.payload["sector"]?.stringValue, sector.rawValue)
                XCTAssertEqual(transfer.payload["to"]?.stringValue, assignee.rawValue)
                XCTAssertEqual(transfer.payload["due_on"]?.stringValue, "2026-03-09")
                XCTAssertEqual(transfer.header("x-wage-sender"), "hrss")
                // hrss applied its automatic transfer on registration and says so
                // (x-wage-applied-by-sender): the router does not copy it back to hrss.
                let transferID = "\(clueIDs[sector]!):\(caseID):transfer"
                XCTAssertEqual(transfer.properties.headers[FollowUpMessage.appliedBySenderHeader], .bool(true))
                try h.waitUntil("transfer routed") {
                    try h.value("SELECT recipients::text FROM wage.routing_log WHERE message_id = $1", [transferID])
                        == "{\(assignee.rawValue)}"
                }
                XCTAssertEqual(try h.value("SELECT count(*) FROM wage.case_transfers WHERE message_id = $1", [transferID]), "1")
                XCTAssertNil(try h.value("SELECT 1 FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1", [transferID]))
            }
        }
        try step(cases, "case.accept", status: "accepted") { _ in [:] }
        try step(cases, "case.progress", event: "progress") { _ in ["note": "约谈企业负责人"] }
        try step(cases, "case.resolved", status: "resolved") { _ in ["amount_paid": "125000.00", "workers_paid": 12] }
        var closeIDs: [Sector: String] = [:]
        for sector in Sector.allCases {
            let id = Harness.newID("close")
            closeIDs[sector] = id
            try h.publish(as: .hrss, "case.close", ["case_id": .string(cases[sector]!), "note": "销号"], id: id)
        }
        for sector in Sector.allCases {
            let caseID = cases[sector]!
            try h.waitForStatus(caseID, "closed")
            XCTAssertNotNil(try h.overview(caseID, "closed_at"))
            XCTAssertEqual(try h.overview(caseID, "amount_paid"), "125000.00")
            XCTAssertEqual(try h.timeline(caseID), [
                "hrss:registered", "hrss:transferred", "hrss:accepted", "hrss:progress", "hrss:resolved", "hrss:closed",
            ], "\(sector)")
            XCTAssertEqual(try h.timelineDetail(caseID, "accepted")?["by"]?.stringValue, responsible[sector]!.rawValue)
            let (reporter, _) = origin[sector]!
            if reporter.isDepartment && reporter != .hrss {
                let notice = try XCTUnwrap(mail.wait(reporter.queueName) { $0.isNotice("closed", case: caseID) }.first)
                XCTAssertEqual(notice.payload["notify"], .array([.string(reporter.rawValue)]))
                XCTAssertEqual(notice.payload["detail"]?["amount_paid"]?.stringValue, "125000.00")
            } else {
                XCTAssertEqual(try h.value(
                    "SELECT count(*) FROM wage.outbox WHERE type = 'case.notice' AND correlation_id = $1", [caseID]), "0",
                    "\(reporter) cannot receive case.notice: it is not told (docs/cases.md)")
            }
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = ANY($1::text[])",
                                   [Array(closeIDs.values)]), "0")
    }

    /// Publishes `type` as each case's assignee and waits for `status` (or the timeline `event`).
    func step(_ cases: [Sector: String], _ type: String, status: String? = nil, event: String? = nil,
              _ extra: (Sector) -> [String: JSONValue]) throws {
        for sector in Sector.allCases {
            var body = extra(sector)
            body["case_id"] = .string(cases[sector]!)
            try h.publish(as: responsible[sector]!, type, .object(body))
        }
        for sector in Sector.allCases {
            let caseID = cases[sector]!
            if let status { try h.waitForStatus(caseID, status) }
            if let event { try h.waitUntil("\(event) on \(caseID)") { try h.timeline(caseID).last == "hrss:\(event)" } }
        }
    }

    func testReturnedCaseIsRetransferredByStaffAndTheCopyIsAppliedOnce() throws {
        let caseID = try h.reportClue(Harness.newID("ret"), sector: .construction)
        try h.publish(as: .housing, "case.return", ["case_id": .string(caseID), "reason": "not our duty: a road project"])
        try h.waitForStatus(caseID, "returned")
        XCTAssertNil(try h.overview(caseID, "assignee"))
        clock.set(shanghaiNoonOf: .on("2026-03-04"))
        let id = Harness.newID("retransfer")
        try h.publish(as: .hrss, "case.transfer",
                      ["case_id": .string(caseID), "sector": "transport", "to": "transport", "note": "交通项目"], id: id)
        try h.waitForStatus(caseID, "transferred")
        XCTAssertEqual(try h.overview(caseID, "assignee"), "transport")
        XCTAssertEqual(try h.overview(caseID, "sector"), "transport")
        // CONTRACT §7.2 (amends Part I's fresh 5 working days): the first deadline stands.
        XCTAssertEqual(try h.overview(caseID, "due_on"), "2026-03-09", "due_on of the first transfer (03-02 + 5 working days)")
        let delivered = try mail.wait("dept.transport") { $0.properties.messageID == id }
        XCTAssertEqual(delivered.count, 1)
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred", "hrss:returned", "hrss:transferred"])
        XCTAssertEqual(try h.timelineDetail(caseID, "returned")?["reason"]?.stringValue, "not our duty: a road project")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.case_transfers WHERE case_id = $1::uuid", [caseID]), "2")
        // The old assignee's queue got the automatic transfer only.
        XCTAssertEqual(try mail.wait("dept.housing") { $0.isa("case.transfer", case: caseID) }.count, 1)
        // The new assignee may now act; the old one may not.
        let late = Harness.newID("late")
        try h.publish(as: .housing, "case.accept", ["case_id": .string(caseID)], id: late)
        XCTAssertEqual(try h.waitForRejection(late), "not_assignee")
        try h.publish(as: .transport, "case.accept", ["case_id": .string(caseID)])
        try h.waitForStatus(caseID, "accepted")
    }

    func testASecondReportOfTheSameClueIsTheSameCase() throws {
        let ref = Harness.newID("dup")
        let caseID = try h.reportClue(ref, as: .platform, sector: .construction)
        let again = Harness.newID("again")
        try h.publish(as: .petitions, "clue.report", Harness.clue(ref, sector: .water, workers: 40), id: again)
        try h.waitProcessed(again)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE channel = 'hotline' AND clue_ref = $1", [ref]), "1")
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred", "hrss:reported_again"])
        XCTAssertEqual(try h.timelineDetail(caseID, "reported_again")?["reported_by"]?.stringValue, "petitions")
        XCTAssertEqual(try h.overview(caseID, "sector"), "construction", "the second report changes nothing")
        XCTAssertEqual(try h.overview(caseID, "workers_count"), "12")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE type = 'case.transfer' AND correlation_id = $1",
                                   [caseID]), "1", "no second transfer")
        XCTAssertEqual(try mail.current("dept.water") { $0.isa("case.transfer", case: caseID) }.count, 0)
        XCTAssertEqual(try mail.wait("dept.housing") { $0.isa("case.transfer", case: caseID) }.count, 1)
    }

    /// CONTRACT §7.6: the channels `payroll` and `bank`, and `project_no` kept as given
    /// (no project of that number is registered).
    func testAClueOnTheNewChannelsKeepsItsProjectNumberAsGiven() throws {
        for channel in [ClueChannel.payroll, .bank] {
            let ref = Harness.newID(channel.rawValue)
            var body = Harness.clue(ref, channel: channel).objectValue!
            body["project_no"] = .string("P-NOT-REGISTERED-\(ref)")
            let id = Harness.newID("clue")
            try h.publish(as: .hrss, "clue.report", .object(body), id: id)
            try h.waitProcessed(id)
            let caseID = try XCTUnwrap(try h.value(
                "SELECT case_id::text FROM wage.cases WHERE channel = $1 AND clue_ref = $2", [channel.rawValue, ref]))
            XCTAssertEqual(try h.value("SELECT project_no FROM wage.cases WHERE case_id = $1::uuid", [caseID]),
                           "P-NOT-REGISTERED-\(ref)")
            XCTAssertEqual(try h.overview(caseID, "status"), "transferred")
            XCTAssertEqual(try h.timelineDetail(caseID, "registered")?["project_no"]?.stringValue, "P-NOT-REGISTERED-\(ref)")
        }
        let tooLong = Harness.newID("long")
        var body = Harness.clue(tooLong).objectValue!
        body["project_no"] = .string(String(repeating: "P", count: 65))
        try h.publish(as: .platform, "clue.report", .object(body), id: tooLong)
        XCTAssertEqual(try h.waitForRejection(tooLong, by: .router), "schema:project_no")
    }

    /// CONTRACT §7.1: most clues do not end in a payment. An unfounded clue is
    /// resolved with a note and no figures, shown in case_overview, and closed.
    func testAnUnfoundedClueIsResolvedWithoutPaymentAndClosed() throws {
        let caseID = try h.reportClue(Harness.newID("unfounded"), sector: .construction)
        let missingNote = Harness.newID("no-note")
        try h.publish(as: .housing, "case.resolved", ["case_id": .string(caseID), "disposition": "mediated"], id: missingNote)
        XCTAssertEqual(try h.waitForRejection(missingNote, by: .router), "schema:note")
        let outside = Harness.newID("bad-disposition")
        try h.publish(as: .housing, "case.resolved", ["case_id": .string(caseID), "disposition": "forgiven", "note": "x"], id: outside)
        XCTAssertEqual(try h.waitForRejection(outside, by: .router), "schema:disposition")
        XCTAssertNil(try h.overview(caseID, "disposition"), "null until resolved")

        try h.publish(as: .housing, "case.resolved",
                      ["case_id": .string(caseID), "disposition": "unfounded", "note": "经核查，线索不实"])
        try h.waitForStatus(caseID, "resolved")
        XCTAssertEqual(try h.overview(caseID, "disposition"), "unfounded")
        XCTAssertNil(try h.overview(caseID, "amount_paid"))
        XCTAssertEqual(try h.timelineDetail(caseID, "resolved")?["disposition"]?.stringValue, "unfounded")
        try h.publish(as: .hrss, "case.close", ["case_id": .string(caseID), "note": "销号"])
        try h.waitForStatus(caseID, "closed")
        XCTAssertEqual(try h.overview(caseID, "disposition"), "unfounded")

        let paid = try h.reportClue(Harness.newID("paid"), sector: .construction)
        try h.publish(as: .housing, "case.resolved", ["case_id": .string(paid), "amount_paid": "800.00", "workers_paid": 2])
        try h.waitForStatus(paid, "resolved")
        XCTAssertEqual(try h.overview(paid, "disposition"), "paid", "absent means paid")
    }
}
