import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Overdue decisions (issue 5, item 4) and hrss's own judgement when police are silent.
final class PoliceReferralOverdueTests: PoliceSystemTestCase {
    /// worker-police, and worker-hrss with a short sweep interval (its periodic work
    /// runs the office's sweep and `ReferralTracking.periodic`).
    func startWithFastOverdueCheck() throws {
        try h.startWorker(.police, clock: clock) { Workers.police() }
        try h.startWorker(.hrss, clock: clock) { Workers.hrss(settings: .init(sweepInterval: 0.2)) }
    }

    /// A referral row written directly as admin (what police would hold).
    func insertUnderReview(_ caseID: String, decideBy: Day, status: String = "under_review") throws -> String {
        let no = Harness.newID("RF-admin")
        _ = try h.rows("""
            INSERT INTO wage.referrals (referral_no, case_id, submitted_by, suspect, amount_owed_fen, workers_count,
                                        status, decide_by)
            VALUES ($1, $2::uuid, 'hrss', '{"name": "某公司", "kind": "company"}', 100000, 3, $4, $3::date)
            """, [no, caseID, decideBy.iso, status])
        return no
    }

    func overdueEntries(_ caseID: String, _ no: String) throws -> [JSONValue] {
        try entries(caseID, by: .hrss).filter { $0.event == "referral_overdue" && $0.detail["referral_no"]?.stringValue == no }
            .map(\.detail)
    }

    func testAnOverdueDecisionIsRecordedOnceAndListedByTheView() throws {
        try startWithFastOverdueCheck()
        let caseID = try makeCase()
        clock.set(shanghaiNoonOf: today.adding(days: -5))
        let late = Harness.newID("RF-late")
        try submit(submission(caseID, late, payBy: today.adding(days: -10)), expecting: "under_review")
        let decided = Harness.newID("RF-decided")
        try submit(submission(caseID, decided, payBy: today.adding(days: -10)), expecting: "under_review")
        try decide(decided, filed: "P-2026-7")
        try waitForStatus(decided, "filed")
        XCTAssertEqual(try overview(late, "decide_by"), today.adding(days: -2).iso)

        clock.set(shanghaiNoonOf: today)
        try h.waitUntil("overdue entry of \(late)") { try !overdueEntries(caseID, late).isEmpty }
        XCTAssertEqual(try overdueEntries(caseID, late).first?["days_overdue"], .int(2))
        XCTAssertEqual(try overdueEntries(caseID, late).first?["decide_by"], .day(today.adding(days: -2)))
        // A later pass (it records a new overdue referral) does not record the first one again.
        let marker = try insertUnderReview(caseID, decideBy: today.adding(days: -1))
        try h.waitUntil("overdue entry of the marker") { try !overdueEntries(caseID, marker).isEmpty }
        XCTAssertEqual(try overdueEntries(caseID, late).count, 1, "once per referral and deadline")
        XCTAssertEqual(try overdueEntries(caseID, decided).count, 0, "a decided referral is never overdue")

        // The view (today, real time) and the function (any as_of) agree with the worker.
        let view = try h.rows("SELECT referral_no, days_overdue FROM wage.overdue_referrals WHERE case_id = $1::uuid ORDER BY decide_by", [caseID])
        XCTAssertEqual(try view.map { try $0.string("referral_no") }, [late, marker])
        XCTAssertEqual(try view.map { try $0.int("days_overdue") }, [2, 1])
        let asOf = "SELECT count(*) FROM wage.overdue_referrals_as_of($1::date) WHERE referral_no = $2"
        XCTAssertEqual(try h.value(asOf, [today.adding(days: -2).iso, late]), "0", "due on decide_by itself is not overdue")
        XCTAssertEqual(try h.value(asOf, [today.adding(days: -1).iso, late]), "1")
    }

    func testHrssJudgesAloneWhenPoliceAreSilent() throws {
        try h.startWorker(.hrss, clock: clock) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        let caseID = try makeCase()
        let no = try insertUnderReview(caseID, decideBy: today.adding(days: 2))
        let id = try decide(no, filed: "P-2026-9")
        // hrss waits (policeVerdictWait) for police's verdict, then records the decision by the same status rule.
        let details = try waitForOfficeEntries(caseID, "referral_decision")
        XCTAssertEqual(details.first?["police_case_no"], "P-2026-9")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [id]), "0")
        // Alone, hrss also refuses what the status does not allow.
        let incomplete = try insertUnderReview(caseID, decideBy: today, status: "incomplete")
        let measure = Harness.newID("measure-alone")
        try h.publish(as: .police, "referral.measure", ["referral_no": .string(incomplete), "kind": "freeze_accounts"], id: measure)
        XCTAssertEqual(try refusal(of: measure, by: .hrss), "invalid_state")
        let copies = try h.drain(Principal.police.queueName)
        XCTAssertEqual(copies.compactMap(\.properties.messageID), [id, measure], "the copies wait in police's queue")
    }

    func testAnOfficeSweepAsOfADateRecordsTheReferralsOverdueThen() throws {
        try startPoliceAndOffice()  // no periodic work: only the sweep message records
        let caseID = try makeCase()
        let no = try insertUnderReview(caseID, decideBy: today.adding(days: 3))
        try h.publish(as: .hrss, "office.sweep", ["as_of": .string(today.adding(days: 2).iso)])
        try h.publish(as: .hrss, "office.sweep", ["as_of": .string(today.adding(days: 5).iso)])
        try h.waitUntil("overdue entry from the sweep") { try !overdueEntries(caseID, no).isEmpty }
        XCTAssertEqual(try overdueEntries(caseID, no).first?["days_overdue"], .int(2), "as of the sweep's date")
        XCTAssertEqual(try overdueEntries(caseID, no).count, 1)
    }
}
