import XCTest
@testable import Messages
@testable import Workflow

final class PetitionTests: XCTestCase {
    let c = ctx("2026-02-10")

    func petition(_ n: Int, wage: Bool = true, full: Bool = false) -> PetitionReceived {
        PetitionReceived(petitionNo: "P-7", petitioners: n, form: .visit, wageRelated: wage,
                         employer: full ? Employer(name: "某劳务公司") : nil, sector: full ? .construction : nil,
                         amountOwed: full ? yuan("80000.00") : nil, workersCount: full ? 20 : nil, summary: "讨要工资")
    }

    func testAWageRelatedPetitionBecomesAClue() throws {
        let t = try applied(PetitionState.receive(petition(2, full: true), existing: nil, context: c))
        XCTAssertEqual(t.state.status, .reported)
        XCTAssertEqual(t.state.reportedAt, c.now)
        XCTAssertFalse(t.state.collective)
        XCTAssertEqual(t.messages.count, 1)
        let m = t.messages[0]
        XCTAssertEqual(m.type, .clueReport)
        XCTAssertEqual(m.recipients, [.hrss])
        XCTAssertEqual(m.idSuffix, "clue")
        let clue = try ClueReport(json: payload(m.payload))
        XCTAssertEqual(clue.channel, .petition)
        XCTAssertEqual(clue.clueRef, "P-7")
        XCTAssertEqual(clue.employer, Employer(name: "某劳务公司"))
        XCTAssertEqual(clue.sector, .construction)
        XCTAssertEqual(clue.workersCount, 20)
        XCTAssertEqual(clue.amountOwed, yuan("80000.00"))
        XCTAssertEqual(clue.description, "讨要工资 (信访件 petition P-7)")
        XCTAssertNil(clue.reporter)
    }

    func testMissingFieldsGetDocumentedDefaultsThatPassTheClueSchema() throws {
        let clue = PetitionClue.clue(for: petition(3))
        XCTAssertEqual(clue.employer.name, "未知 unknown")
        XCTAssertEqual(clue.sector, .other)
        XCTAssertEqual(clue.workersCount, 3)
        XCTAssertEqual(clue.amountOwed, Money(fen: 1))
        XCTAssertEqual(clue.description,
                       "讨要工资 (信访件 petition P-7; 用人单位不详 employer unknown; 行业不详 sector unknown; 人数按信访人数计 workers = petitioners; 金额不详 amount unknown)")
        XCTAssertEqual(try ClueReport(json: payload(clue.json)), clue, "the defaults decode as a valid clue")
        var bare = petition(1)
        bare.summary = nil
        XCTAssertEqual(PetitionClue.clue(for: bare).description?.hasPrefix("(信访件 petition P-7;"), true)
    }

    func testCollectiveVisitsRaiseAnIncident() throws {
        let four = try applied(PetitionState.receive(petition(4), existing: nil, context: c))
        XCTAssertFalse(four.state.collective)
        XCTAssertEqual(four.messages.map(\.type), [.clueReport])

        let five = try applied(PetitionState.receive(petition(5), existing: nil, context: c))
        XCTAssertTrue(five.state.collective)
        XCTAssertEqual(five.messages.map(\.type), [.clueReport, .incidentAlert])
        let alert = five.messages[1]
        XCTAssertEqual(alert.recipients, [.police, .hrss])
        XCTAssertEqual(alert.idSuffix, "incident")
        XCTAssertEqual(try IncidentAlert(json: payload(alert.payload)), IncidentAlert(petitionNo: "P-7", people: 5, summary: "讨要工资"))
    }

    func testTheLocationOfAVisitGoesIntoTheAlert() throws {
        var visit = petition(8)
        visit.location = "信访局接待大厅"
        let t = try applied(PetitionState.receive(visit, existing: nil, context: c))
        let alert = try XCTUnwrap(t.messages.first { $0.type == .incidentAlert })
        XCTAssertEqual(try IncidentAlert(json: payload(alert.payload)),
                       IncidentAlert(petitionNo: "P-7", people: 8, location: "信访局接待大厅", summary: "讨要工资"))
        let decoded = try PetitionReceived(json: ["petition_no": "P-1", "petitioners": 5, "form": "visit", "wage_related": false,
                                                  "location": "广场"])
        XCTAssertEqual(decoded.location, "广场")
        assertSchema("location") { () throws(RejectionReason) in
            try PetitionReceived(json: ["petition_no": "P-1", "petitioners": 5, "form": "visit", "wage_related": false, "location": 7])
        }
    }

    func testANonWageCollectiveVisitOnlyAlerts() throws {
        let t = try applied(PetitionState.receive(petition(30, wage: false), existing: nil, context: c))
        XCTAssertEqual(t.state.status, .received)
        XCTAssertNil(t.state.reportedAt)
        XCTAssertEqual(t.messages.map(\.type), [.incidentAlert])
        let quiet = try applied(PetitionState.receive(petition(1, wage: false), existing: nil, context: c))
        XCTAssertTrue(quiet.actions.isEmpty)
    }

    func testTheThresholdIsConfiguration() throws {
        let t = try applied(PetitionState.receive(petition(3), existing: nil, collectiveThreshold: 3, context: c))
        XCTAssertTrue(t.state.collective)
    }

    func testADuplicatePetitionIsInvalid() throws {
        let first = try applied(PetitionState.receive(petition(2), existing: nil, context: c)).state
        assertRejected(PetitionState.receive(petition(2), existing: first, context: c), .invalidState)
    }

