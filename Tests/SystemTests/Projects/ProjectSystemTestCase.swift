import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Base of the construction-project system tests (CONTRACT §8): the router on the
/// shipped duty list, worker-hrss and the housing and transport sector workers on a
/// clock at noon of today (Asia/Shanghai), and helpers as methods of this class.
class ProjectSystemTestCase: XCTestCase {
    var h: Harness!
    var clock: TestClock!
    var today: Day!

    /// The workers `setUp` starts.
    class var startedWorkers: [Principal] { [.hrss, .housing, .transport] }

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        today = Day(shanghai: Date())
        clock = TestClock(shanghaiNoonOf: today)
        for principal in Self.startedWorkers { try start(principal) }
    }

    override func tearDown() async throws { await h.shutdown() }

    /// Starts worker-hrss (no periodic sweep) or the sector worker of `principal`.
    func start(_ principal: Principal) throws {
        if principal == .hrss {
            try h.startWorker(.hrss, clock: clock) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        } else {
            try h.startWorker(principal, clock: clock) { Workers.sector(principal) }
        }
    }

    /// A fresh 18-character unified social credit code.
    func newCode() -> String {
        "91" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16)).uppercased()
    }

    /// A fresh project number.
    func newProjectNo() -> String { "P-" + String(UUID().uuidString.prefix(13)) }

    /// A `project.register` payload.
    func registration(_ projectNo: String, sector: Sector = .construction, contractor: String,
                      amount: String = "10000000.00", permit: Day? = nil) -> ProjectRegister {
        ProjectRegister(projectNo: projectNo, name: "测试工程 \(projectNo)", sector: sector, location: "滨江路",
                        investor: .private, builder: Organisation(name: "某置业有限公司", creditCode: newCode()),
                        generalContractor: Organisation(name: "某建工集团有限公司", creditCode: contractor),
                        contractAmount: Money(yuan: amount)!, permitIssuedOn: permit ?? today)
    }

    /// Publishes a catalogue message as `sender`; returns its id.
    @discardableResult
    func send(_ message: any WireMessage, as sender: Principal, id: String = Harness.newID("p")) throws -> String {
        try h.publish(as: sender, message.wireType.rawValue, message.json, id: id)
        return id
    }

    /// Registers a project as the regulator of its sector and waits until the office applied it.
    @discardableResult
    func register(_ r: ProjectRegister, as sender: Principal = .housing) throws -> String {
        let id = try send(r, as: sender)
        try applied(id)
        return id
    }

    /// Waits until hrss applied `id` (inbox row, no refusal by anyone).
    func applied(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try h.waitProcessed(id, by: .hrss, file: file, line: line)
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]),
                     "\(id) was refused", file: file, line: line)
    }

    /// One column of `wage.project_overview`.
    func overview(_ projectNo: String, _ column: String) throws -> String? {
        try h.value("SELECT \(column)::text FROM wage.project_overview WHERE project_no = $1", [projectNo])
    }

    /// The open warnings of a project as `kind` or `kind@period`, sorted.
    func openWarnings(_ projectNo: String) throws -> [String] {
        try h.rows("""
            SELECT kind || coalesce('@' || period, '') AS k FROM wage.warnings
            WHERE project_no = $1 AND cleared_at IS NULL ORDER BY 1
            """, [projectNo]).map { try $0.string("k") }
    }

    /// The project timeline as `department:event`, in order.
    func projectTimeline(_ projectNo: String) throws -> [String] {
        try h.rows("SELECT department, event FROM wage.project_timeline WHERE project_no = $1 ORDER BY seq", [projectNo])
            .map { "\(try $0.string("department")):\(try $0.string("event"))" }
    }

    /// A case inserted as the administrator (history for the deposit ladder).
    @discardableResult
    func insertCase(employer code: String?, openedAt: String, disposition: String? = nil, projectNo: String? = nil,
                    status: String = "closed") throws -> String {
        try XCTUnwrap(h.value("""
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, employer_credit_code, sector, workers_count,
                                    amount_owed_fen, risk_level, status, assignee, opened_at, resolved_at, closed_at,
                                    disposition, project_no)
            VALUES ('hotline', $1, 'platform', '某建工集团有限公司', $2, 'construction', 3, 500000, 'low', $3, 'housing',
                    $4::timestamptz, CASE WHEN $3 IN ('resolved', 'closed') THEN now() END,
                    CASE WHEN $3 = 'closed' THEN now() END, $5, $6)
            RETURNING case_id::text
            """, [Harness.newID("hist"), code, status, openedAt, disposition, projectNo]))
    }

    /// A project inserted as the administrator in the ledger (history: an earlier year's project).
    func insertProject(contractor code: String, permit: String) throws {
        _ = try h.rows("""
            INSERT INTO wage.projects (project_no, name, sector, regulator, builder_name, builder_credit_code, contractor_name,
                contractor_credit_code, contract_amount_fen, permit_issued_on, registered_on, deposit_rate, deposit_basis,
                deposit_required_fen, status, completed_on)
            VALUES ($1, '旧工程', 'construction', 'housing', '某置业', 'X', '某建工', $2, 100000000, $3::date, $3::date,
                    '2.00', 'new', 2000000, 'completed', $3::date)
            """, [newProjectNo(), code, permit])
    }
}
