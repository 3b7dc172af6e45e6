import Foundation
@testable import Messages
@testable import WageCtlKit
import XCTest

/// `--dry-run` reads and checks every row and message and sends nothing (no stack
/// needed); the small option helpers of the project commands.
final class ImportDryRunTests: XCTestCase {
    var dir: URL!

    override func setUp() async throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("wagectl-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws { try? FileManager.default.removeItem(at: dir) }

    func run(_ arguments: [String]) -> (output: String, errors: String, error: Error?) {
        let console = Console(capturing: true)
        var thrown: Error?
        Console.$current.withValue(console) {
            do {
                // A stack.env that does not exist: nothing may connect.
                var command = try WageCtl.parseAsRoot(["--stack-env", dir.appendingPathComponent("none.env").path] + arguments)
                try command.run()
            } catch { thrown = error }
        }
        return (console.output, console.errors, thrown)
    }

    func file(_ name: String, _ lines: [String]) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testRosterDryRunChecksEverythingAndReportsRefusedLines() throws {
        let path = try file("roster.csv", [
            RosterImport.columns.joined(separator: ","),
            "P-1,W-1,王强,500101199001011234,某劳务有限公司,,true,2026-03-10",
            "P-1,W-2,李梅,,某劳务有限公司,,yes,2026/03/12",
        ])
        let run = run(["roster", "import", path, "--dry-run", "--json"])
        XCTAssertEqual((run.error as? WageCtlError)?.code, .refusedLocally, "a refused row sets exit status 3")
        XCTAssertTrue(run.errors.contains("refused line 3: schema:entered_on"), run.errors)
        let json = try JSONValue.parse(Array(run.output.utf8))
        XCTAssertEqual(json["dry_run"], true)
        XCTAssertEqual(json["rows"], 2)
        XCTAssertEqual(json["messages"]?.arrayValue?.count, 1)
        XCTAssertEqual(json["messages"]?.arrayValue?.first?["outcome"], "dry_run")
        XCTAssertEqual(json["refused"]?.arrayValue?.first?["lines"], [3])
        XCTAssertFalse(run.output.contains("500101199001011234"), "no personal data in the output")
    }

    func testPayrollDryRunOfAValidFileSucceedsWithoutAStack() throws {
        let path = try file("payroll.csv", [
            PayrollImport.columns.joined(separator: ","),
            "P-1,2026-04,某劳务有限公司,91500000MA5U333333,W-1,26,7800.00,7800.00,true,true",
            "P-1,2026-04,某劳务有限公司,91500000MA5U333333,W-2,22,6600.00,0.00,true,true",
        ])
        let run = run(["payroll", "import", path, "--dry-run"])
        XCTAssertNil(run.error, run.errors)
        XCTAssertTrue(run.output.contains("2 rows → 1 payroll.submitted message(s) with 2 rows, checked, nothing sent"), run.output)
        XCTAssertTrue(run.output.contains("payroll.submitted/P-1/2026-04/91500000MA5U333333/"), run.output)
    }

    func testABadHeaderIsAUsageError() throws {
        let path = try file("bad.csv", ["project_no,worker_id", "P-1,W-1"])
        let run = run(["roster", "import", path, "--dry-run"])
        XCTAssertEqual((run.error as? WageCtlError)?.code, .usage)
        XCTAssertTrue((run.error as? WageCtlError)?.message.contains("line 1") == true)
    }

    func testInspectionChecksFromMissing() throws {
        let checks = try InspectionRecordCommand.checks(missing: ["notice_board", "payroll"])
        XCTAssertEqual(checks.failed, ["notice_board", "payroll"])
        XCTAssertEqual(try InspectionRecordCommand.checks(missing: []).failed, [])
        XCTAssertThrowsError(try InspectionRecordCommand.checks(missing: ["roof"])) {
            XCTAssertEqual(($0 as? UnparsableOption)?.path, "checks.roof")
        }
    }

    func testTheActorIsTheGivenLoginThenWAGE_ACTORThenTheLoginName() {
        XCTAssertEqual(ActorHeader.login("zhang", environment: ["WAGE_ACTOR": "li", "USER": "root"]), "zhang")
        XCTAssertEqual(ActorHeader.login(nil, environment: ["WAGE_ACTOR": "li", "USER": "root"]), "li")
        XCTAssertEqual(ActorHeader.login(" ", environment: ["USER": "root"]), "root")
        XCTAssertNil(ActorHeader.login(nil, environment: [:]))
    }
}

/// The sending commands build the catalogue's own types from their options.
final class ProjectCommandMessageTests: XCTestCase {
    func context() throws -> PayloadContext { PayloadContext(session: Session(try IdentityOptions.parse([]))) }

    func testRegisterCarriesEveryField() throws {
        let command = try ProjectRegisterCommand.parse([
            "P-2026-001", "--name", "滨江花园二期", "--sector", "construction", "--location", "滨江路88号", "--investor", "state_owned",
            "--builder-name", "某置业有限公司", "--builder-credit-code", "91500000MA5U111111",
            "--contractor-name", "某建工集团有限公司", "--contractor-credit-code", "91500000MA5U222222",
            "--contract-amount", "12000000.00", "--permit-issued-on", "2026-03-02", "--planned-completion", "2027-06-30"])
        let message = try command.message(try context())
        XCTAssertEqual(message, ProjectRegister(
            projectNo: "P-2026-001", name: "滨江花园二期", sector: .construction, location: "滨江路88号", investor: .stateOwned,
            builder: Organisation(name: "某置业有限公司", creditCode: "91500000MA5U111111"),
            generalContractor: Organisation(name: "某建工集团有限公司", creditCode: "91500000MA5U222222"),
            contractAmount: Money(fen: 1_200_000_000), permitIssuedOn: Day(year: 2026, month: 3, day: 2)!,
            plannedCompletion: Day(year: 2027, month: 6, day: 30)!))
        XCTAssertNil(ProjectRegister.validate(message.json, today: Day(year: 2026, month: 3, day: 5)!))
    }

    func testMalformedOptionsNameTheirField() throws {
        let bad = try AccountFundCommand.parse(["P-1", "--period", "2026-4", "--progress-payment", "1.00", "--labour-amount", "1.00"])
        XCTAssertThrowsError(try bad.message(try context())) { XCTAssertEqual(($0 as? UnparsableOption)?.path, "period") }
        let zero = try AccountStatementCommand.parse(["P-1", "--month", "2026-04", "--inflow", "0", "--outflow", "0.00", "--balance", "0.0"])
        XCTAssertEqual(try zero.message(try context()).balance, .zero, "statement figures may be zero")
        let form = try DepositPayCommand.parse(["P-1", "--amount", "1.00", "--form", "gold"])
        XCTAssertThrowsError(try form.message(try context())) { XCTAssertEqual(($0 as? UnparsableOption)?.path, "form") }
        XCTAssertEqual(DepositPayCommand.defaultSender, .hrss)
        XCTAssertEqual(AccountAlertCommand.defaultSender, .bank)
        XCTAssertNil(ProjectRegisterCommand.defaultSender, "the regulator must say who it is")
    }
}
