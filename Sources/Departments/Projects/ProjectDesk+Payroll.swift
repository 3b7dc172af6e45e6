import Runtime
import Messages
import Workflow

/// Rules of the cases the office opens from a project's own data (§8.3, §8.4).
enum ProjectCases {
    /// The amount of a misappropriation case without a statement to read it from.
    static let minimumAmount = Money(fen: 1)
}

extension ProjectDesk {
    /// `payroll.submitted` (§8.4): records the payroll (replacing an earlier one of the
    /// same key), raises `unregistered_worker` and `payroll_irregular`, and opens a
    /// case by itself when wages are unpaid; a replacement is the same case, with a
    /// `payroll_replaced` entry.
    func payroll(_ p: PayrollSubmitted, _ project: ProjectRecord, _ store: ProjectStore, _ message: InboundMessage,
                 _ context: HandlerContext) throws -> Disposition {
        let figures = PayrollFigures(p.lines)
        let clueRef = "\(p.projectNo)/\(p.month.iso)/\(p.subcontractorKey)"
        var caseID: String?
        if let existing = try CaseStore.lock(channel: .payroll, clueRef: clueRef, db: context.db) {
            caseID = existing.caseID
            try office.runner(context).perform([.appendTimeline(TimelineEntry(
                caseID: existing.caseID, department: context.principal, event: "payroll_replaced",
                detail: ["unpaid": .money(figures.unpaid), "unpaid_workers": .int(figures.unpaidWorkers),
                         "lines": .int(p.lines.count)]))])
        } else if figures.unpaid > .zero {
            let report = ClueReport(
                channel: .payroll, clueRef: clueRef, employer: p.subcontractor, sector: project.sector,
                workersCount: figures.unpaidWorkers, amountOwed: figures.unpaid,
                description: "工资表显示\(p.month.iso)欠发工资", projectNo: p.projectNo)
            caseID = try openCase(report, project, message, context)
        }
        let submission = try store.recordPayroll(p, figures: figures, caseID: caseID, messageID: message.messageID)
        try ProjectTimeline(context: context).append(p.projectNo, .payrollSubmitted, [
            "month": .string(p.month.iso), "subcontractor": .string(p.subcontractor.name), "lines": .int(p.lines.count),
            "gross_total": .money(figures.gross), "unpaid_total": .money(figures.unpaid), "submission": .int(submission),
            "case_id": caseID.map(JSONValue.string) ?? .null])
        let unregistered = try store.unregistered(p.projectNo, p.lines.map(\.workerID))
        if !unregistered.isEmpty {
            try raise(Warning(kind: .unregisteredWorker, projectNo: p.projectNo, period: p.month.iso, department: project.regulator,
                              detail: ["worker_ids": .strings(unregistered), "subcontractor": .string(p.subcontractor.name)]),
                      context)
        }
        if !p.confirmedByWorkers || !p.viaSpecialAccount {
            try raise(Warning(kind: .payrollIrregular, projectNo: p.projectNo, period: p.month.iso, department: project.regulator,
                              detail: ["confirmed_by_workers": .bool(p.confirmedByWorkers),
                                       "via_special_account": .bool(p.viaSpecialAccount),
                                       "subcontractor": .string(p.subcontractor.name)]), context)
        }
        return .ack
    }

    /// Registers and transfers `report` as a case the office opens itself; the case id.
    func openCase(_ report: ClueReport, _ project: ProjectRecord, _ message: InboundMessage,
                  _ context: HandlerContext) throws -> String {
        switch try office.register(report, origin: context.principal, message: message, context: context) {
        case .registered(let caseID):
            try ProjectTimeline(context: context).append(project.projectNo, .caseOpened, [
                "case_id": .string(caseID), "channel": .string(report.channel.rawValue), "amount_owed": .money(report.amountOwed)])
            return caseID
        case .existing(let state): return state.caseID
        case .refused(let reason): throw reason
        case .later(let why): throw ProjectCaseNotVisible(why: why)
        }
    }
}

/// The case of a payroll or alert was registered by another consumer and is not visible yet (retried).
struct ProjectCaseNotVisible: Error, CustomStringConvertible {
    let why: String
    var description: String { why }
}
