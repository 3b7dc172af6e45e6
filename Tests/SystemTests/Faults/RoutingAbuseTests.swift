import AMQP
import Duties
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Issue 9 §3, the router's half: every principal sends every message type (a
/// valid payload). What the duty list allows is routed to exactly its recipients;
/// everything else is refused `forbidden_sender`, recorded in `wage.rejections`
/// and dead-lettered, and reaches no department queue.
final class RoutingAbuseTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.seedSampleProject()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    func testEveryPrincipalTriesEveryTypeAndOnlyTheDutyListsSendersGetThrough() throws {
        let list = try Harness.shippedDutyList()
        let tag = faultRunTag()
        var expectedDelivery: [String: Int] = [:]  // queue -> messages
        var sent: [(id: String, sender: Principal, type: MessageType)] = []
        // Who may send a sample: the duty list's senders, and for a message of the
        // project's regulator, the sample project's (housing) only.
        func mayRoute(_ sender: Principal, _ type: MessageType) -> Bool {
            Duties.route(type: type.rawValue, sender: sender.rawValue, body: SamplePayloads.valid(for: type), dutyList: list,
                         projects: SampleProjects.sector) != .reject(.forbiddenSender)
        }
        for sender in Principal.allCases where sender != .router {
            for type in MessageType.allCases {
                let id = "abuse-\(tag)-\(sender.rawValue)-\(type.rawValue)"
                try h.publish(as: sender, type.rawValue, SamplePayloads.valid(for: type), id: id)
                sent.append((id, sender, type))
                if mayRoute(sender, type),
                   case .deliver(let recipients, _) = Duties.route(type: type.rawValue, sender: sender.rawValue,
                                                                   body: SamplePayloads.valid(for: type), dutyList: list,
                                                                   projects: SampleProjects.sector) {
                    for r in recipients { expectedDelivery[r.queueName, default: 0] += 1 }
                }
            }
        }
        try h.waitUntil("a decision on each of \(sent.count) messages", timeout: 60) {
            Int(try h.value("""
                SELECT (SELECT count(*) FROM wage.routing_log WHERE message_id LIKE $1)
                     + (SELECT count(*) FROM wage.rejection_log WHERE message_id LIKE $1 AND rejected_by = 'router')
                """, ["abuse-\(tag)-%"]) ?? "0") == sent.count
        }
        var refused: [String: String] = [:]
        for row in try h.rows("SELECT message_id, reason FROM wage.rejections WHERE message_id LIKE $1", ["abuse-\(tag)-%"]) {
            refused[row["message_id"] ?? ""] = row["reason"]
        }
        var wrong: [String] = []
        for m in sent {
            let allowed = mayRoute(m.sender, m.type)
            let got = refused[m.id]
            if allowed && got != nil { wrong.append("\(m.sender.rawValue) \(m.type.rawValue): refused \(got!) although allowed") }
            if !allowed && got != "forbidden_sender" { wrong.append("\(m.sender.rawValue) \(m.type.rawValue): \(got ?? "routed"), expected forbidden_sender") }
        }
        XCTAssertEqual(wrong, [])
        let forbidden = sent.filter { !mayRoute($0.sender, $0.type) }
        let dead = try h.drain("wage.dead", idle: 1).filter { ($0.properties.messageID ?? "").hasPrefix("abuse-\(tag)-") }
        XCTAssertEqual(Set(dead.filter { $0.properties.headers["x-wage-reason"] == .string("forbidden_sender") }.compactMap(\.properties.messageID)),
                       Set(forbidden.map(\.id)), "every forbidden message dead-lettered with its reason")
        for q in Principal.allCases.filter({ $0 != .router }).map(\.queueName) {
            let got = try h.drain(q, idle: 0.5).filter { ($0.properties.messageID ?? "").hasPrefix("abuse-\(tag)-") }
            XCTAssertEqual(got.count, expectedDelivery[q] ?? 0, "\(q): what the duty list routes there, nothing else")
            for d in got {
                let sender = d.properties.headers["x-wage-sender"]?.stringValue ?? ""
                let type = MessageType(rawValue: d.properties.type ?? "")
                XCTAssertTrue(type.map { mayRoute(Principal(rawValue: sender) ?? .router, $0) } ?? false,
                              "\(q) got \(d.properties.messageID ?? "") from a sender the duty list does not allow")
            }
        }
        print("ROUTING ABUSE: \(sent.count) messages (\(Principal.allCases.count - 1) principals × \(MessageType.allCases.count) types); "
            + "\(forbidden.count) refused forbidden_sender, \(sent.count - forbidden.count) routed")
    }
}
