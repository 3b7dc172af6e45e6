import Messages
import Workflow

extension DemoScenario {
    /// Steps of the second story (CONTRACT §7.1): most clues end without a payment.
    static let unfoundedSteps = 3

    /// A hotline clue that turns out unfounded (线索不实): housing resolves it with
    /// the disposition `unfounded` and a note, no figures, and the office closes it.
    /// Returns the case number.
    func unfoundedClue() throws -> String {
        let d = driver
        let clueRef = "HL-DEMO-\(tag)"
        try d.step("a hotline caller reports a site that owes 3 workers 18,000.00", as: .platform, ClueReport(
            channel: .hotline, clueRef: clueRef,
            employer: Employer(name: "金凤装饰工程有限公司 (demo)"), project: Project(name: "金凤镇卫生院装修"),
            sector: .construction, workersCount: 3, amountOwed: Money(fen: 1_800_000), description: "来电称拖欠3人工资"
        ), expect: "a case registered and transferred to housing", workers: ["worker-hrss"]) {
            try d.value("SELECT assignee FROM wage.case_overview WHERE channel = 'hotline' AND clue_ref = $1", [clueRef]) == "housing"
        }
        let caseID = try d.value("SELECT case_id::text FROM wage.case_overview WHERE channel = 'hotline' AND clue_ref = $1", [clueRef]) ?? ""
        let caseNo = try d.value("SELECT case_no FROM wage.case_overview WHERE case_id = $1::uuid", [caseID]) ?? caseID
        try d.step("housing finds the wages were paid on time: the clue is unfounded (线索不实)", as: .housing,
                   CaseResolved(caseID: caseID, disposition: .unfounded, note: "核查工资表及银行代发记录，工资已按时足额发放"),
                   expect: "the case resolved as unfounded", workers: ["worker-hrss"]) {
            try d.value("SELECT disposition FROM wage.case_overview WHERE case_id = $1::uuid AND status = 'resolved'", [caseID])
                == CaseDisposition.unfounded.rawValue
        }
        try d.step("the office closes the unfounded case (销号)", as: .hrss, CaseClose(caseID: caseID, note: "线索不实，销号"),
                   expect: "the case closed", workers: ["worker-hrss"]) {
            try d.value("SELECT status FROM wage.case_overview WHERE case_id = $1::uuid", [caseID]) == "closed"
        }
        return caseNo
    }
}
