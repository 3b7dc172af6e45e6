import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// The real-name roster and the monthly payroll (CONTRACT §8.4): unpaid wages open
/// and transfer a case by themselves; a replacement keeps that one case.
final class ProjectPayrollTests: ProjectSystemTestCase {
    func worker(_ id: String, signed: Bool = true) -> RosterWorker {
        RosterWorker(workerID: id, name: "工人\(id)", idNumber: "500101199001011234",
                     employer: Employer(name: "某劳务有限公司", creditCode: "91500000MA5U333333"), contractSigned: signed,
                     enteredOn: today.adding(days: -40))
    }

    func payroll(_ no: String, month: Month, lines: [(String, String, String)], confirmed: Bool = true,
                 viaAccount: Bool = true) -> PayrollSubmitted {
        PayrollSubmitted(projectNo: no, month: month, subcontractor: Employer(name: "某劳务有限公司", creditCode: "91500000MA5U333333"),
                         lines: lines.map { PayrollLine(workerID: $0.0, days: 22, gross: Money(yuan: $0.1)!, paid: Money(yuan: $0.2)!) },
                         confirmedByWorkers: confirmed, viaSpecialAccount: viaAccount)
    }

    func testUnpaidWagesOpenATransferredCaseAndAReplacementKeepsIt() throws {
        let no = newProjectNo()
        try register(registration(no, contractor: newCode()))
        try applied(try send(RosterEnrol(projectNo: no, workers: [worker("W1"), worker("W2"), worker("W3")]), as: .platform))
        XCTAssertEqual(try overview(no, "roster_size"), "3")
        let month = Month(of: today).previous
        let first = try send(payroll(no, month: month, lines: [("W1", "7800.00", "7800.00"), ("W2", "6600.00", "0.00"),
                                                                ("W3", "5000.00", "4000.00")]), as: .platform)
        try applied(first)
        let caseID = try XCTUnwrap(h.value("SELECT case_id::text FROM wage.project_payrolls WHERE project_no = $1", [no]))
        XCTAssertEqual(try h.value("SELECT unpaid_total::text FROM wage.project_payrolls WHERE project_no = $1", [no]), "7600.00")
        XCTAssertEqual(try h.value("""
            SELECT channel || '|' || clue_ref || '|' || workers_count || '|' || amount_owed || '|' || status || '|' || assignee
                   || '|' || project_no || '|' || (due_on IS NOT NULL)
            FROM wage.case_overview WHERE case_id = $1::uuid
            """, [caseID]),
            "payroll|\(no)/\(month.iso)/91500000MA5U333333|2|7600.00|transferred|housing|\(no)|true")
        XCTAssertEqual(try h.value("SELECT employer_name FROM wage.case_overview WHERE case_id = $1::uuid", [caseID]), "某劳务有限公司")
        XCTAssertTrue(try h.timeline(caseID).contains("hrss:transferred"))
        XCTAssertEqual(try overview(no, "last_payroll_month"), month.iso)

        // The replacement: the same case, its figures kept, a payroll_replaced entry with the new sum.
        try applied(try send(payroll(no, month: month, lines: [("W1", "7800.00", "7800.00"), ("W2", "6600.00", "6600.00"),
                                                                ("W3", "5000.00", "4500.00")]), as: .platform))
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE project_no = $1", [no]), "1")
        XCTAssertEqual(try h.value("SELECT amount_owed::text FROM wage.case_overview WHERE case_id = $1::uuid", [caseID]), "7600.00")
        let replaced = try XCTUnwrap(try h.timelineDetail(caseID, "payroll_replaced"))
        XCTAssertEqual(replaced.objectValue?["unpaid"], "500.00")
        XCTAssertEqual(try h.value("SELECT unpaid_total || '/' || case_id FROM wage.project_payrolls WHERE project_no = $1", [no]),
                       "500.00/\(caseID)")
        XCTAssertEqual(try h.value("SELECT submissions FROM wage.payrolls WHERE project_no = $1", [no]), "2")
    }

    func testAPaidPayrollOpensNoCaseAndIrregularitiesRaiseWarnings() throws {
        let no = newProjectNo()
        try register(registration(no, contractor: newCode()))
        try applied(try send(RosterEnrol(projectNo: no, workers: [worker("W1"), worker("W2", signed: false)]), as: .housing))
        XCTAssertEqual(try openWarnings(no), ["no_contract"])
        XCTAssertEqual(try h.value("SELECT detail->>'worker_ids' FROM wage.warnings WHERE project_no = $1", [no]), "[\"W2\"]",
                       "workers named by platform id, never by name")
        let month = Month(of: today).previous
        try applied(try send(payroll(no, month: month, lines: [("W1", "100.00", "100.00"), ("W9", "100.00", "100.00")],
                                     confirmed: false), as: .platform))
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE project_no = $1", [no]), "0")
        XCTAssertNil(try h.value("SELECT case_id FROM wage.project_payrolls WHERE project_no = $1", [no]))
        XCTAssertEqual(try openWarnings(no), ["no_contract", "payroll_irregular@\(month.iso)", "unregistered_worker@\(month.iso)"])
    }

    func testRosterNamesAreReadableByHrssOnly() throws {
        let no = newProjectNo()
        try register(registration(no, contractor: newCode()))
        try applied(try send(RosterEnrol(projectNo: no, workers: [worker("W1")]), as: .platform))
        XCTAssertEqual(try h.valueAs(.hrss, "SELECT name FROM wage.roster WHERE project_no = $1", [no]), "工人W1")
        for principal in [Principal.housing, .police, .bank, .platform] {
            XCTAssertThrowsError(try h.valueAs(principal, "SELECT name FROM wage.roster WHERE project_no = $1", [no]), principal.rawValue)
            XCTAssertThrowsError(try h.valueAs(principal, "SELECT id_number FROM wage.roster WHERE project_no = $1", [no]))
            XCTAssertEqual(try h.valueAs(principal, "SELECT worker_id FROM wage.roster WHERE project_no = $1", [no]), "W1")
        }
    }

    func testATwoThousandLinePayrollIsAppliedWhole() throws {
        let no = newProjectNo()
        try register(registration(no, contractor: newCode()))
        let ids = (1...2000).map { "W\($0)" }
        for chunk in stride(from: 0, to: ids.count, by: RosterEnrol.maxWorkers) {
            try applied(try send(RosterEnrol(projectNo: no, workers: ids[chunk..<min(chunk + RosterEnrol.maxWorkers, ids.count)]
                .map { worker($0) }), as: .platform))
        }
        let month = Month(of: today).previous
        try applied(try send(payroll(no, month: month, lines: ids.map { ($0, "5000.00", $0 == "W7" ? "0.00" : "5000.00") }),
                             as: .platform))
        XCTAssertEqual(try h.value("SELECT lines || '/' || unpaid_total FROM wage.project_payrolls WHERE project_no = $1", [no]),
                       "2000/5000.00")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.payroll_lines WHERE project_no = $1", [no]), "2000")
        XCTAssertEqual(try openWarnings(no), [], "every worker is on the roster")
    }
}
