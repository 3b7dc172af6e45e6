import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// The green channel's assignment rule through the real broker and database
/// (CONTRACT §3 Legal aid, seed 004 第十六条): fewest open assignments, ties to
/// the lowest provider_id, deactivated providers get nothing, the requester is
/// told, and every step is recorded on the same day.
final class LegalAidAssignmentTests: LegalAidTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try h.startLegalAidWorkers()
    }

    func testThirtyApplicationsGoTenToEachActiveProviderInTurn() throws {
        try h.provider("LAW-00", "已停用律所", active: true)
        try h.provider("LAW-00", "已停用律所", active: false)  // lowest id, but inactive: gets nothing
        for id in ["LAW-03", "LAW-01", "LAW-02"] { try h.provider(id, "律所\(id)", active: true) }
        var causes: [String: String] = [:]
        let numbers = (1...30).map { String(format: "LA-FAIR-%02d", $0) }
        for no in numbers { causes[no] = try h.requestLegalAid(no, from: .hrss) }
        try h.waitUntil("30 assigned", timeout: 30) {
            try h.value("SELECT count(*) FROM wage.legal_aid_overview WHERE status = 'assigned'") == "30"
        }
        let order = try h.rows("SELECT application_no, provider_id FROM wage.legal_aid_overview ORDER BY received_at")
        XCTAssertEqual(try order.map { try $0.string("application_no") }, numbers, "processed in publication order")
        let expected = (0..<30).map { ["LAW-01", "LAW-02", "LAW-03"][$0 % 3] }
        XCTAssertEqual(try order.map { try $0.string("provider_id") }, expected, "in turn, lowest id first")
        XCTAssertEqual(try h.openAssignments(), ["LAW-00": 0, "LAW-01": 10, "LAW-02": 10, "LAW-03": 10])

        // the requester (hrss) is told, once per application, through its own queue and worker
        let told = numbers.map { "\(causes[$0]!):\($0):assigned" }
        try h.waitUntil("hrss processed 30 legalaid.assigned") {
            try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'hrss' AND type = 'legalaid.assigned' AND message_id = ANY($1::text[])",
                        [told]) == "30"
        }
        let first = try assignedMessages("LA-FAIR-01")
        XCTAssertEqual(first.map(\.body), [["application_no": "LA-FAIR-01", "to": "hrss", "provider_id": "LAW-01",
                                            "provider_name": "律所LAW-01"]])

        // received, approved and assigned in one step: one instant, one Shanghai day
        let steps = try h.rows("""
            SELECT count(*) FILTER (WHERE approved_at = received_at AND assigned_at = received_at AND same_day) AS one_step,
                   count(DISTINCT received_on) AS days
            FROM wage.legal_aid_overview
            """)[0]
        XCTAssertEqual(try steps.int("one_step"), 30)
        let report = try XCTUnwrap(h.rows("SELECT * FROM wage.legal_aid_same_day").first)
        XCTAssertEqual(try report.int("received"), 30)
        XCTAssertEqual(try report.int("approved_same_day"), 30)
        XCTAssertEqual(try report.int("assigned_same_day"), 30)
        XCTAssertEqual(try report.int("assigned_later"), 0)
        XCTAssertEqual(try report.int("waiting"), 0)
        XCTAssertEqual(try report.string("received_on"), Day(shanghai: Date()).iso)
    }

    func testTiesGoToTheLowestIdAndEveryKindOfRequesterIsTold() throws {
        for id in ["B-2", "A-9", "A-10"] { try h.provider(id, "律师\(id)", active: true) }
        let requesters: [Principal] = [.hrss, .petitions, .platform, .justice]
        var causes: [Principal: String] = [:]
        for (i, who) in requesters.enumerated() {
            causes[who] = try h.requestLegalAid("LA-TIE-\(i)", from: who)
            try h.waitForLegalAid("LA-TIE-\(i)", status: "assigned")
        }
        let got = try (0..<4).map { try h.value("SELECT provider_id FROM wage.legal_aid_overview WHERE application_no = $1", ["LA-TIE-\($0)"]) }
        XCTAssertEqual(got, ["A-10", "A-9", "B-2", "A-10"], "\"A-10\" < \"A-9\" < \"B-2\" as strings")
        XCTAssertEqual(try h.value("SELECT string_agg(requested_by, ',' ORDER BY application_no) FROM wage.legal_aid_overview"),
                       "hrss,petitions,platform,justice")

        // workers of hrss, petitions and justice consume their legalaid.assigned
        for (i, who) in requesters.enumerated() where who != .platform {
            let id = "\(causes[who]!):LA-TIE-\(i):assigned"
            try h.waitUntil("\(who.rawValue) got \(id)") {
                try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = $1 AND message_id = $2", [who.rawValue, id]) == "1"
            }
        }
        // the platform has no worker: its tools read dept.platform
        var platform: [JSONValue] = []
        try h.waitUntil("legalaid.assigned in dept.platform") {
            platform += try h.drain("dept.platform").filter { $0.properties.type == "legalaid.assigned" }
                .map { try JSONValue.parse($0.body) }
            return !platform.isEmpty
        }
        XCTAssertEqual(platform, [["application_no": "LA-TIE-2", "to": "platform", "provider_id": "B-2", "provider_name": "律师B-2"]])
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = ANY($1::text[])",
                                   [Array(causes.values)]), "0")
    }

    func testARenamedProviderKeepsItsAssignmentsAndTellsItsNewName() throws {
        try h.provider("P-1", "旧名", active: true)
        try h.requestLegalAid("LA-REN-1")
        try h.waitForLegalAid("LA-REN-1", status: "assigned")
        try h.provider("P-1", "新名", active: true)
        try h.provider("P-1", "新名", active: true)  // unchanged: still recorded (the helper waits for its message_id)
        try h.requestLegalAid("LA-REN-2")
        try h.waitForLegalAid("LA-REN-2", status: "assigned")
        XCTAssertEqual(try h.openAssignments(), ["P-1": 2])
        XCTAssertEqual(try assignedMessages("LA-REN-2").first?.body["provider_name"], "新名")
        XCTAssertEqual(try h.value("SELECT provider_name FROM wage.legal_aid_overview WHERE application_no = 'LA-REN-1'"), "新名")
    }
}
