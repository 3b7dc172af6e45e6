import Messages
import Workflow

extension DemoScenario {
    /// Steps of the third story (CONTRACT §8): prevention at the construction project.
    static let projectSteps = 7

    /// Housing registers a project (the office decides its wage deposit), the bank
    /// files the special account, the real-name platform enrols the workers and then
    /// submits a payroll that leaves two of them unpaid: the office opens and
    /// transfers a case by itself, before anyone petitions. Returns the case number.
    func projectWithUnpaidPayroll() throws -> String {
        let d = driver
        let projectNo = "DEMO-\(tag)"
        let contractor = "91500000DEMO\(tag.prefix(6).uppercased())"
        try d.step("housing registers a construction project; the office decides its wage deposit", as: .housing, ProjectRegister(
            projectNo: projectNo, name: "滨江花园二期住宅工程 (demo)", sector: .construction, location: "滨江路88号",
            investor: .private, builder: Organisation(name: "滨江置业有限公司 (demo)", creditCode: "91500000DEMOBUILD"),
            generalContractor: Organisation(name: "恒达建工集团有限公司 (demo)", creditCode: contractor),
            contractAmount: Money(fen: 1_200_000_000), permitIssuedOn: today, plannedCompletion: nil
        ), expect: "the project in the ledger with its deposit rate", workers: ["worker-hrss"]) {
            try d.value("SELECT deposit_rate FROM wage.project_overview WHERE project_no = $1", [projectNo]) != nil
        }
        try d.step("the bank files the project's wage special account (工资专用账户)", as: .bank,
                   AccountOpened(projectNo: projectNo, bankName: "滨江农村商业银行 (demo)", accountNo: "6217-DEMO-\(tag)"),
                   expect: "the account opened", workers: ["worker-hrss"]) {
            try d.value("SELECT account_status FROM wage.project_overview WHERE project_no = $1", [projectNo]) == "opened"
        }
        let month = Month(of: today).previous
        let workers = (1...6).map { n in
            RosterWorker(workerID: "DEMO-\(tag)-W\(n)", name: "工人\(n)", employer: Employer(name: "鑫源劳务有限公司 (demo)"),
                         contractSigned: true, enteredOn: month.firstDay)
        }
        try d.step("the real-name platform enrols 6 workers (实名制)", as: .platform,
                   RosterEnrol(projectNo: projectNo, workers: workers),
                   expect: "6 workers on the roster", workers: ["worker-hrss"]) {
            try d.value("SELECT roster_size FROM wage.project_overview WHERE project_no = $1", [projectNo]) == "6"
        }
        let lines = workers.enumerated().map { i, w in
            PayrollLine(workerID: w.workerID, days: 26, gross: Money(fen: 780_000), paid: Money(fen: i < 2 ? 0 : 780_000))
        }
        try d.step("the platform submits \(month.iso)'s payroll: 2 of 6 workers unpaid (总包代发)", as: .platform,
                   PayrollSubmitted(projectNo: projectNo, month: month, subcontractor: Employer(name: "鑫源劳务有限公司 (demo)"),
                                    lines: lines, confirmedByWorkers: true, viaSpecialAccount: true),
                   expect: "the payroll recorded with 15,600.00 unpaid", workers: ["worker-hrss"]) {
            try d.value("SELECT unpaid_total::text FROM wage.project_payrolls WHERE project_no = $1", [projectNo]) == "15600.00"
        }
        try d.expectation("the unpaid wages open a case by themselves and it is transferred to housing",
                          expect: "a payroll case assigned to housing", workers: ["worker-hrss"]) {
            try d.value("SELECT assignee FROM wage.case_overview WHERE channel = 'payroll' AND project_no = $1",
                        [projectNo]) == "housing"
        }
        try d.step("housing inspects the site (巡查)", as: .housing, InspectionRecorded(
            projectNo: projectNo, inspectedOn: today,
            checks: InspectionChecks(realName: true, wageClerk: true, noticeBoard: false, specialAccount: true, payroll: true),
            workersSampled: 6, findings: "维权信息告示牌未设置"),
            expect: "the finding raised as a warning to housing", workers: ["worker-hrss"]) {
            try d.value("SELECT department FROM wage.warnings WHERE kind = 'inspection_findings' AND project_no = $1",
                        [projectNo]) == "housing"
        }
        // 信息互通 (seed 003): housing's return of last month, due by the 10th (a re-run corrects it).
        let revisions = { () throws -> Int in
            Int(try d.value("""
                SELECT CASE WHEN submitted_at IS NULL THEN -1 ELSE revisions END FROM wage.report_returns
                WHERE month = $1 AND kind = 'construction_starts'
                """, [month.iso]) ?? "-1") ?? -1
        }
        let before = try revisions()
        try d.step("housing sends its return of \(month.iso) to the office (信息互通)", as: .housing, ReportSubmitted(
            month: month, kind: "construction_starts",
            figures: ["new_starts": 1, "workers_enrolled": 6, "wage_paid": "36000.00"], note: "demo \(tag)"),
            expect: "the return in wage.report_returns", workers: ["worker-hrss"]) { try revisions() > before }
        return try d.value("SELECT case_no FROM wage.case_overview WHERE channel = 'payroll' AND project_no = $1", [projectNo])
            ?? projectNo
    }
}
