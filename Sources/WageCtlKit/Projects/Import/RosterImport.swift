import Messages
import Workflow

/// `roster import`: CSV rows → `roster.enrol` messages of up to 500 workers
/// (`RosterEnrol.maxWorkers`) per project, in file order. A refused row is left out;
/// the project's other rows are sent (a roster message adds or updates workers).
enum RosterImport {
    static let columns = ["project_no", "worker_id", "name", "id_number", "employer_name", "employer_credit_code",
                          "contract_signed", "entered_on"]
    static let required = ["project_no", "worker_id", "name", "employer_name", "contract_signed", "entered_on"]

    /// The messages and refusals for `table`. `chunk` is the most workers per message.
    static func plan(_ table: CSVTable, today: Day, batch: String = "", chunk: Int = RosterEnrol.maxWorkers) -> ImportPlan {
        var plan = ImportPlan(rows: table.records.count)
        var projects: [String] = []
        var workers: [String: [(line: Int, worker: RosterWorker)]] = [:]
        var firstLine: [String: [String: Int]] = [:]
        for record in table.records {
            do throws(CellProblem) {
                let projectNo = try record.required("project_no")
                let worker = try self.worker(record)
                if let earlier = firstLine[projectNo]?[worker.workerID] {
                    throw CellProblem(column: "worker_id", detail: "worker \(worker.workerID) is already on line \(earlier) for \(projectNo)")
                }
                firstLine[projectNo, default: [:]][worker.workerID] = record.line
                if workers[projectNo] == nil { projects.append(projectNo) }
                workers[projectNo, default: []].append((record.line, worker))
            } catch {
                plan.refusals.append(ImportRefusal(lines: [record.line], column: error.column, reason: "schema:\(error.column)",
                                                   path: nil, detail: error.detail))
            }
        }
        for projectNo in projects {
            var pending = workers[projectNo] ?? []
            pending = checked(projectNo, pending, today: today, refusals: &plan.refusals)
            var start = 0
            while start < pending.count {
                let part = Array(pending[start..<min(start + max(1, chunk), pending.count)])
                let message = RosterEnrol(projectNo: projectNo, workers: part.map(\.worker))
                plan.batches.append(ImportBatch(
                    type: .rosterEnrol, key: projectNo, label: "\(projectNo) workers \(start + 1)-\(start + part.count)",
                    body: message.json, lines: part.map(\.line), batch: batch))
                start += part.count
            }
        }
        return plan
    }

    /// One worker from a row.
    static func worker(_ r: CSVTable.Record) throws(CellProblem) -> RosterWorker {
        RosterWorker(workerID: try r.required("worker_id"), name: try r.required("name"), idNumber: r.text("id_number"),
                     employer: Employer(name: try r.required("employer_name"), creditCode: r.text("employer_credit_code")),
                     contractSigned: try r.bool("contract_signed"), enteredOn: try r.day("entered_on"))
    }

    /// The project's workers that pass the catalogue's check of `roster.enrol`; each
    /// one the check names is refused with its line, and the rest checked again.
    static func checked(_ projectNo: String, _ workers: [(line: Int, worker: RosterWorker)], today: Day,
                        refusals: inout [ImportRefusal]) -> [(line: Int, worker: RosterWorker)] {
        var pending = workers
        while !pending.isEmpty {
            let window = Array(pending.prefix(RosterEnrol.maxWorkers))
            guard let problem = CatalogueCheck.problem(RosterEnrol(projectNo: projectNo, workers: window.map(\.worker)), today: today)
            else {
                if pending.count <= RosterEnrol.maxWorkers { return pending }
                return window + checked(projectNo, Array(pending.dropFirst(RosterEnrol.maxWorkers)), today: today,
                                        refusals: &refusals)
            }
            guard let index = problem.index, index < window.count else {
                // A problem of the whole message (the project number): every row of the project.
                refusals.append(ImportRefusal(lines: pending.map(\.line), column: problem.column, reason: "schema:\(problem.column)",
                                              path: problem.path, detail: "\(problem.column) refused by the catalogue check of roster.enrol"))
                return []
            }
            refusals.append(ImportRefusal(lines: [window[index].line], column: problem.column, reason: "schema:\(problem.column)",
                                          path: problem.path, detail: "\(problem.column) refused by the catalogue check of roster.enrol"))
            pending.remove(at: index)
        }
        return []
    }
}
