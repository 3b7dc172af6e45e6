import AMQP
import Foundation
@testable import Messages
import WageCtlKit
import XCTest

/// The project commands through the real router (no department worker runs: what
/// reaches `dept.hrss` is read off the queue).
final class ProjectWageCtlSendTests: XCTestCase {
    var h: Harness!
    var fx: ProjectWageCtlFixtures!

    override func setUp() async throws {
        h = try Harness()
        fx = ProjectWageCtlFixtures(h: h)
        try h.purgeQueues()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    func csv(_ lines: [String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(Harness.newID("roster")).csv").path
        try lines.joined(separator: "\r\n").write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testRosterImportSendsDeterministicIdsWithTheActorAndAReRunSendsTheSame() throws {
        let no = try fx.project()
        let rows = (1...3).map { "\(no),W-\($0),王强\($0),,某劳务有限公司,,true,2026-03-10" }
        let path = try csv(["project_no,worker_id,name,id_number,employer_name,employer_credit_code,contract_signed,entered_on", "\(no),W-9,李梅,,某劳务有限公司,,maybe,2026-03-10"] + rows)
        let first = h.wagectl(["roster", "import", path, "--actor", "zhang.san", "--follow", "0", "--json"])
        XCTAssertEqual(first.status, 3, "the refused row sets exit status 3: \(first.errors)")
        XCTAssertTrue(first.errors.contains("refused line 2: schema:contract_signed"), first.errors)
        XCTAssertTrue(first.errors.contains("sent 1/1 messages (3/3 rows)"), first.errors)
        let json = try first.json()
        XCTAssertEqual(json["sender"], "platform", "the platform sends when --as does not say")
        let message = try XCTUnwrap(json["messages"]?.arrayValue?.first)
        XCTAssertEqual(message["outcome"], "routed")
        let id = try XCTUnwrap(message["message_id"]?.stringValue)

        let delivered = try h.drain("dept.hrss", idle: 0.5)
        XCTAssertEqual(delivered.map(\.properties.messageID), [id])
        XCTAssertEqual(delivered.first?.properties.headers["x-wage-actor"], .string("zhang.san"))
        let body = try JSONValue.parse(delivered[0].body)
        XCTAssertEqual(try RosterEnrol(body: body).workers.map(\.workerID), ["W-1", "W-2", "W-3"])

        let again = try h.wagectl(["roster", "import", path, "--follow", "0", "--json"]).json()
        XCTAssertEqual(again["messages"]?.arrayValue?.first?["message_id"]?.stringValue, id, "a re-run sends the same id")
    }

    func testRegisterIsCheckedWithTheSectorsRegulatorAndCarriesEveryField() throws {
        let no = "P-" + UUID().uuidString.prefix(12).lowercased()
        let args = ["project", "register", no, "--name", "滨江花园二期", "--sector", "construction", "--location", "滨江路88号",
                    "--investor", "private", "--builder-name", "某置业有限公司", "--builder-credit-code", "91500000MA5U111111",
                    "--contractor-name", "某建工集团有限公司", "--contractor-credit-code", "91500000MA5U222222",
                    "--contract-amount", "12000000.00", "--permit-issued-on", "2026-03-02", "--planned-completion", "2027-06-30",
                    "--dry-run", "--json"]
        let dry = try h.wagectl(["--as", "housing"] + args).json()
        XCTAssertEqual(dry["outcome"], "dry_run")
        XCTAssertEqual(Set(dry["recipients"]?.arrayValue ?? []), ["hrss", "housing"])
        XCTAssertEqual(dry["body"]?["general_contractor"]?["name"], "某建工集团有限公司")
        XCTAssertEqual(dry["body"]?["planned_completion"], "2027-06-30")

        let water = h.wagectl(["--as", "water"] + args)
        XCTAssertEqual(water.status, 3, water.output + water.errors)
        XCTAssertTrue(water.failure?.message.contains("forbidden_sender") == true, "\(String(describing: water.failure))")
        let badAmount = h.wagectl(["--as", "housing"] + args.map { $0 == "12000000.00" ? "12,000,000" : $0 })
        XCTAssertTrue(badAmount.failure?.message.contains("schema:contract_amount") == true, "\(String(describing: badAmount.failure))")
    }

    func testDepositAndAccountCommandsSendAsTheirPrincipals() throws {
        let no = try fx.project()
        let paid = try h.wagectl(["deposit", "pay", no, "--amount", "240000.00", "--form", "bank_guarantee", "--follow", "0",
                                  "--actor", "wang", "--json"]).json()
        XCTAssertEqual(paid["sender"], "hrss")
        XCTAssertEqual(paid["outcome"], "routed")
        let c = try h.insertCase(clueRef: Harness.newID("draw"))
        let drawn = try h.wagectl(["deposit", "draw", no, "--amount", "1.00", "--case-id", c.no, "--follow", "0", "--json"]).json()
        XCTAssertEqual(drawn["outcome"], "routed", "the case number is resolved with the default sender's login")
        XCTAssertEqual(drawn["correlation_id"]?.stringValue, c.id)
        XCTAssertEqual(Set(drawn["recipients"]?.arrayValue ?? []), ["hrss", "housing"])
        let statement = try h.wagectl(["account", "statement", no, "--month", "2026-04", "--inflow", "0.00", "--outflow", "0",
                                       "--balance", "0.00", "--follow", "0", "--json"]).json()
        XCTAssertEqual(statement["sender"], "bank")
        XCTAssertEqual(statement["outcome"], "routed")
        let unknown = h.wagectl(["account", "open", "P-never-\(UUID().uuidString.prefix(8))", "--bank-name", "某银行",
                                 "--account-no", "6217000011112222"])
        XCTAssertEqual(unknown.status, 3)
        XCTAssertTrue(unknown.failure?.message.contains("unknown_project") == true, "\(String(describing: unknown.failure))")
        let hrss = try h.drain("dept.hrss", idle: 0.5)
        XCTAssertEqual(hrss.compactMap(\.properties.type).sorted(), ["account.statement", "deposit.drawn", "deposit.paid"])
        XCTAssertEqual(hrss.first { $0.properties.type == "deposit.paid" }?.properties.headers["x-wage-actor"], .string("wang"))
    }
}
