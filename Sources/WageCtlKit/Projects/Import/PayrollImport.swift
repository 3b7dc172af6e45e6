import Messages
import Workflow

/// `payroll import`: CSV rows → one `payroll.submitted` per project + month +
/// subcontractor (credit code, else name), in order of first appearance. A group is
/// sent whole or not at all: a payroll replaces the earlier one of its key, so one
/// missing line would hide wages. More than 2,000 lines (`PayrollSubmitted.maxLines`)
/// refuses the group.
enum PayrollImport {
    static let columns = ["project_no", "month", "subcontractor_name", "subcontractor_credit_code", "worker_id", "days",
                          "gross", "paid", "confirmed_by_workers", "via_special_account"]
    static let required = ["project_no", "month", "subcontractor_name", "worker_id", "days", "gross", "paid",
                           "confirmed_by_workers", "via_special_account"]

    /// The rows of one payroll as read.
    struct Group {
        let projectNo: String
        let month: Month
        let subcontractor: Employer
        let confirmed: Bool
        let viaAccount: Bool
        let firstLine: Int
        var rows: [(line: Int, entry: PayrollLine?)] = []
        var problems: [ImportRefusal] = []

        var key: String { "\(projectNo)/\(month.iso)/\(subcontractor.creditCode ?? subcontractor.name)" }
    }

    static func plan(_ table: CSVTable, today: Day, batch: String = "", maxLines: Int = PayrollSubmitted.maxLines) -> ImportPlan {
        var plan = ImportPlan(rows: table.records.count)
        var order: [String] = []
        var groups: [String: Group] = [:]
        for record in table.records {
            let head: Group
            do throws(CellProblem) { head = try group(record) } catch {
                plan.refusals.append(refusal([record.line], error))
                continue
            }
            if groups[head.key] == nil { order.append(head.key); groups[head.key] = head }
            var g = groups[head.key]!
            if let conflict = disagreement(g, head) {
                g.problems.append(refusal([record.line], CellProblem(
                    column: conflict, detail: "\(conflict) differs from line \(g.firstLine) of the same payroll (\(g.key))")))
                g.rows.append((record.line, nil))
            } else {
                do throws(CellProblem) { g.rows.append((record.line, try line(record))) } catch {
                    g.problems.append(refusal([record.line], error))
                    g.rows.append((record.line, nil))
                }
            }
            groups[head.key] = g
        }
        for key in order { settle(groups[key]!, today: today, batch: batch, maxLines: maxLines, into: &plan) }
        return plan
    }

    /// Checks a group as one message and adds it, or its refusals, to `plan`.
    static func settle(_ g: Group, today: Day, batch: String, maxLines: Int, into plan: inout ImportPlan) {
        let lines = g.rows.map(\.line)
        let whole = "not sent: \(g.key) is sent whole or not at all"
        if !g.problems.isEmpty {
            plan.refusals += g.problems
            plan.refusals.append(ImportRefusal(lines: lines, column: nil, reason: "refused_rows", path: nil,
                                               detail: "\(whole) (\(g.problems.count) refused row(s))"))
            return
        }
        guard g.rows.count <= maxLines else {
            plan.refusals.append(ImportRefusal(lines: lines, column: nil, reason: "schema:lines", path: "lines",
                                               detail: "\(g.rows.count) lines; a payroll has at most \(maxLines)"))
            return
        }
        let message = PayrollSubmitted(projectNo: g.projectNo, month: g.month, subcontractor: g.subcontractor,
                                       lines: g.rows.compactMap(\.entry), confirmedByWorkers: g.confirmed,
                                       viaSpecialAccount: g.viaAccount)
        if let problem = CatalogueCheck.problem(message, today: today) {
            let at = problem.index.flatMap { $0 < lines.count ? [lines[$0]] : nil } ?? lines
            plan.refusals.append(ImportRefusal(lines: at, column: problem.column, reason: "schema:\(problem.column)",
                                               path: problem.path, detail: "\(problem.column) refused by the catalogue check of payroll.submitted"))
            if at.count < lines.count {
                plan.refusals.append(ImportRefusal(lines: lines, column: nil, reason: "refused_rows", path: nil, detail: "\(whole) (1 refused row)"))
            }
            return
        }
        plan.batches.append(ImportBatch(type: .payrollSubmitted, key: g.key, label: "\(g.key) (\(lines.count) lines)",
                                        body: message.json, lines: lines, batch: batch))
    }

    /// The payroll a row belongs to (its key and the fields every row of it repeats).
    static func group(_ r: CSVTable.Record) throws(CellProblem) -> Group {
        Group(projectNo: try r.required("project_no"), month: try r.month("month"),
              subcontractor: Employer(name: try r.required("subcontractor_name"), creditCode: r.text("subcontractor_credit_code")),
              confirmed: try r.bool("confirmed_by_workers"), viaAccount: try r.bool("via_special_account"), firstLine: r.line)
    }

    /// The first column in which `row` differs from its payroll's first row.
    static func disagreement(_ g: Group, _ row: Group) -> String? {
        if g.subcontractor.name != row.subcontractor.name { return "subcontractor_name" }
        if g.confirmed != row.confirmed { return "confirmed_by_workers" }
        if g.viaAccount != row.viaAccount { return "via_special_account" }
        return nil
    }

    /// One worker's line from a row.
    static func line(_ r: CSVTable.Record) throws(CellProblem) -> PayrollLine {
        let gross = try r.money("gross")
        let paid = try r.money("paid", zeroAllowed: true)
        guard paid <= gross else { throw CellProblem(column: "paid", detail: "paid \(paid) is more than gross \(gross)") }
        return PayrollLine(workerID: try r.required("worker_id"), days: try r.int("days"), gross: gross, paid: paid)
    }

    static func refusal(_ lines: [Int], _ problem: CellProblem) -> ImportRefusal {
        ImportRefusal(lines: lines, column: problem.column, reason: "schema:\(problem.column)", path: nil, detail: problem.detail)
    }
}
