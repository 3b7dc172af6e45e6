import Foundation
@testable import Messages
import XCTest

/// Rows of the project ledger inserted as admin, as the office's worker would leave
/// them (`wagectl`'s project views are tested without the hrss worker).
struct ProjectWageCtlFixtures {
    let h: Harness

    /// A registered project (also in the router's directory); returns its number.
    @discardableResult
    func project(sector: String = "construction", regulator: String = "housing", requiredFen: Int64 = 24_000_000,
                 balanceFen: Int64 = 0) throws -> String {
        let no = "P-" + UUID().uuidString.prefix(13).lowercased()
        _ = try h.rows("""
            INSERT INTO wage.projects (project_no, name, sector, regulator, builder_name, builder_credit_code,
                                       contractor_name, contractor_credit_code, contract_amount_fen, permit_issued_on,
                                       registered_on, deposit_rate, deposit_basis, deposit_required_fen, deposit_balance_fen)
            VALUES ($1, '滨江花园二期', $2, $3, '某置业有限公司', '91500000MA5U111111', '某建工集团有限公司',
                    '91500000MA5U222222', 1200000000, DATE '2026-03-02', DATE '2026-03-02', '2.00', 'new', $4, $5)
            """, [no, sector, regulator, requiredFen, balanceFen])
        _ = try h.rows("INSERT INTO wage.router_projects (project_no, sector, message_id) VALUES ($1, $2, $3)",
                       [no, sector, Harness.newID("reg")])
        return no
    }

    func worker(_ project: String, _ id: String, name: String, signed: Bool) throws {
        _ = try h.rows("""
            INSERT INTO wage.roster (project_no, worker_id, name, id_number, employer_name, contract_signed, entered_on)
            VALUES ($1, $2, $3, '500101199001011234', '某劳务有限公司', $4, DATE '2026-03-10')
            """, [project, id, name, signed])
    }

    func payroll(_ project: String, month: String, grossFen: Int64, paidFen: Int64) throws {
        _ = try h.rows("""
            INSERT INTO wage.payrolls (project_no, month, subcontractor_key, subcontractor_name, subcontractor_credit_code,
                                       confirmed_by_workers, via_special_account, lines, gross_total_fen, paid_total_fen,
                                       unpaid_total_fen, unpaid_workers)
            VALUES ($1, $2, '91500000MA5U333333', '某劳务有限公司', '91500000MA5U333333', true, true, 2, $3, $4,
                    $3::bigint - $4::bigint, CASE WHEN $3::bigint > $4::bigint THEN 1 ELSE 0 END)
            """, [project, month, grossFen, paidFen])
    }

    func event(_ project: String, _ department: String, _ event: String, detail: String = "{}", actor: String? = nil) throws {
        _ = try h.rows("INSERT INTO wage.project_events (project_no, department, event, detail, actor) VALUES ($1, $2, $3, $4::jsonb, $5)",
                       [project, department, event, detail, actor])
    }

    /// A warning; returns its id.
    @discardableResult
    func warning(_ kind: String, project: String?, creditCode: String? = nil, department: String = "housing",
                 period: String? = nil, cleared: Bool = false) throws -> String {
        try XCTUnwrap(h.value("""
            INSERT INTO wage.warning_records (kind, project_no, credit_code, period, department, detail, cleared_at, cleared_by)
            VALUES ($1, $2, $3, $4, $5, '{"workers":["W-1"]}', CASE WHEN $6 THEN now() END, CASE WHEN $6 THEN 'sweep' END)
            RETURNING warning_id
            """, [kind, project, creditCode, period, department, cleared]))
    }
}
