import AMQP
import Foundation
import Store
@testable import Messages
import Workflow

extension FaultPlan {
    /// The fund: every entry of the run balanced, each movement once, sums to the fen.
    func checkLedger(db: ResilientAdmin, into v: inout FaultVerdict) throws {
        let like = prefix + "-%"
        let unbalanced = try db.int("""
            SELECT count(*) FROM (SELECT e.id FROM wage.fund_entries e JOIN wage.fund_postings p ON p.entry_id = e.id
                                  WHERE e.message_id LIKE $1 GROUP BY e.id HAVING sum(p.amount_fen) <> 0) x
            """, [like])
        if unbalanced > 0 { v.wrong.append("\(unbalanced) unbalanced ledger entries") }
        let approved = funds.filter(\.approved)
        let rows = try db.rows("""
            SELECT e.kind, count(DISTINCT e.id)::int AS entries,
                   coalesce(sum(p.amount_fen) FILTER (WHERE p.account = 'fund_cash'), 0)::bigint AS cash,
                   coalesce(sum(p.amount_fen) FILTER (WHERE p.account = 'advances_receivable'), 0)::bigint AS advances
            FROM wage.fund_entries e JOIN wage.fund_postings p ON p.entry_id = e.id
            WHERE e.message_id LIKE $1 GROUP BY e.kind
            """, [like])
        var byKind: [String: (entries: Int, cash: Int, advances: Int)] = [:]
        for r in rows {
            byKind[r["kind"] ?? ""] = (Int(r["entries"] ?? "0") ?? 0, Int(r["cash"] ?? "0") ?? 0, Int(r["advances"] ?? "0") ?? 0)
        }
        let depositSum = depositsFen.reduce(0, +)
        let disbursedSum = approved.reduce(0) { $0 + $1.amountFen }
        let recoveredSum = approved.reduce(0) { $0 + $1.recoveredFen }
        v.compare("deposit entries", expected: depositsFen.count, actual: byKind["deposit"]?.entries ?? 0)
        v.compare("disbursement entries", expected: approved.count, actual: byKind["disbursement"]?.entries ?? 0)
        v.compare("recovery entries", expected: approved.count, actual: byKind["recovery"]?.entries ?? 0)
        v.compare("deposited fen", expected: depositSum, actual: byKind["deposit"]?.cash ?? 0)
        v.compare("disbursed fen", expected: disbursedSum, actual: byKind["disbursement"]?.advances ?? 0)
        v.compare("recovered fen", expected: recoveredSum, actual: byKind["recovery"]?.cash ?? 0)
        if (byKind["disbursement"]?.cash ?? 0) != -disbursedSum { v.wrong.append("disbursements did not leave the fund cash to the fen") }
        let requests = try db.rows("SELECT request_no, amount_fen, recovered_fen, status FROM wage.fund_requests WHERE request_no LIKE $1", [like])
        v.compare("fund requests", expected: funds.count, actual: requests.count)
        let planned = Dictionary(uniqueKeysWithValues: funds.map { ($0.requestNo, $0) })
        for r in requests {
            guard let f = planned[r["request_no"] ?? ""] else { continue }
            let status = f.approved ? "partially_recovered" : "rejected"
            if r["status"] != status || Int(r["amount_fen"] ?? "") != f.amountFen
                || Int(r["recovered_fen"] ?? "") != (f.approved ? f.recoveredFen : 0) {
                v.wrong.append("fund request \(f.requestNo): \(r["status"] ?? "") amount \(r["amount_fen"] ?? "") recovered \(r["recovered_fen"] ?? "")")
            }
        }
        // The whole fund (other tests' entries included) never overdrawn, every posting paired.
        if try db.int("SELECT count(*) FROM wage.fund_balance WHERE available < 0 OR reserved < 0 OR outstanding < 0") > 0 {
            v.wrong.append("fund_balance has a negative figure")
        }
        if try db.int("SELECT coalesce(sum(amount_fen), 0) FROM wage.fund_postings") != 0 { v.wrong.append("the whole ledger does not sum to zero") }
    }

    /// Legal aid, petitions, incidents: one effect each.
    func checkSideEffects(db: ResilientAdmin, into v: inout FaultVerdict, platformCopies: [AMQPDelivery]) throws {
        let like = prefix + "-%"
        v.compare("legal aid applications assigned", expected: aidCases.count,
                  actual: try db.int("SELECT count(*) FROM wage.legal_aid_overview WHERE application_no LIKE $1 AND status = 'assigned'", [like]))
        v.compare("legalaid.assigned sent", expected: aidCases.count,
                  actual: try db.int("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1 AND type = 'legalaid.assigned'", [like]))
        let toPlatform = Set(platformCopies.compactMap(\.properties.messageID).filter { $0.hasPrefix(prefix + "-") })
        v.compare("legalaid.assigned delivered to dept.platform", expected: aidCases.filter { $0.legalAidBy == .platform }.count,
                  actual: toPlatform.count)
        let collective = petitionCases.filter(\.isCollective).count
        v.compare("collective petitions", expected: collective,
                  actual: try db.int("SELECT count(*) FROM wage.petitions WHERE petition_no LIKE $1 AND collective", [like]))
        v.compare("police incidents", expected: collective,
                  actual: try db.int("SELECT count(*) FROM wage.incidents WHERE petition_no LIKE $1", [like]))
        v.compare("office alerts", expected: collective,
                  actual: try db.int("SELECT count(*) FROM wage.office_alerts WHERE petition_no LIKE $1", [like]))
        v.compare("petitions recorded", expected: petitionCases.count + otherPetitions.count,
                  actual: try db.int("SELECT count(*) FROM wage.petitions WHERE petition_no LIKE $1", [like]))
        v.compare("non-wage petitions without a case", expected: otherPetitions.count, actual: try db.int(
            "SELECT count(*) FROM wage.petitions p WHERE p.petition_no LIKE $1 AND NOT p.wage_related AND NOT EXISTS (SELECT 1 FROM wage.cases c WHERE c.clue_ref = p.petition_no)", [like]))
        v.compare("referrals filed", expected: referralCases.count,
                  actual: try db.int("SELECT count(*) FROM wage.referral_overview WHERE referral_no LIKE $1 AND status = 'filed'", [like]))
        v.compare("referral measures", expected: referralCases.count,
                  actual: try db.int("SELECT count(*) FROM wage.referral_measures WHERE referral_no LIKE $1", [like]))
    }
}
