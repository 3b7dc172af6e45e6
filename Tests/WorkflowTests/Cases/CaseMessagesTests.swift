import XCTest
@testable import Messages
@testable import Workflow

final class CaseMessagesTests: XCTestCase {
    let clue: JSONValue = [
        "channel": "national_platform", "clue_ref": "NP-2026-0001",
        "employer": ["name": "某劳务公司", "credit_code": "91500000MA5U000000"],
        "project": ["name": "金凤安置房", "location": "金凤镇"],
        "sector": "construction", "workers_count": 35, "amount_owed": "1250000.5",
        "description": "春节前欠薪", "reporter": ["name": "张三", "phone": "13800000000", "id_number": "500101199001011234"],
    ]

    func testClueReportDecodes() throws {
        let c = try ClueReport(json: payload(clue))
        XCTAssertEqual(c.channel, .nationalPlatform)
        XCTAssertEqual(c.clueRef, "NP-2026-0001")
        XCTAssertEqual(c.employer, Employer(name: "某劳务公司", creditCode: "91500000MA5U000000"))
        XCTAssertEqual(c.project, Project(name: "金凤安置房", location: "金凤镇"))
        XCTAssertEqual(c.sector, .construction)
        XCTAssertEqual(c.workersCount, 35)
        XCTAssertEqual(c.amountOwed.fen, 125_000_050)
        XCTAssertEqual(c.reporter?.idNumber, "500101199001011234")
        XCTAssertEqual(try ClueReport(json: payload(c.json)), c, "round trip")
        XCTAssertEqual(c.json["amount_owed"], "1250000.50")
    }

    func testClueReportMinimalAndNulls() throws {
        let c = try ClueReport(json: [
            "channel": "hotline", "clue_ref": "1", "employer": ["name": "X", "credit_code": nil], "project": nil,
            "sector": "other", "workers_count": 1, "amount_owed": "0.01",
        ])
        XCTAssertNil(c.project)
        XCTAssertNil(c.employer.creditCode)
        XCTAssertNil(c.reporter)
        XCTAssertNil(c.json["project"], "absent optional members are left out")
    }

    func testClueReportSchemaErrors() {
        func without(_ key: String) -> [String: JSONValue] { var p = payload(clue); p[key] = nil; return p }
        func with(_ key: String, _ v: JSONValue) -> [String: JSONValue] { var p = payload(clue); p[key] = v; return p }
        for key in ["channel", "clue_ref", "employer", "sector", "workers_count", "amount_owed"] {
            assertSchema(key) { () throws(RejectionReason) in try ClueReport(json: without(key)) }
        }
        assertSchema("channel") { () throws(RejectionReason) in try ClueReport(json: with("channel", "fax")) }
        assertSchema("clue_ref") { () throws(RejectionReason) in try ClueReport(json: with("clue_ref", "  ")) }
        assertSchema("clue_ref") { () throws(RejectionReason) in try ClueReport(json: with("clue_ref", 12)) }
        assertSchema("employer") { () throws(RejectionReason) in try ClueReport(json: with("employer", "某公司")) }
        assertSchema("employer.name") { () throws(RejectionReason) in try ClueReport(json: with("employer", ["credit_code": "x"])) }
        assertSchema("project.location") { () throws(RejectionReason) in try ClueReport(json: with("project", ["location": 5])) }
        assertSchema("sector") { () throws(RejectionReason) in try ClueReport(json: with("sector", "mining")) }
        assertSchema("workers_count") { () throws(RejectionReason) in try ClueReport(json: with("workers_count", 0)) }
        assertSchema("workers_count") { () throws(RejectionReason) in try ClueReport(json: with("workers_count", "12")) }
        assertSchema("workers_count") { () throws(RejectionReason) in try ClueReport(json: with("workers_count", .number("1.5"))) }
        assertSchema("amount_owed") { () throws(RejectionReason) in try ClueReport(json: with("amount_owed", 100)) }
        assertSchema("amount_owed") { () throws(RejectionReason) in try ClueReport(json: with("amount_owed", "0.00")) }
        assertSchema("amount_owed") { () throws(RejectionReason) in try ClueReport(json: with("amount_owed", "1.234")) }
        assertSchema("amount_owed") { () throws(RejectionReason) in try ClueReport(json: with("amount_owed", "-5")) }
        assertSchema("reporter.id_number") { () throws(RejectionReason) in try ClueReport(json: with("reporter", ["id_number": true])) }
        assertSchema("description") { () throws(RejectionReason) in try ClueReport(json: with("description", ["x"])) }
    }

