import Foundation
import Messages
import Workflow

/// The demo's story: a construction clue from the national platform for 36
/// workers owed 1,280,000.00 yuan goes to housing, who accepts it and escalates
/// it (task force); the office refers the employer to the police, who file a
/// case; the fund advances wages with the government's approval; the workers get
/// legal aid the same day; a collective petition about the same site arrives;
/// housing resolves the case, the advance is recovered from the contractor, and
/// the office closes the case (销号). A second, short story: a hotline clue found
/// unfounded is resolved without payment and closed (`DemoScenario+Unfounded`). A
/// third: a project's payroll shows unpaid wages and opens a case by itself
/// (`DemoScenario+Project`).
struct DemoScenario {
    let driver: DemoDriver
    let tag: String
    /// Today in Asia/Shanghai (dates in the referral are relative to it).
    let today: Day

    static let steps = 16 + unfoundedSteps + projectSteps

    /// The case numbers whose timelines are printed at the end.
    func run() throws -> [String] {
        let d = driver
        let deposited0 = Int64(try d.value("SELECT deposited_fen FROM wage.fund_balance") ?? "0") ?? 0
        try d.step("finance deposits 2,000,000.00 yuan into the emergency fund", as: .finance,
                   FundDeposit(amount: Money(fen: 200_000_000), note: "demo \(tag): budget allocation"),
                   expect: "the fund's deposits to grow", workers: ["worker-finance"]) {
            (Int64(try d.value("SELECT deposited_fen FROM wage.fund_balance") ?? "0") ?? 0) >= deposited0 + 200_000_000
        }
        let provider = "DEMO-LAW-\(tag)"
        try d.step("justice adds a legal-aid provider", as: .justice,
                   LegalAidProviderUpdate(providerID: provider, name: "金凤律师事务所 (demo)", active: true),
                   expect: "provider \(provider) on the roster", workers: ["worker-justice"]) {
            try d.value("SELECT active::text FROM wage.legal_aid_providers WHERE provider_id = $1", [provider]) == "true"
        }
        let clueRef = "NP-DEMO-\(tag)"
        try d.step("the national platform reports a construction clue (36 workers, 1,280,000.00)", as: .platform, ClueReport(
            channel: .nationalPlatform, clueRef: clueRef,
            employer: Employer(name: "金凤建筑劳务有限公司 (demo)", creditCode: "91500000MA5DEMO000"),
            project: Project(name: "金凤镇安置房二期", location: "金凤镇"), sector: .construction,
            workersCount: 36, amountOwed: Money(fen: 128_000_000), description: "春节前拖欠36名农民工工资",
            reporter: Reporter(name: "张三", phone: "13800000000")
        ), expect: "a case registered and transferred to housing", workers: ["worker-hrss"]) {
            try d.value("SELECT assignee FROM wage.case_overview WHERE channel = 'national_platform' AND clue_ref = $1 AND status = 'transferred'",
                        [clueRef]) == "housing"
        }
        let caseID = try d.value("SELECT case_id::text FROM wage.case_overview WHERE channel = 'national_platform' AND clue_ref = $1", [clueRef]) ?? ""
        let caseNo = try d.value("SELECT case_no FROM wage.case_overview WHERE case_id = $1::uuid", [caseID]) ?? caseID
        func status(is expected: String) throws -> Bool {
            try d.value("SELECT status FROM wage.case_overview WHERE case_id = $1::uuid", [caseID]) == expected
        }
        try d.step("housing accepts case \(caseNo)", as: .housing, CaseAccept(caseID: caseID),
                   expect: "the case accepted", workers: ["worker-hrss"]) { try status(is: "accepted") }
        try d.step("housing reports progress", as: .housing,
                   CaseProgress(caseID: caseID, note: "约谈总包单位，核实工资表"),
                   expect: "a progress entry on the timeline", workers: ["worker-hrss"]) {
            try d.value("SELECT count(*) FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'progress'", [caseID]) != "0"
        }
        try d.step("housing escalates: the employer has fled (task force 一案一专班)", as: .housing,
                   CaseEscalate(caseID: caseID, reason: "劳务公司负责人失联，需多部门联动"),
                   expect: "the case to become task_force", workers: ["worker-hrss"]) { try status(is: "task_force") }
        try d.expectation("task-force members record the notice (police, petitions, justice, housing)",
                          expect: "task_force_formed on the timeline from police, petitions, justice and housing",
                          workers: ["worker-police", "worker-petitions", "worker-justice", "worker-housing"]) {
            try d.value("""
                SELECT count(DISTINCT department) FROM wage.case_timeline
                WHERE case_id = $1::uuid AND event = 'task_force_formed' AND department IN ('police', 'petitions', 'justice', 'housing')
                """, [caseID]) == "4"
        }
        let referralNo = "R-DEMO-\(tag)"
        try d.step("the office refers the employer to the police (拒不支付劳动报酬)", as: .hrss, ReferralSubmission(
            caseID: caseID, referralNo: referralNo, suspect: Suspect(name: "金凤建筑劳务有限公司 (demo)", kind: .company),
            amountOwed: Money(fen: 128_000_000), workersCount: 36,
            orderToPay: OrderToPay(issuedOn: today.adding(days: -30), payBy: today.adding(days: -15), served: true),
            evidence: [Evidence(kind: "referral_letter", title: "移送书"), Evidence(kind: "investigation_report", title: "调查报告"),
                       Evidence(kind: "order_to_pay", title: "责令支付文书"), Evidence(kind: "service_proof", title: "送达证明")]
        ), expect: "the referral under review", workers: ["worker-police"]) {
            try d.value("SELECT status FROM wage.referral_overview WHERE referral_no = $1", [referralNo]) == "under_review"
        }
        try d.step("the police file a criminal case", as: .police,
                   ReferralDecision(referralNo: referralNo, verdict: .filed(policeCaseNo: "GA-DEMO-\(tag)")),
                   expect: "the referral filed", workers: ["worker-police"]) {
            try d.value("SELECT status FROM wage.referral_overview WHERE referral_no = $1", [referralNo]) == "filed"
        }
        let requestNo = "FR-DEMO-\(tag)"
        try d.step("the office asks the fund to advance 300,000.00 yuan of wages", as: .hrss, FundRequest(
            caseID: caseID, requestNo: requestNo, amount: Money(fen: 30_000_000), beneficiaries: 36,
            purpose: .partialWages, reason: .employerFled
        ), expect: "the request awaiting approval", workers: ["worker-finance"]) {
            try d.value("SELECT status FROM wage.fund_overview WHERE request_no = $1", [requestNo]) == "awaiting_approval"
        }
        try d.step("the government approves the advance", as: .government,
                   FundDecision(requestNo: requestNo, decision: .approved, approver: "王区长 (demo)"),
                   expect: "the advance disbursed", workers: ["worker-finance"]) {
            try d.value("SELECT status FROM wage.fund_overview WHERE request_no = $1", [requestNo]) == "disbursed"
        }
        let applicationNo = "LA-DEMO-\(tag)"
        try d.step("the office asks for legal aid for the workers (green channel)", as: .hrss, LegalAidRequest(
            applicationNo: applicationNo, caseID: caseID, applicant: Applicant(name: "李四 (workers' representative)"),
            matter: .wageArrears
        ), expect: "the application assigned to a provider the same day", workers: ["worker-justice"]) {
            try d.value("SELECT status FROM wage.legal_aid_overview WHERE application_no = $1", [applicationNo]) == "assigned"
        }
        let petitionNo = "XF-DEMO-\(tag)"
        try d.step("eight workers visit the petitions office (collective visit 集体访)", as: .petitions, PetitionReceived(
            petitionNo: petitionNo, petitioners: 8, form: .visit, wageRelated: true,
            employer: Employer(name: "金凤建筑劳务有限公司 (demo)"), sector: .construction, amountOwed: Money(fen: 9_600_000),
            workersCount: 8, summary: "集体上访讨要安置房工地工资"
        ), expect: "the petition reported as a clue, registered as a case, and flagged collective",
           workers: ["worker-petitions", "worker-hrss"]) {
            try d.value("SELECT (status = 'reported' AND collective AND case_id IS NOT NULL)::text FROM wage.petition_overview WHERE petition_no = $1",
                        [petitionNo]) == "true"
        }
        let petitionCase = try d.value("SELECT c.case_no FROM wage.petition_overview p JOIN wage.case_overview c ON c.case_id = p.case_id WHERE p.petition_no = $1", [petitionNo])
        try d.step("housing reports the wages paid in full", as: .housing,
                   CaseResolved(caseID: caseID, amountPaid: Money(fen: 128_000_000), workersPaid: 36, note: "总包单位代发工资"),
                   expect: "the case resolved", workers: ["worker-hrss"]) { try status(is: "resolved") }
        try d.step("the office records the advance recovered from the general contractor (追偿)", as: .hrss,
                   FundRecovered(requestNo: requestNo, amount: Money(fen: 30_000_000)),
                   expect: "the advance recovered in full", workers: ["worker-finance"]) {
            try d.value("SELECT status FROM wage.fund_overview WHERE request_no = $1", [requestNo]) == "recovered"
        }
        try d.step("the office closes the case (销号)", as: .hrss, CaseClose(caseID: caseID, note: "已足额支付，销号"),
                   expect: "the case closed", workers: ["worker-hrss"]) { try status(is: "closed") }
        let unfounded = try unfoundedClue()
        let payrollCase = try projectWithUnpaidPayroll()
        return [caseNo] + (petitionCase.map { [$0] } ?? []) + [unfounded, payrollCase]
    }
}
