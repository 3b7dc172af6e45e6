import AMQP
import Foundation
import Store
@testable import Messages
import Workflow

/// The final judgement of a fault run: every expected effect counted in the
/// database; what is short is lost, what is over is duplicated.
struct FaultVerdict {
    var lost: [String] = []
    var duplicated: [String] = []
    var wrong: [String] = []

    mutating func compare(_ what: String, expected: Int, actual: Int) {
        if actual < expected { lost.append("\(what): \(actual) of \(expected)") }
        if actual > expected { duplicated.append("\(what): \(actual), expected \(expected)") }
    }

    var lostCount: Int { lost.count }
    var duplicatedCount: Int { duplicated.count }
}

extension FaultPlan {
    /// The timeline entries each case must have exactly once: (department, event).
    func expectedEvents(_ c: PlannedCase, origin: String) -> [String: Int] {
        var e: [String: Int] = [:]
        func add(_ dept: Principal, _ event: String) { e["\(dept.rawValue)/\(event)", default: 0] += 1 }
        for event in ["registered", "transferred", "accepted", "progress", "resolved", "closed"] { add(.hrss, event) }
        e["hrss/reported_again"] = c.reportedAgainBy == nil ? 0 : 1
        if c.assignee != .hrss { add(c.assignee, "received") }
        if let o = Principal(rawValue: origin), o.isDepartment, o != .hrss { add(o, "closed") }
        if c.petitioners != nil { add(.petitions, "petition_replied") }
        if let f = c.fund {
            add(.finance, "fund_requested")
            add(.finance, f.approved ? "fund_disbursed" : "fund_rejected")
            add(.hrss, f.approved ? "fund_disbursed" : "fund_rejected")
            if f.approved { add(.finance, "fund_recovered") }
        }
        if let requester = c.legalAidBy {
            add(.justice, "legal_aid_received")
            add(.justice, "legal_aid_assigned")
            if requester != .platform { add(requester, "legal_aid_assignment_received") }
        }
        if c.referralNo != nil {
            for event in ["referral_receipt", "referral_decision", "referral_measure"] { add(.hrss, event) }
        }
        return e
    }

    /// Compares the database with the plan.
    func verdict(db: ResilientAdmin, testSent: [String], refusals: [IntendedRefusal],
                 deadLetters: [AMQPDelivery], platformCopies: [AMQPDelivery]) throws -> FaultVerdict {
        var v = FaultVerdict()
        let like = prefix + "-%"
        // Cases: one per clue, each with its timeline exactly once.
        let caseRows = try db.rows("SELECT clue_ref, case_id::text AS id, origin, status FROM wage.cases WHERE clue_ref LIKE $1", [like])
        v.compare("cases", expected: cases.count, actual: caseRows.count)
        var origin: [String: String] = [:]
        for row in caseRows { origin[row["clue_ref"] ?? ""] = row["origin"] ?? "" }
        let counts = try db.rows("""
            SELECT c.clue_ref, e.department || '/' || e.event AS key, count(*)::int AS n
            FROM wage.case_events e JOIN wage.cases c USING (case_id) WHERE c.clue_ref LIKE $1 GROUP BY 1, 2
            """, [like])
        var actual: [String: [String: Int]] = [:]
        for row in counts { actual[row["clue_ref"] ?? "", default: [:]][row["key"] ?? ""] = Int(row["n"] ?? "0") ?? 0 }
        for c in cases {
            for (key, n) in expectedEvents(c, origin: origin[c.clueRef] ?? "") {
                v.compare("\(c.clueRef) \(key)", expected: n, actual: actual[c.clueRef]?[key] ?? 0)
            }
        }
        let repeats = try db.rows("""
            SELECT c.clue_ref, e.department, e.event, e.message_id, count(*)::int AS n
            FROM wage.case_events e JOIN wage.cases c USING (case_id) WHERE c.clue_ref LIKE $1
            GROUP BY 1, 2, 3, 4 HAVING count(*) > 1
            """, [like])
        for r in repeats { v.duplicated.append("timeline \(r["clue_ref"] ?? "") \(r["department"] ?? "")/\(r["event"] ?? "") from \(r["message_id"] ?? "-") ×\(r["n"] ?? "")") }
        for row in caseRows where row["status"] != "closed" { v.wrong.append("\(row["clue_ref"] ?? "") is \(row["status"] ?? "")") }

        try checkLedger(db: db, into: &v)
        try checkSideEffects(db: db, into: &v, platformCopies: platformCopies)
        try checkReturns(db: db, into: &v)

        // Routing: every message the test sent was decided once; nothing routed was left unconsumed.
        let decided = Set(try db.rows("""
            SELECT message_id FROM wage.routing_log WHERE message_id LIKE $1
            UNION SELECT message_id FROM wage.rejection_log WHERE message_id LIKE $1 AND rejected_by = 'router'
            """, [like]).compactMap { $0["message_id"] })
        for id in Set(testSent) where !decided.contains(id) { v.lost.append("never routed: \(id)") }
        let unconsumed = try FaultProgress(plan: self, db: db).unconsumed()
        if unconsumed > 0 { v.lost.append("\(unconsumed) routed message(s) never consumed by their worker") }

        // Refusals: exactly the intended ones, in wage.rejections and in wage.dead.
        let rejected = try db.rows("SELECT message_id, reason, rejected_by FROM wage.rejections WHERE message_id LIKE $1", [like])
        let expected = Dictionary(uniqueKeysWithValues: refusals.map { ($0.message.id, $0) })
        for row in rejected {
            let id = row["message_id"] ?? ""
            if let r = expected[id], r.reason == row["reason"], r.rejectedBy.rawValue == row["rejected_by"] { continue }
            v.wrong.append("unexpected rejection \(id): \(row["reason"] ?? "") by \(row["rejected_by"] ?? "")")
        }
        v.compare("rejections", expected: refusals.count, actual: rejected.count)
        let mine = deadLetters.filter { ($0.properties.messageID ?? "").hasPrefix(prefix + "-") }
        for d in deadLetters where d.properties.headers["x-wage-reason"] == nil {
            v.lost.append("dead-lettered by the broker without a reason: \(d.properties.messageID ?? "-") \(d.properties.headers)")
        }
        let deadIDs = Set(mine.compactMap(\.properties.messageID))
        for id in deadIDs where expected[id] == nil { v.wrong.append("unexpected dead letter \(id)") }
        v.compare("dead letters", expected: refusals.count, actual: deadIDs.count)
        for d in mine {
            guard let r = expected[d.properties.messageID ?? ""] else { continue }
            if d.properties.headers["x-wage-reason"] != .string(r.reason) { v.wrong.append("dead letter \(r.message.id) reason \(d.properties.headers["x-wage-reason"].map { "\($0)" } ?? "none")") }
        }
        return v
    }
}
