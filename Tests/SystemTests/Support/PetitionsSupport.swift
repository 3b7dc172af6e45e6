import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Helpers of the petitions and sector-ledger system tests.
extension Harness {
    /// Drains `queue` (as admin) until `done` holds for everything drained so far;
    /// returns all of it.
    func collect(_ queue: String, _ what: String, timeout: Double = 15, file: StaticString = #filePath,
                 line: UInt = #line, until done: ([AMQPDelivery]) -> Bool) throws -> [AMQPDelivery] {
        var got: [AMQPDelivery] = []
        try waitUntil(what, timeout: timeout, file: file, line: line) {
            got += try drain(queue)
            return done(got)
        }
        return got
    }

    /// Waits until `consumer` has taken `messageID` into its inbox (applied,
    /// refused or duplicate): a barrier, since each queue is consumed in order.
    func waitConsumed(by consumer: Principal, _ messageID: String, file: StaticString = #filePath,
                       line: UInt = #line) throws {
        try waitUntil("\(consumer.rawValue) processed \(messageID)", file: file, line: line) {
            try value("SELECT count(*) FROM wage.inbox WHERE consumer = $1 AND message_id = $2",
                      [consumer.rawValue, messageID]) == "1"
        }
    }

    /// Runs `sql` as the role of `principal` (admin is a member of every role) and
    /// returns its first value; the role is reset even when the query fails.
    func valueAs(_ principal: Principal, _ sql: String, _ params: [any PGBindable] = []) throws -> String? {
        _ = try admin.execute("SET ROLE wage_\(principal.rawValue)")
        defer { _ = try? admin.execute("RESET ROLE") }
        return try value(sql, params)
    }

    /// Inserts a case as the administrator, standing in for the office's
    /// registration (tests of a department's side alone). Returns its id.
    func insertCase(sector: Sector, assignee: Principal, status: String = "transferred", dueInDays: Int = 5,
                    channel: String = "hotline", clueRef: String = Harness.newID("clue")) throws -> String {
        try XCTUnwrap(value("""
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector, workers_count, amount_owed_fen,
                                    risk_level, status, assignee, due_on)
            VALUES ($1, $2, 'platform', '某建筑劳务公司', $3, 12, 8000000, 'medium', $4, $5, current_date + $6::int)
            RETURNING case_id::text
            """, [channel, clueRef, sector.rawValue, status, assignee.rawValue, dueInDays]))
    }

    /// The timeline events of `caseID` recorded under `department`, in order.
    func events(_ caseID: String, by department: Principal) throws -> [String] {
        try rows("SELECT event FROM wage.case_timeline WHERE case_id = $1::uuid AND department = $2 ORDER BY seq",
                 [caseID, department.rawValue]).map { try $0.string("event") }
    }

    /// One column of `wage.department_ledger` for the department's row of `caseID`.
    func ledger(_ department: Principal, _ caseID: String, _ column: String) throws -> String? {
        try value("SELECT \(column)::text FROM wage.department_ledger WHERE department = $1 AND case_id = $2::uuid",
                  [department.rawValue, caseID])
    }

    /// The case id registered for `channel` + `clueRef`, once the office has it.
    func caseID(channel: String, clueRef: String) throws -> String? {
        try value("SELECT case_id::text FROM wage.cases WHERE channel = $1 AND clue_ref = $2", [channel, clueRef])
    }

    /// Starts the sector worker for `principal` (`worker-housing --as <code>`).
    func startSectorWorker(_ principal: Principal) throws {
        try startWorker(principal) { Workers.sector(principal) }
    }
}

extension AMQPDelivery {
    /// The JSON body as an object (empty when it is not one).
    var json: [String: JSONValue] { ((try? JSONValue.parse(body))?.objectValue) ?? [:] }
    /// The validated sender the router added.
    var wageSender: String? { properties.headers["x-wage-sender"]?.stringValue }
}

/// Bodies of `petition.received`.
enum PetitionBodies {
    /// A wage-related petition with every optional field.
    static func full(_ no: String, petitioners: Int = 3) -> JSONValue {
        ["petition_no": .string(no), "petitioners": .int(petitioners), "form": "letter", "wage_related": true,
         "employer": ["name": "某建筑劳务公司", "credit_code": "91330100MA2CXXXX1"], "sector": "construction",
         "amount_owed": "80000.00", "workers_count": 12, "summary": "工程完工后工资未结清"]
    }

    /// Only the required fields, plus `extra`.
    static func bare(_ no: String, petitioners: Int, wageRelated: Bool, form: String = "visit",
                     extra: [String: JSONValue] = [:]) -> JSONValue {
        var o: [String: JSONValue] = ["petition_no": .string(no), "petitioners": .int(petitioners), "form": .string(form),
                                      "wage_related": .bool(wageRelated)]
        o.merge(extra) { _, new in new }
        return .object(o)
    }
}