    func testCaseCommandsDecode() throws {
        XCTAssertEqual(try CaseTransfer(json: ["case_id": "C-1", "sector": "water", "to": "water", "note": "n"]),
                       CaseTransfer(caseID: "C-1", sector: .water, to: .water, note: "n"))
        XCTAssertEqual(try CaseTransfer(json: ["case_id": "C-1", "sector": "water"]).to, nil)
        XCTAssertEqual(try CaseAccept(json: ["case_id": "C-1"]).caseID, "C-1")
        XCTAssertEqual(try CaseReturn(json: ["case_id": "C-1", "reason": "r"]), CaseReturn(caseID: "C-1", reason: "r"))
        XCTAssertEqual(try CaseProgress(json: ["case_id": "C-1", "note": "n"]), CaseProgress(caseID: "C-1", note: "n"))
        XCTAssertEqual(try CaseResolved(json: ["case_id": "C-1", "amount_paid": "10", "workers_paid": 1]),
                       CaseResolved(caseID: "C-1", amountPaid: yuan("10.00"), workersPaid: 1))
        // CONTRACT §7.1: workers_paid ≥ 1, as the router says (the catalogue test checks both agree).
        assertSchema("workers_paid") { () throws(RejectionReason) in
            try CaseResolved(json: ["case_id": "C-1", "amount_paid": "10", "workers_paid": 0])
        }
        XCTAssertEqual(try CaseEscalate(json: ["case_id": "C-1", "reason": "r"]), CaseEscalate(caseID: "C-1", reason: "r"))
        XCTAssertEqual(try CaseClose(json: ["case_id": "C-1"]), CaseClose(caseID: "C-1"))
        XCTAssertEqual(try CaseAssignLeader(json: ["case_id": "C-1", "leader": "李", "leader_department": "government"]),
                       CaseAssignLeader(caseID: "C-1", leader: "李", leaderDepartment: "government"))
        XCTAssertEqual(try OfficeSweep(json: ["as_of": "2026-02-14"]).effectiveDay(today: d("2026-03-01")), d("2026-02-14"))
        XCTAssertEqual(try OfficeSweep(json: [:]).effectiveDay(today: d("2026-03-01")), d("2026-03-01"))
    }

    func testCaseCommandSchemaErrors() {
        assertSchema("case_id") { () throws(RejectionReason) in try CaseAccept(json: [:]) }
        assertSchema("case_id") { () throws(RejectionReason) in try CaseAccept(json: ["case_id": 7]) }
        assertSchema("sector") { () throws(RejectionReason) in try CaseTransfer(json: ["case_id": "C"]) }
        assertSchema("to") { () throws(RejectionReason) in try CaseTransfer(json: ["case_id": "C", "sector": "water", "to": "nasa"]) }
        assertSchema("reason") { () throws(RejectionReason) in try CaseReturn(json: ["case_id": "C"]) }
        assertSchema("note") { () throws(RejectionReason) in try CaseProgress(json: ["case_id": "C", "note": ""]) }
        assertSchema("amount_paid") { () throws(RejectionReason) in try CaseResolved(json: ["case_id": "C", "workers_paid": 1]) }
        assertSchema("workers_paid") { () throws(RejectionReason) in
            try CaseResolved(json: ["case_id": "C", "amount_paid": "1", "workers_paid": -1])
        }
        assertSchema("reason") { () throws(RejectionReason) in try CaseEscalate(json: ["case_id": "C"]) }
        assertSchema("leader_department") { () throws(RejectionReason) in
            try CaseAssignLeader(json: ["case_id": "C", "leader": "李", "leader_department": 7])
        }
        assertSchema("as_of") { () throws(RejectionReason) in try OfficeSweep(json: ["as_of": "2026-2-14"]) }
    }

    func testCaseNoticeDecodes() throws {
        let n = try CaseNotice(json: ["case_id": "C-1", "event": "closed", "notify": ["petitions", "hrss"], "detail": ["clue_ref": "P-1"]])
        XCTAssertEqual(n.notify, [.petitions, .hrss])
        XCTAssertEqual(n.detail?["clue_ref"], "P-1")
        XCTAssertEqual(try CaseNotice(json: payload(n.json)), n)
        assertSchema("notify") { () throws(RejectionReason) in try CaseNotice(json: ["case_id": "C", "event": "e", "notify": []]) }
        assertSchema("notify") { () throws(RejectionReason) in try CaseNotice(json: ["case_id": "C", "event": "e"]) }
        assertSchema("notify[1]") { () throws(RejectionReason) in
            try CaseNotice(json: ["case_id": "C", "event": "e", "notify": ["hrss", "nobody"]])
        }
        assertSchema("detail") { () throws(RejectionReason) in
            try CaseNotice(json: ["case_id": "C", "event": "e", "notify": ["hrss"], "detail": "text"])
        }
        assertSchema("case_id") { () throws(RejectionReason) in try CaseNotice(json: ["event": "e"]) }
    }
}

final class ClueReportFieldOrderTests: XCTestCase {
    func testTheFirstBadFieldInContractOrderIsReported() {
        assertSchema("channel") { () throws(RejectionReason) in
            try ClueReport(json: ["channel": "fax", "employer": "bad", "amount_owed": 1])
        }
        assertSchema("employer") { () throws(RejectionReason) in
            try ClueReport(json: ["channel": "hotline", "clue_ref": "x", "employer": "bad", "sector": "mining"])
        }
    }
}