    func closedNotice(ref: String = "P-7", channel: String = "petition", event: String = "closed") -> CaseNotice {
        CaseNotice(caseID: "C-5", event: event, notify: [.petitions],
                   detail: ["channel": .string(channel), "clue_ref": .string(ref), "amount_paid": "80000.00", "workers_paid": 20,
                            "note": "已全额支付"])
    }

    func testTheReplyIsRecordedWhenTheCaseCloses() throws {
        let reported = try applied(PetitionState.receive(petition(2), existing: nil, context: c)).state
        XCTAssertEqual(PetitionState.petitionNo(of: closedNotice()), "P-7")
        let t = try applied(reported.caseClosed(closedNotice(), context: ctx("2026-03-01")))
        XCTAssertEqual(t.state.status, .replied)
        XCTAssertEqual(t.state.caseID, "C-5")
        XCTAssertEqual(t.state.repliedAt, ctx("2026-03-01").now)
        XCTAssertEqual(t.state.reply, "案件已办结销号 the case was resolved and closed; 支付 paid 80000.00 元 yuan; 20 名工人 workers; 已全额支付")
        XCTAssertEqual(t.timeline.map(\.event), ["petition_replied"])
        XCTAssertEqual(t.timeline[0].department, .petitions)
        XCTAssertEqual(t.timeline[0].caseID, "C-5")
        assertRejected(t.state.caseClosed(closedNotice(), context: c), .invalidState)
    }

    func testTheCloseOfACaseTheOfficeBuiltMatchesThePetition() throws {
        // end to end through the case machine: petition → clue → case → resolved → closed → notice → reply
        let p = try applied(PetitionState.receive(petition(6, full: true), existing: nil, context: c))
        let clue = try ClueReport(json: payload(p.messages[0].payload))
        var kase = try applied(CaseState.register(clue, caseID: "C-5", origin: .petitions, responsible: .housing, context: c)).state
        kase = try applied(kase.resolve(CaseResolved(caseID: "C-5", amountPaid: yuan("80000.00"), workersPaid: 20),
                                        from: .housing, context: c)).state
        let closed = try applied(kase.close(CaseClose(caseID: "C-5"), context: c))
        let notice = try XCTUnwrap(notices(closed).first)
        XCTAssertEqual(notice.notify, [.petitions])
        let replied = try applied(p.state.caseClosed(notice, context: c))
        XCTAssertEqual(replied.state.status, .replied)
        XCTAssertEqual(kase.risk, .medium, "20 workers")
    }

    func testOtherNoticesOrPetitionsAreInvalid() throws {
        let reported = try applied(PetitionState.receive(petition(2), existing: nil, context: c)).state
        assertRejected(reported.caseClosed(closedNotice(ref: "P-8"), context: c), .invalidState)
        assertRejected(reported.caseClosed(closedNotice(channel: "hotline"), context: c), .invalidState)
        assertRejected(reported.caseClosed(closedNotice(event: "task_force_formed"), context: c), .invalidState)
        XCTAssertNil(PetitionState.petitionNo(of: closedNotice(channel: "hotline")))
        let unrelated = try applied(PetitionState.receive(petition(2, wage: false), existing: nil, context: c)).state
        assertRejected(unrelated.caseClosed(closedNotice(), context: c), .invalidState)
    }

    func testDecoding() throws {
        let p = try PetitionReceived(json: ["petition_no": "P-1", "petitioners": 6, "form": "online", "wage_related": true,
                                            "employer": "某公司", "sector": "services", "amount_owed": "1200", "workers_count": 6,
                                            "summary": "s"])
        XCTAssertEqual(p, PetitionReceived(petitionNo: "P-1", petitioners: 6, form: .online, wageRelated: true,
                                           employer: Employer(name: "某公司"), sector: .services, amountOwed: yuan("1200"),
                                           workersCount: 6, summary: "s"))
        let o = try PetitionReceived(json: ["petition_no": "P-1", "petitioners": 1, "form": "letter", "wage_related": false,
                                            "employer": ["name": "甲", "credit_code": "91"]])
        XCTAssertEqual(o.employer, Employer(name: "甲", creditCode: "91"))
        let base: [String: JSONValue] = ["petition_no": "P-1", "petitioners": 1, "form": "letter", "wage_related": false]
        func with(_ k: String, _ v: JSONValue?) -> [String: JSONValue] { var p = base; p[k] = v; return p }
        for key in base.keys.sorted() {
            assertSchema(key) { () throws(RejectionReason) in try PetitionReceived(json: with(key, nil)) }
        }
        assertSchema("petitioners") { () throws(RejectionReason) in try PetitionReceived(json: with("petitioners", 0)) }
        assertSchema("form") { () throws(RejectionReason) in try PetitionReceived(json: with("form", "fax")) }
        assertSchema("employer") { () throws(RejectionReason) in try PetitionReceived(json: with("employer", 3)) }
        assertSchema("employer.name") { () throws(RejectionReason) in try PetitionReceived(json: with("employer", [:])) }
        assertSchema("amount_owed") { () throws(RejectionReason) in try PetitionReceived(json: with("amount_owed", "0")) }
        assertSchema("workers_count") { () throws(RejectionReason) in try PetitionReceived(json: with("workers_count", 0)) }
        assertSchema("people") { () throws(RejectionReason) in try IncidentAlert(json: ["petition_no": "P-1"]) }
    }
}
