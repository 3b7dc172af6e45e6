import Foundation
import Runtime
import Store
import Messages
import Workflow

/// The police worker's storage of referrals: `wage.referrals` (+ `referral_measures`)
/// ↔ `ReferralState`, and the log of applied messages `wage.referral_events`.
enum ReferralRecords {
    /// A stored row that cannot be read back as a referral (an operator edited it badly).

    /// The referral `referralNo`, locked for this transaction, or nil when unknown.
    static func load(_ referralNo: String, db: PGConnection) throws -> ReferralState? {
        let rows = try db.execute(
            """
            SELECT referral_no, case_id::text AS case_id, suspect::text AS suspect, amount_owed_fen, workers_count,
                   order_to_pay::text AS order_to_pay, evidence::text AS evidence, status, received_at,
                   decide_by::text AS decide_by, police_case_no, missing, decision_reason, decided_at,
                   reconsider_requested_at, reconsider_reason, reconsidered, submissions
            FROM wage.referrals WHERE referral_no = $1 FOR UPDATE
            """, [referralNo]).rows
        guard let row = rows.first else { return nil }
        func json(_ column: String) throws -> JSONValue {
            guard let text = try row.optionalString(column) else { return .null }
            return try JSONValue.parse(Array(text.utf8))
        }
        let payload: [String: JSONValue] = [
            "case_id": .string(try row.string("case_id")), "referral_no": .string(referralNo),
            "suspect": try json("suspect"), "amount_owed": .money(Money(fen: try row.int64("amount_owed_fen"))),
            "workers_count": .int(try row.int("workers_count")), "order_to_pay": try json("order_to_pay"),
            "evidence": try json("evidence"),
        ]
        let submission: ReferralSubmission
        do { submission = try ReferralSubmission(json: payload) } catch {
            throw CorruptRow("wage.referrals \(referralNo)", "stored submission unreadable (\(error.code))")
        }
        guard let status = ReferralStatus(rawValue: try row.string("status")) else {
            throw CorruptRow("wage.referrals \(referralNo)", "unknown status")
        }
        let decidedAt = try row.optionalDate("decided_at")
        return ReferralState(
            submission: submission, status: status, receivedAt: try row.date("received_at"),
            decideBy: try row.optionalString("decide_by").flatMap(Day.init(iso:)),
            missing: try row.stringArray("missing"), submissions: try row.int("submissions"),
            policeCaseNo: try row.optionalString("police_case_no"), decisionReason: try row.optionalString("decision_reason"),
            decidedAt: decidedAt, decidedOn: decidedAt.map { Day(shanghai: $0) },
            reconsidered: try row.bool("reconsidered"), reconsiderRequestedAt: try row.optionalDate("reconsider_requested_at"),
            reconsiderReason: try row.optionalString("reconsider_reason"), measures: try measures(referralNo, db: db))
    }

    static func measures(_ referralNo: String, db: PGConnection) throws -> [ReferralMeasureRecord] {
        try db.execute(
            "SELECT kind, detail::text AS detail, at FROM wage.referral_measures WHERE referral_no = $1 ORDER BY id",
            [referralNo]).rows.map { row in
                guard let kind = MeasureKind(rawValue: try row.string("kind")) else {
                    throw CorruptRow("wage.referrals \(referralNo)", "unknown measure kind")
                }
                let detail = try row.optionalString("detail").map { try JSONValue.parse(Array($0.utf8)) }
                return ReferralMeasureRecord(kind: kind, detail: detail, at: try row.date("at"))
            }
    }

    /// Inserts or updates the referral. `submitMessageID` (a `referral.submit`) and
    /// `submittedBy` are set on a submission only; other events keep them.
    static func save(_ state: ReferralState, submitMessageID: String?, submittedBy: Principal?, db: PGConnection) throws {
        let s = state.submission
        try db.execute(
            """
            INSERT INTO wage.referrals (referral_no, case_id, submitted_by, suspect, amount_owed_fen, workers_count,
                order_to_pay, evidence, status, received_at, decide_by, police_case_no, missing, decision_reason,
                decided_at, reconsider_requested_at, reconsider_reason, reconsidered, submissions, message_id)
            VALUES ($1, $2::uuid, COALESCE($3, 'hrss'), $4::jsonb, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11::date, $12,
                    $13::text[], $14, $15, $16, $17, $18, $19, $20)
            ON CONFLICT (referral_no) DO UPDATE SET
                case_id = EXCLUDED.case_id, submitted_by = COALESCE($3, wage.referrals.submitted_by),
                suspect = EXCLUDED.suspect, amount_owed_fen = EXCLUDED.amount_owed_fen,
                workers_count = EXCLUDED.workers_count, order_to_pay = EXCLUDED.order_to_pay,
                evidence = EXCLUDED.evidence, status = EXCLUDED.status, received_at = EXCLUDED.received_at,
                decide_by = EXCLUDED.decide_by, police_case_no = EXCLUDED.police_case_no, missing = EXCLUDED.missing,
                decision_reason = EXCLUDED.decision_reason, decided_at = EXCLUDED.decided_at,
                reconsider_requested_at = EXCLUDED.reconsider_requested_at,
                reconsider_reason = EXCLUDED.reconsider_reason, reconsidered = EXCLUDED.reconsidered,
                submissions = EXCLUDED.submissions, message_id = COALESCE($20, wage.referrals.message_id)
            """,
            [state.referralNo, state.caseID, submittedBy?.rawValue, s.suspect.stored.serialized, s.amountOwed.fen,
             s.workersCount, s.orderToPay.stored.serialized, JSONValue.array(s.evidence.map(\.stored)).serialized,
             state.status.rawValue, state.receivedAt, state.decideBy?.iso, state.policeCaseNo, state.missing,
             state.decisionReason, state.decidedAt, state.reconsiderRequestedAt, state.reconsiderReason,
             state.reconsidered, state.submissions, submitMessageID])
    }

    /// Records a measure police took (the last one `measure(_:context:)` appended).
    static func insertMeasure(_ measure: ReferralMeasureRecord, referralNo: String, messageID: String, db: PGConnection) throws {
        try db.execute(
            "INSERT INTO wage.referral_measures (referral_no, kind, detail, at, message_id) VALUES ($1, $2, $3::jsonb, $4, $5)",
            [referralNo, measure.kind.rawValue, measure.detail?.serialized, measure.at, messageID])
    }

    /// Logs that the police worker applied `message` (read by worker-hrss).
    static func logApplied(_ message: InboundMessage, state: ReferralState, db: PGConnection) throws {
        try db.execute(
            "INSERT INTO wage.referral_events (message_id, referral_no, type, status, at) VALUES ($1, $2, $3, $4, now())",
            [message.messageID, state.referralNo, message.rawType, state.status.rawValue])
    }
}

extension Suspect {
    /// The stored form (`wage.referrals.suspect`), as on the wire.
    var stored: JSONValue {
        .compact(["name": .string(name), "kind": .string(kind.rawValue),
                  "credit_code": creditCode.map(JSONValue.string), "id_number": idNumber.map(JSONValue.string)])
    }
}

extension OrderToPay {
    /// The stored form (`wage.referrals.order_to_pay`), as on the wire.
    var stored: JSONValue { ["issued_on": .day(issuedOn), "pay_by": .day(payBy), "served": .bool(served)] }
}

extension Evidence {
    /// The stored form of one element of `wage.referrals.evidence`, as on the wire.
    var stored: JSONValue { ["kind": .string(kind), "title": .string(title)] }
}
