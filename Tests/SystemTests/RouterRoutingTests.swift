import AMQP
import Duties
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// The router through the real broker and database (issue 3): every allowed
/// sender/type pair is delivered to exactly the duty list's recipients with
/// `x-wage-sender`, recorded once in `wage.routing_log` with the version.
final class RouterRoutingTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.seedSampleProject()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    func testEveryAllowedSenderOfEveryTypeIsDeliveredToExactlyItsRecipients() throws {
        let list = try Harness.shippedDutyList()
        var expected: [String: Set<Principal>] = [:]  // message id → recipients
        var senders: [String: Principal] = [:]
        for type in MessageType.allCases where type != .messageRejected {
            let duty = try XCTUnwrap(list.duty(for: type))
            let body = SamplePayloads.valid(for: type)
            // The sample project's regulator (housing) where the project's regulator may send it.
            for sender in duty.senders + (duty.regulatorMaySend ? [.housing] : []) {
                // A department return: only the sample kind's owner may send it (ReportKindTests has the others).
                if let rule = duty.reportKind, let code = body[rule.field]?.stringValue, list.reportKinds[code]?.sender != sender {
                    continue
                }
                let id = Harness.newID("matrix-\(type.rawValue)-\(sender.rawValue)")
                guard case .deliver(let recipients, _) = route(type: type.rawValue, sender: sender.rawValue, body: body, dutyList: list,
                                                               projects: SampleProjects.sector) else {
                    return XCTFail("sample payload of \(type.rawValue) from \(sender.rawValue) is not deliverable")
                }
                expected[id] = Set(recipients)
                senders[id] = sender
                try h.publish(as: sender, type.rawValue, body, id: id)
            }
        }
        XCTAssertGreaterThan(expected.count, 60)
        let ids = Array(expected.keys)
        try h.waitUntil("all \(ids.count) messages routed", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = ANY($1::text[])", [ids]) == String(ids.count)
        }
        var delivered: [String: Set<Principal>] = [:]
        for principal in Principal.allCases where principal != .router {
            for d in try h.drain(principal.queueName) {
                let id = try XCTUnwrap(d.properties.messageID)
                XCTAssertEqual(d.properties.headers["x-wage-sender"], .string(senders[id]?.rawValue ?? "?"),
                               "x-wage-sender of \(id)")
                XCTAssertEqual(d.exchange, "wage.dept"); XCTAssertEqual(d.routingKey, principal.rawValue)
                XCTAssertFalse(delivered[id, default: []].contains(principal), "\(id) delivered twice to \(principal)")
                delivered[id, default: []].insert(principal)
            }
        }
        for (id, recipients) in expected {
            XCTAssertEqual(delivered[id] ?? [], recipients, "recipients of \(id)")
        }
        let versions = try h.rows("SELECT DISTINCT duty_list_version FROM wage.routing_log WHERE message_id = ANY($1::text[])", [ids])
        XCTAssertEqual(try versions.map { try $0.string("duty_list_version") }, [list.version])
        XCTAssertEqual(try h.drain("wage.dead").count, 0, "nothing valid is dead-lettered")
    }

    func testCaseTransferGoesToTheResponsibleDepartmentOfEverySectorWithACopyToTheOffice() throws {
        let list = try Harness.shippedDutyList()
        var ids: [Sector: String] = [:]
        for sector in Sector.allCases {
            let id = Harness.newID("sector-\(sector.rawValue)")
            ids[sector] = id
            try h.publish(as: .hrss, "case.transfer", ["case_id": .string("c-\(sector.rawValue)"), "sector": .string(sector.rawValue)], id: id)
        }
        try h.waitUntil("transfers routed") {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = ANY($1::text[])", [Array(ids.values)]) == String(ids.count)
        }
        for sector in Sector.allCases {
            let owner = try XCTUnwrap(list.responsibleDepartment(for: sector))
            let row = try XCTUnwrap(h.rows("SELECT recipients FROM wage.routing_log WHERE message_id = $1", [ids[sector]!]).first)
            XCTAssertEqual(Set(try row.stringArray("recipients")), Set([owner.rawValue, "hrss"]), "sector \(sector.rawValue)")
        }
        // The contract's table, independently of the YAML file.
        let contract: [Sector: String] = [.construction: "housing", .transport: "transport", .water: "water",
                                          .agriculture: "agriculture", .individualBusiness: "market",
                                          .manufacturing: "hrss", .services: "hrss", .other: "hrss"]
        for (sector, owner) in contract { XCTAssertEqual(list.responsibleDepartment(for: sector)?.rawValue, owner) }
    }

    func testADuplicateMessageIsRoutedOnce() throws {
        let id = Harness.newID("dup")
        let body: JSONValue = ["case_id": "c-1"]
        try h.publish(as: .housing, "case.accept", body, id: id)
        try h.publish(as: .housing, "case.accept", body, id: id)
        // One router thread handles intake in order: once a later marker is
        // routed, both copies have been handled.
        let marker = Harness.newID("marker")
        try h.publish(as: .housing, "case.accept", body, id: marker)
        try h.waitUntil("marker routed") { try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [marker]) == "1" }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [id]), "1")
        XCTAssertEqual(try h.drain("dept.hrss").filter { $0.properties.messageID == id }.count, 1)
    }
}
