import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Helpers for the office's system tests (Tests/SystemTests/Office).
extension Harness {
    /// A valid `clue.report` body.
    static func clue(_ clueRef: String, sector: Sector = .construction, channel: ClueChannel = .hotline,
                     workers: Int = 12, amount: String = "125000.00") -> JSONValue {
        ["channel": .string(channel.rawValue), "clue_ref": .string(clueRef),
         "employer": ["name": "某建筑劳务有限公司", "credit_code": "91500000MA5U000000"],
         "project": ["name": "金凤镇安置房二期", "location": "金凤镇"], "sector": .string(sector.rawValue),
         "workers_count": .int(workers), "amount_owed": .string(amount), "description": "春节前拖欠工资",
         "reporter": ["name": "张三", "phone": "13800000000", "id_number": "500101199001011234"]]
    }

    /// Starts worker-hrss (no periodic sweep unless `sweepInterval`), on `clock` if given.
    func startOffice(clock: TestClock? = nil, sweepInterval: Double? = nil) throws {
        try startWorker(.hrss, clock: clock) { Workers.hrss(settings: .init(sweepInterval: sweepInterval)) }
    }

    /// Reports a clue as `sender` and waits until its case exists; returns the case id.
    @discardableResult
    func reportClue(_ clueRef: String, as sender: Principal = .platform, sector: Sector = .construction,
                    channel: ClueChannel = .hotline, id: String = Harness.newID("clue"),
                    file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try publish(as: sender, "clue.report", Harness.clue(clueRef, sector: sector, channel: channel), id: id)
        var caseID: String?
        try waitUntil("case of \(clueRef) registered", file: file, line: line) {
            caseID = try value("SELECT case_id::text FROM wage.cases WHERE channel = $1 AND clue_ref = $2",
                               [channel.rawValue, clueRef])
            return caseID != nil
        }
        return caseID!
    }

    /// One column of `wage.case_overview` for a case.
    func overview(_ caseID: String, _ column: String) throws -> String? {
        try value("SELECT \(column)::text FROM wage.case_overview WHERE case_id = $1::uuid", [caseID])
    }

    /// Waits until the case has `status`.
    func waitForStatus(_ caseID: String, _ status: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try waitUntil("case \(caseID) \(status)", file: file, line: line) { try overview(caseID, "status") == status }
    }

    /// Waits until the hrss worker has consumed `messageID` (its inbox row committed).
    func waitProcessed(_ messageID: String, by consumer: Principal = .hrss,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        try waitUntil("\(consumer.rawValue) processed \(messageID)", file: file, line: line) {
            try value("SELECT count(*) FROM wage.inbox WHERE consumer = $1 AND message_id = $2",
                      [consumer.rawValue, messageID]) == "1"
        }
    }

    /// Waits until `messageID` is refused by anyone (the router or a worker) and returns the reason.
    func waitRejection(_ messageID: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        var reason: String?
        try waitUntil("\(messageID) refused", file: file, line: line) {
            reason = try value("SELECT reason FROM wage.rejections WHERE message_id = $1 LIMIT 1", [messageID])
            return reason != nil
        }
        return reason
    }

    /// The case's timeline as `department:event`, in order.
    func timeline(_ caseID: String) throws -> [String] {
        try rows("SELECT department, event FROM wage.case_timeline WHERE case_id = $1::uuid ORDER BY seq", [caseID])
            .map { "\(try $0.string("department")):\(try $0.string("event"))" }
    }

    /// The detail of the `n`-th (0-based) timeline entry `event` of a case.
    func timelineDetail(_ caseID: String, _ event: String, _ n: Int = 0) throws -> JSONValue? {
        let details = try rows(
            "SELECT detail::text AS d FROM wage.case_timeline WHERE case_id = $1::uuid AND event = $2 ORDER BY seq",
            [caseID, event])
        guard n < details.count else { return nil }
        return try JSONValue.parse(Array(try details[n].string("d").utf8))
    }

    /// Waits for the refusal of `messageID` by `by` and returns its reason.
    func waitForRejection(_ messageID: String, by: Principal = .hrss,
                          file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        try waitUntil("rejection of \(messageID)", file: file, line: line) {
            try value("SELECT count(*) FROM wage.rejections WHERE message_id = $1 AND rejected_by = $2",
                      [messageID, by.rawValue]) == "1"
        }
        return try value("SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = $2",
                         [messageID, by.rawValue])
    }
}

/// Everything drained from the queues during one test, so that several waits on
/// one queue see every delivery (draining acks, so a delivery is read once).
final class Mailbox {
    let h: Harness
    private(set) var received: [String: [AMQPDelivery]] = [:]

    init(_ h: Harness) { self.h = h }

    /// Drains `queue` until `count` deliveries there satisfy `match`; returns them.
    @discardableResult
    func wait(_ queue: String, count: Int = 1, timeout: Double = 15, file: StaticString = #filePath, line: UInt = #line,
              _ match: @escaping (AMQPDelivery) -> Bool) throws -> [AMQPDelivery] {
        try h.waitUntil("\(count) matching deliveries in \(queue)", timeout: timeout, file: file, line: line) {
            received[queue, default: []] += try h.drain(queue)
            return received[queue, default: []].filter(match).count >= count
        }
        return received[queue, default: []].filter(match)
    }

    /// What has arrived in `queue` so far (after one more drain) that satisfies `match`.
    func current(_ queue: String, _ match: (AMQPDelivery) -> Bool) throws -> [AMQPDelivery] {
        received[queue, default: []] += try h.drain(queue)
        return received[queue, default: []].filter(match)
    }
}

/// Matching and reading deliveries.
extension AMQPDelivery {
    var payload: [String: JSONValue] { ((try? JSONValue.parse(body))?.objectValue) ?? [:] }

    /// A delivery of `type` about case `caseID` (payload `case_id`).
    func isa(_ type: String, case caseID: String) -> Bool {
        properties.type == type && payload["case_id"]?.stringValue == caseID
    }

    /// A `case.notice` `event` about case `caseID`.
    func isNotice(_ event: String, case caseID: String) -> Bool {
        isa("case.notice", case: caseID) && payload["event"]?.stringValue == event
    }

    func header(_ name: String) -> String? { properties.headers[name]?.stringValue }
}

extension Day {
    /// A literal day in tests.
    static func on(_ iso: String) -> Day { Day(iso: iso)! }
}
