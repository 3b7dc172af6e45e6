import Foundation
import WageCtlKit
@testable import Messages
import XCTest

/// `report watch --month M` (重点关注项目清单) from fixture rows in a month of their
/// own (far in the future): what is on the list in the month, and what is not.
final class WageCtlWatchListTests: XCTestCase {
    var h: Harness!
    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    func testTheWatchListShowsWhatWasAtRiskInTheMonth() throws {
        let year = Int.random(in: 2060...2099), m = Int.random(in: 2...11)
        let month = String(format: "%04d-%02d", year, m)
        let at = { (day: Int) in "\(month)-\(String(format: "%02d", day)) 10:00:00+08" }
        let next = String(format: "%04d-%02d-05 10:00:00+08", year, m + 1)
        let previous = String(format: "%04d-%02d-05 10:00:00+08", year, m - 1)
        let tag = Harness.newID("watch")
        func setCase(_ id: String, _ assignments: String, _ params: [String?]) throws {
            _ = try h.rows("UPDATE wage.cases SET \(assignments) WHERE case_id = $1::uuid", [id] + params)
        }
        // High risk, opened in the month and resolved in it: on the list, not open at the end.
        let resolved = try h.insertCase(clueRef: tag + "-a", status: "resolved", assignee: "market", risk: "high")
        try setCase(resolved.id, "opened_at = $2::timestamptz, resolved_at = $3::timestamptz", [at(3), at(20)])
        // High risk, opened next month: not on this month's list.
        let later = try h.insertCase(clueRef: tag + "-b", assignee: "market", risk: "high")
        try setCase(later.id, "opened_at = $2::timestamptz", [next])
        // High risk, resolved the month before: not on it either.
        let earlier = try h.insertCase(clueRef: tag + "-c", status: "resolved", assignee: "market", risk: "high")
        try setCase(earlier.id, "opened_at = $2::timestamptz, resolved_at = $2::timestamptz + interval '1 day'", [previous])
        // A task force that became a leader package in the month (still open).
        let package = try h.insertCase(clueRef: tag + "-d", status: "leader_package", assignee: "housing")
        try setCase(package.id, "opened_at = $2::timestamptz, escalated_on = $3::date, leader_package_on = $4::date, task_force = '{hrss,police}', leader = '王局长', leader_department = 'housing'",
                    [at(1), "\(month)-05", "\(month)-15"])
        // A collective visit without a case, an open warning about a project, a listed employer.
        let petition = "XF-" + tag
        _ = try h.rows("INSERT INTO wage.petitions (petition_no, petitioners, form, wage_related, employer, collective, received_at) VALUES ($1, 8, 'visit', false, '某劳务公司', true, $2::timestamptz)",
                       [petition, at(8)])
        let project = "PW-" + tag
        _ = try h.rows("INSERT INTO wage.warning_records (kind, project_no, period, department, raised_at) VALUES ('payroll_missing', $1, $2, 'housing', $3::timestamptz)",
                       [project, month, at(16)])
        let code = "91W" + String(tag.suffix(15)).uppercased()
        _ = try h.rows("INSERT INTO wage.credit_listings (credit_code, name, decided_on, listed_until, basis) VALUES ($1, '某失信建筑公司', $2::date, $2::date + interval '3 years', ARRAY[$3])",
                       [code, "\(month)-02", resolved.id])
        defer {
            _ = try? h.rows("UPDATE wage.cases SET status = 'resolved', resolved_at = now() WHERE case_id = ANY($1::uuid[])",
                            ["{\(later.id),\(package.id)}"])
            _ = try? h.rows("UPDATE wage.warning_records SET cleared_at = now() WHERE project_no = $1", [project])
        }

        let json = try h.wagectl(["--as", "hrss", "report", "watch", "--month", month, "--json"]).json()
        let entries = json["entries"]?.arrayValue ?? []
        func entry(_ kind: String, _ subject: String) -> JSONValue? {
            entries.first { $0["kind"]?.stringValue == kind && $0["subject"]?.stringValue == subject }
        }
        let highRisk = try XCTUnwrap(entry("high_risk", resolved.no), "\(json)")
        XCTAssertEqual(highRisk["since"], .string("\(month)-03"))
        XCTAssertEqual(highRisk["until"], .string("\(month)-20"))
        XCTAssertEqual(highRisk["open_at_end"], .bool(false))
        XCTAssertNil(entry("high_risk", later.no), "opened after the month")
        XCTAssertNil(entry("high_risk", earlier.no), "resolved before the month")
        let taskForce = try XCTUnwrap(entry("task_force", package.no))
        XCTAssertEqual(taskForce["until"], .string("\(month)-15"), "a task force leaves the list when it becomes a leader package")
        XCTAssertEqual(entry("leader_package", package.no)?["open_at_end"], .bool(true))
        XCTAssertEqual(entry("collective_visit", petition)?["workers_count"], .int(8))
        XCTAssertEqual(entry("project_warning", project)?["detail"], .string("payroll_missing"))
        XCTAssertEqual(entry("listed_employer", code)?["name"], .string("某失信建筑公司"))

        let zh = h.wagectl(["--as", "hrss", "report", "watch", "--month", month, "--lang", "zh"]).output
        XCTAssertTrue(zh.contains("重点关注项目清单") && zh.contains("领导包案案件") && zh.contains("专班：人社局、公安局"), zh)
        XCTAssertTrue(zh.contains("当月工资单缺失") && zh.contains("住建局"), zh)
        let csv = h.wagectl(["--as", "hrss", "report", "watch", "--month", month, "--csv", "--lang", "zh"]).output
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}\"类别\",\"编号\""), csv)
        XCTAssertTrue(csv.contains("\"集体访和群体性事件\",\"\(petition)\",\"某劳务公司\""), csv)

        // The view is the office's: another department is refused.
        let police = h.wagectl(["--as", "police", "report", "watch", "--month", month])
        XCTAssertNotNil(police.error, police.output)
    }
}
