import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// The incident register (issue 5, item 3) and the police role's least privilege (item 5).
final class PoliceRegisterAndGrantsTests: PoliceSystemTestCase {
    func testIncidentAlertsAreRegisteredOncePerPetition() throws {
        try h.startWorker(.police, clock: clock) { Workers.police() }
        let petition = Harness.newID("XF")
        let first = Harness.newID("alert")
        try h.publish(as: .petitions, "incident.alert", ["petition_no": .string(petition), "people": 6,
                                                         "location": "区信访大厅", "summary": "集体讨薪"], id: first)
        try h.waitUntil("incident \(petition)") {
            try h.value("SELECT message_id FROM wage.incidents WHERE petition_no = $1", [petition]) == first
        }
        let row = try XCTUnwrap(h.rows("SELECT people, location, summary, reported_by FROM wage.incidents WHERE petition_no = $1",
                                       [petition]).first)
        XCTAssertEqual(try row.int("people"), 6)
        XCTAssertEqual(try row.string("location"), "区信访大厅")
        XCTAssertEqual(try row.string("summary"), "集体讨薪")
        XCTAssertEqual(try row.string("reported_by"), "petitions")

        let again = Harness.newID("alert-again")
        try h.publish(as: .petitions, "incident.alert", ["petition_no": .string(petition), "people": 9], id: again)
        try h.waitUntil("second alert processed") {
            try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'police' AND message_id = $1", [again]) == "1"
        }
        XCTAssertEqual(try h.value("SELECT people FROM wage.incidents WHERE petition_no = $1", [petition]), "6", "the first alert stands")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [again]), "0")

        let fromHrss = Harness.newID("alert-hrss")
        try h.publish(as: .hrss, "incident.alert", ["petition_no": .string(Harness.newID("XF")), "people": 5], id: fromHrss)
        XCTAssertEqual(try refusal(of: fromHrss, by: .router), "forbidden_sender")
    }

    func testThePoliceRoleSeesAndWritesOnlyWhatPoliceNeed() throws {
        let police = try connect(as: .police)
        defer { police.close() }
        for forbidden in [
            "SELECT count(*) FROM wage.fund_requests", "SELECT count(*) FROM wage.fund_balance",
            "SELECT count(*) FROM wage.fund_overview", "SELECT count(*) FROM wage.fund_entries",
            "INSERT INTO wage.fund_entries (message_id, kind) VALUES ('police-x', 'deposit')",
            """
            INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status)
            VALUES ('police-x', gen_random_uuid(), 100, 1, 'partial_wages', 'employer_fled', 'awaiting_approval')
            """,
            "UPDATE wage.fund_lock SET id = id", "SELECT count(*) FROM wage.petitions",
            "SELECT count(*) FROM wage.legal_aid_applications", "UPDATE wage.cases SET description = description",
            "UPDATE wage.referral_measures SET detail = detail", "DELETE FROM wage.referrals",
            "UPDATE wage.referral_events SET status = status", "UPDATE wage.incidents SET people = people",
        ] {
            XCTAssertEqual(sqlState(of: forbidden, on: police), "42501", forbidden)
        }
        for allowed in [
            "SELECT count(*) FROM wage.referrals", "SELECT count(*) FROM wage.referral_measures",
            "SELECT count(*) FROM wage.referral_events", "SELECT count(*) FROM wage.incidents",
            "SELECT count(*) FROM wage.referral_overview", "SELECT count(*) FROM wage.overdue_referrals",
            "SELECT count(*) FROM wage.case_overview",
        ] {
            XCTAssertNil(sqlState(of: allowed, on: police), allowed)
        }
    }

    func testHrssReadsReferralsOnlyThroughViewsAndOthersNotAtAll() throws {
        let hrss = try connect(as: .hrss)
        defer { hrss.close() }
        XCTAssertEqual(sqlState(of: "SELECT count(*) FROM wage.referrals", on: hrss), "42501", "suspect data stays with police")
        XCTAssertEqual(sqlState(of: "INSERT INTO wage.referral_events (message_id, referral_no, type, status) VALUES ('x', 'y', 'referral.submit', 'filed')", on: hrss), "42501")
        for allowed in ["SELECT count(*) FROM wage.referral_overview", "SELECT count(*) FROM wage.overdue_referrals",
                        "SELECT count(*) FROM wage.referral_events", "SELECT count(*) FROM wage.overdue_referrals_as_of(current_date)"] {
            XCTAssertNil(sqlState(of: allowed, on: hrss), allowed)
        }
        let housing = try connect(as: .housing)
        defer { housing.close() }
        for forbidden in ["SELECT count(*) FROM wage.referral_overview", "SELECT count(*) FROM wage.overdue_referrals",
                          "SELECT count(*) FROM wage.referral_events", "SELECT count(*) FROM wage.incidents"] {
            XCTAssertEqual(sqlState(of: forbidden, on: housing), "42501", forbidden)
        }
    }

    /// The SQLSTATE of running `sql` (always rolled back), nil when it succeeds.
    func sqlState(of sql: String, on db: PGConnection) -> String? {
        struct RollBack: Error {}
        do {
            try db.transaction { db in
                try db.execute(sql)
                throw RollBack()
            }
        } catch is RollBack {
            return nil
        } catch let error as PGError {
            return error.sqlState ?? "?"
        } catch {
            return "?"
        }
        return "?"
    }
}
