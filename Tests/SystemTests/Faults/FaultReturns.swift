import Foundation
import Store
@testable import Messages
import Workflow

/// Department returns in the fault run (issue 22): each wave sends every kind of
/// return once in its registration phase (some published twice, like every tenth
/// message) and one correction in its work phase, for a month of its own. A return
/// applied twice would count a correction that was never sent (`revisions`).
enum FaultReturns {
    /// The kinds, who sends each and its figures (the shipped duty list's report_kinds).
    static let kinds: [(kind: String, sender: Principal, figures: JSONValue)] = [
        ("approved_projects", .hrss, ["projects": 2, "total_investment": "1000000.00"]),
        ("construction_starts", .housing, ["new_starts": 3, "workers_enrolled": 90, "wage_paid": "450000.00"]),
        ("water_projects", .water, ["new_starts": 1, "workers_enrolled": 20, "wage_paid": "80000.00"]),
        ("fund_expenditure", .finance, ["projects_paid": 4, "amount_paid": "3000000.00", "labour_share_paid": "900000.00"]),
        ("enterprise_integrity", .market, ["enterprises_checked": 12, "abnormal_listed": 1, "restrictions_applied": 0]),
        ("collective_bargaining", .hrss, ["agreements": 2, "enterprises_covered": 5, "workers_covered": 300]),
        ("police_incidents", .police, ["incidents": 1, "persons_involved": 7]),
    ]
    /// The correction of the work phase: housing's return with other figures.
    static let corrected: JSONValue = ["new_starts": 4, "workers_enrolled": 95, "wage_paid": "470000.00"]

    private static let lock = NSLock()
    nonisolated(unsafe) private static var next = Int.random(in: 0..<monthsAvailable)
    /// Months 2000-01 … 2020-12 belong to the fault run (nobody else reports them).
    static let monthsAvailable = 21 * 12

    /// A month for the next plan (distinct for every plan of this process).
    static func nextMonth() -> String {
        lock.lock(); defer { lock.unlock() }
        let index = next % monthsAvailable
        next += 1
        return Month(year: 2000 + index / 12, month: index % 12 + 1)!.iso
    }
}

extension FaultPlan {
    func returnMessages() -> [PlannedMessage] {
        FaultReturns.kinds.enumerated().map { k, entry in
            var body: JSONValue = ["month": .string(returnsMonth), "kind": .string(entry.kind), "figures": entry.figures]
            if entry.sender == .hrss { body = setting(body, "source", "函") }
            return .init(sender: entry.sender, type: .reportSubmitted, body: body, id: id("ret", k))
        }
    }

    func returnCorrection() -> PlannedMessage {
        .init(sender: .housing, type: .reportSubmitted,
              body: ["month": .string(returnsMonth), "kind": "construction_starts", "figures": FaultReturns.corrected],
              id: id("ret-fix", 0))
    }

    /// Every return of the run's month once, the correction counted once, its figures the corrected ones.
    func checkReturns(db: ResilientAdmin, into v: inout FaultVerdict) throws {
        let rows = try db.rows("""
            SELECT kind, revisions, figures::text AS figures FROM wage.department_returns WHERE month = $1 ORDER BY kind
            """, [returnsMonth])
        v.compare("department returns \(returnsMonth)", expected: FaultReturns.kinds.count, actual: rows.count)
        for row in rows {
            let kind = row["kind"] ?? "", revisions = Int(row["revisions"] ?? "") ?? -1
            let expected = kind == "construction_starts" ? 1 : 0
            if revisions > expected { v.duplicated.append("return \(returnsMonth)/\(kind) revised \(revisions)× (sent \(expected))") }
            if revisions < expected { v.lost.append("return \(returnsMonth)/\(kind): correction not applied") }
            if kind == "construction_starts", let text = row["figures"],
               (try? JSONValue.parse(Array(text.utf8))) != FaultReturns.corrected {
                v.wrong.append("return \(returnsMonth)/\(kind) figures \(text)")
            }
        }
    }
}

/// A copy of `value` (an object) with `key` set.
private func setting(_ value: JSONValue, _ key: String, _ newValue: JSONValue) -> JSONValue {
    guard case .object(var object) = value else { return value }
    object[key] = newValue
    return .object(object)
}
