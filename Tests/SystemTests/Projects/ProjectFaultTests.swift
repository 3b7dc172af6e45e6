import Departments
import Duties
import Foundation
import Router
import Runtime
@testable import Messages
import Workflow
import XCTest

/// Issue 18's fault run: the system as processes while worker-hrss is killed with -9
/// and restarted during roster and payroll imports and deposit payments; some
/// messages are sent twice. Afterwards every message had its effect exactly once:
/// each payroll key has one case, the submissions, lines and deposit balances add up.
final class ProjectFaultTests: XCTestCase {
    func testKillingHrssDuringPayrollImportsLosesAndDoublesNothing() throws {
        let stack = try FaultStack()
        let tag = "pflt-\(faultRunTag())"
        let h = try Harness()
        defer { h.admin.close() }
        try h.purgeQueues()
        try DutyListStore.install(try Harness.shippedDutyList(), db: h.admin, activation: .always)
        let fleet = try ServiceFleet(stack: stack, logDir: "\(stack.localDir)/faults-\(tag)")
        try fleet.startAll()
        defer { fleet.stopAll() }

        let projects = (0..<6).map { "\(tag)-P\($0)" }
        let month = Month(of: Day(shanghai: Date())).previous
        var ids: [String] = []
        func send(_ m: any WireMessage, as sender: Principal, id: String, twice: Bool = false) throws {
            try h.publish(as: sender, m.wireType.rawValue, m.json, id: id)
            if twice { try h.publish(as: sender, m.wireType.rawValue, m.json, id: id) }
            ids.append(id)
        }
        for (i, no) in projects.enumerated() {
            try send(ProjectRegister(projectNo: no, name: "故障测试工程\(i)", sector: .construction,
                                     builder: Organisation(name: "某置业", creditCode: "\(tag)-B"),
                                     generalContractor: Organisation(name: "某建工", creditCode: "\(tag)-C\(i)"),
                                     contractAmount: Money(yuan: "1000000.00")!, permitIssuedOn: Day(shanghai: Date())),
                     as: .housing, id: "\(no)-reg")
        }
        try h.waitUntil("registrations", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.projects WHERE project_no LIKE $1", [tag + "-%"]) == "\(projects.count)"
        }
        // Kill -9 worker-hrss twice while the imports are being applied: once a few
        // messages are in, and again past the middle (or after a few seconds anyway).
        let expected = projects.count * 9  // registration, roster, 4 payrolls, 3 payments
        let killed = Counter()
        let killer = Thread {
            guard let watcher = try? Harness() else { return }
            defer { watcher.admin.close() }
            for share in [0.3, 0.65] {
                let deadline = Date().addingTimeInterval(10)
                func applied() -> Int {
                    Int((try? watcher.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'hrss' AND message_id LIKE $1",
                                            [tag + "-%"])) ?? "0") ?? 0
                }
                while Date() < deadline, Double(applied()) < Double(expected) * share { Thread.sleep(forTimeInterval: 0.02) }
                if (try? fleet.killAndRestart("worker-hrss", pause: 0.5)) != nil { killed.add() }
            }
        }
        killer.start()
        for no in projects {
            let workers = (0..<200).map { RosterWorker(workerID: "W\($0)", name: "工人\($0)", employer: Employer(name: "某劳务"),
                                                        contractSigned: true, enteredOn: month.firstDay) }
            try send(RosterEnrol(projectNo: no, workers: workers), as: .platform, id: "\(no)-roster", twice: true)
            for s in 0..<3 {
                let lines = (0..<200).map { PayrollLine(workerID: "W\($0)", days: 20, gross: Money(yuan: "5000.00")!,
                                                        paid: Money(yuan: $0 % 10 == s ? "4000.00" : "5000.00")!) }
                let payroll = PayrollSubmitted(projectNo: no, month: month, subcontractor: Employer(name: "劳务分包\(s)"),
                                               lines: lines, confirmedByWorkers: true, viaSpecialAccount: true)
                try send(payroll, as: .platform, id: "\(no)-pay\(s)", twice: s == 1)
                if s == 2 {  // a replacement of the same key: the same case
                    var replacement = payroll
                    replacement.lines[0].paid = replacement.lines[0].gross
                    try send(replacement, as: .platform, id: "\(no)-pay\(s)-again")
                }
            }
            for k in 0..<3 {
                try send(DepositPaid(projectNo: no, amount: Money(yuan: "100.00")!, form: .cash), as: .hrss, id: "\(no)-dep\(k)",
                         twice: k == 0)
            }
        }
        // (No reviveExited here: it would race the killer's own restart and leave two workers.)
        try h.waitUntil("every message applied by hrss", timeout: 240) {
            try h.value("SELECT count(DISTINCT message_id) FROM wage.inbox WHERE consumer = 'hrss' AND message_id LIKE $1",
                               [tag + "-%"]) == "\(ids.count)"
        }
        while !killer.isFinished { Thread.sleep(forTimeInterval: 0.2) }
        XCTAssertEqual(killed.value, 2, "worker-hrss was killed twice")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id LIKE $1", [tag + "-%"]), "0")
        for no in projects {
            XCTAssertEqual(try h.value("SELECT roster_size || '/' || deposit_balance FROM wage.project_overview WHERE project_no = $1",
                                       [no]), "200/300.00", no)
            XCTAssertEqual(try h.value("SELECT string_agg(submissions::text, ',' ORDER BY subcontractor_key) FROM wage.payrolls WHERE project_no = $1",
                                       [no]), "1,1,2", "\(no): one submission each, two for the replaced one")
            XCTAssertEqual(try h.value("SELECT count(*) FROM wage.payroll_lines WHERE project_no = $1", [no]), "800", no)
            XCTAssertEqual(try h.value("SELECT count(*) || '/' || count(DISTINCT clue_ref) FROM wage.cases WHERE project_no = $1", [no]),
                           "3/3", "\(no): one case per payroll key")
            XCTAssertEqual(try h.value("SELECT count(*) FROM wage.deposit_movements WHERE project_no = $1", [no]), "3", no)
            XCTAssertEqual(try h.value("""
                SELECT count(*) FROM wage.case_timeline t JOIN wage.cases c USING (case_id)
                WHERE c.project_no = $1 AND t.event = 'payroll_replaced'
                """, [no]), "1", no)
            XCTAssertEqual(try h.value("""
                SELECT count(*) FROM wage.project_timeline WHERE project_no = $1 AND department = 'hrss' AND event = 'payroll_submitted'
                """, [no]), "4", no)
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE published_at IS NULL AND message_id LIKE $1", [tag + "-%"]),
                       "0", "every transfer published")
    }
}

/// A thread-safe count.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.withLock { n += 1 } }
    var value: Int { lock.withLock { n } }
}
