import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// CONTRACT §8 routing: the regulator found from the sector table, only the project's
/// own regulator may register or complete it, `unknown_project`, and the §7.8 order
/// of checks (the sector of `project.register` first, whoever sends it).
final class ProjectRoutingTests: XCTestCase {
    let projects: [String: Sector] = ["P-WATER": .water, "P-2026-001": .construction]

    func decide(_ type: MessageType, from sender: Principal, _ body: JSONValue) throws -> RoutingDecision {
        route(type: type.rawValue, sender: sender.rawValue, body: body, dutyList: try shipped(), projects: { self.projects[$0] })
    }

    func sample(_ type: MessageType, _ changes: [String: JSONValue]) -> JSONValue {
        guard case .object(var o) = SamplePayloads.valid(for: type) else { return .null }
        for (k, v) in changes { o[k] = v }
        return .object(o)
    }

    func testRegisterGoesToHrssAndTheSectorsRegulatorWhichAloneMaySendIt() throws {
        let transport = sample(.projectRegister, ["sector": "transport", "project_no": "P-NEW"])
        XCTAssertEqual(try decide(.projectRegister, from: .transport, transport), .deliver(recipients: [.hrss, .transport], version: "2026-2"))
        for other in [Principal.housing, .hrss, .water, .platform, .bank] {
            XCTAssertEqual(try decide(.projectRegister, from: other, transport), .reject(.forbiddenSender), other.rawValue)
        }
    }

    func testASectorWithoutARegulatorIsSchemaSectorWhoeverSendsIt() throws {
        for sector in ["services", "market", "manufacturing", "nonsense"] {
            let body = sample(.projectRegister, ["sector": .string(sector)])
            for sender in [Principal.housing, .police, .bank] {
                XCTAssertEqual(try decide(.projectRegister, from: sender, body), .reject(.schema("sector")), "\(sector) from \(sender)")
            }
        }
        // Without the field at all, too.
        guard case .object(var o) = SamplePayloads.valid(for: .projectRegister) else { return XCTFail() }
        o["sector"] = nil
        XCTAssertEqual(try decide(.projectRegister, from: .police, .object(o)), .reject(.schema("sector")))
    }

    func testMessagesAboutAProjectReachItsOwnRegulator() throws {
        let water = sample(.accountOpened, ["project_no": "P-WATER"])
        XCTAssertEqual(try decide(.accountOpened, from: .bank, water), .deliver(recipients: [.hrss, .water], version: "2026-2"))
        let completed = sample(.projectCompleted, ["project_no": "P-WATER"])
        XCTAssertEqual(try decide(.projectCompleted, from: .water, completed), .deliver(recipients: [.hrss, .water], version: "2026-2"))
        XCTAssertEqual(try decide(.projectCompleted, from: .housing, completed), .reject(.forbiddenSender),
                       "another regulator may not complete it")
        let roster = sample(.rosterEnrol, ["project_no": "P-WATER"])
        XCTAssertEqual(try decide(.rosterEnrol, from: .water, roster), .deliver(recipients: [.hrss], version: "2026-2"))
        XCTAssertEqual(try decide(.rosterEnrol, from: .housing, roster), .reject(.forbiddenSender))
    }

    func testOrderOfChecksSenderSchemaThenProject() throws {
        let unknown = sample(.depositPaid, ["project_no": "P-NOBODY"])
        XCTAssertEqual(try decide(.depositPaid, from: .hrss, unknown), .reject(.unknownProject))
        XCTAssertEqual(try decide(.depositPaid, from: .bank, unknown), .reject(.forbiddenSender), "sender before project")
        let unknownBroken = sample(.depositPaid, ["project_no": "P-NOBODY", "form": "cheque"])
        XCTAssertEqual(try decide(.depositPaid, from: .hrss, unknownBroken), .reject(.schema("form")), "schema before project")
        // A regulator that regulates some sector passes the sender check for an unknown project.
        let unknownCompletion = sample(.projectCompleted, ["project_no": "P-NOBODY"])
        XCTAssertEqual(try decide(.projectCompleted, from: .water, unknownCompletion), .reject(.unknownProject))
        XCTAssertEqual(try decide(.projectCompleted, from: .police, unknownCompletion), .reject(.forbiddenSender))
    }

    func testAPayrollBoundIsSchemaBeforeTheProject() throws {
        guard case .object(var o) = SamplePayloads.valid(for: .payrollSubmitted),
              case .array(var lines) = o["lines"], case .object(var line) = lines[1] else { return XCTFail() }
        line["paid"] = "7000.00"
        lines[1] = .object(line)
        o["lines"] = .array(lines)
        o["project_no"] = "P-NOBODY"
        XCTAssertEqual(try decide(.payrollSubmitted, from: .platform, .object(o)), .reject(.schema("lines[1].paid")))
    }
}
