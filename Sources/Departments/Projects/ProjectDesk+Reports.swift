import Runtime
import Messages
import Workflow

extension ProjectDesk {
    /// `account.opened`: files the special account (a repeated filing replaces it).
    func open(_ a: AccountOpened, _ project: ProjectRecord, _ store: ProjectStore, _ context: HandlerContext) throws -> Disposition {
        try store.fileAccount(a, on: project.accountOpenedOn ?? context.today)
        try ProjectTimeline(context: context).append(a.projectNo, .accountOpened, [
            "bank_name": .string(a.bankName), "refiled": .bool(project.accountOpenedOn != nil)])
        return .ack
    }

    /// `account.funded`: before the account is opened `invalid_state`; a labour share
    /// below the minimum *(configuration)* raises `labour_share_low` for the period.
    func fund(_ a: AccountFunded, _ project: ProjectRecord, _ store: ProjectStore, _ context: HandlerContext) throws -> Disposition {
        guard project.accountOpenedOn != nil else { return .reject(.invalidState) }
        let minimum = context.settings.minimumLabourShare
        try store.recordFunding(a, minimumShare: minimum, messageID: context.message?.messageID)
        let low = minimum.isAbove(a.labourAmount, of: a.progressPayment)
        let figures: JSONValue = [
            "period": .string(a.period.iso), "progress_payment": .money(a.progressPayment),
            "labour_amount": .money(a.labourAmount), "minimum_share": .string(minimum.percentString),
            "settings": context.settings.recorded(.minimumLabourShare)]
        try ProjectTimeline(context: context).append(a.projectNo, .accountFunded, figures)
        if low {
            try raise(Warning(kind: .labourShareLow, projectNo: a.projectNo, period: a.period.iso, department: project.regulator,
                              detail: figures), context)
        }
        return .ack
    }

    /// `account.alert`: raises `account_insufficient` or `account_misappropriated`; the
    /// latter also opens a case at once against the general contractor (§8.3).
    func alert(_ a: AccountAlert, _ project: ProjectRecord, _ store: ProjectStore, _ message: InboundMessage,
               _ context: HandlerContext) throws -> Disposition {
        var caseID: String?
        if a.kind == .misappropriated {
            let amount = max(try store.lastOutflow(a.projectNo) ?? ProjectCases.minimumAmount, ProjectCases.minimumAmount)
            let report = ClueReport(
                channel: .bank, clueRef: "\(a.projectNo)/\(message.messageID)",
                employer: Employer(name: project.contractorName, creditCode: project.contractorCreditCode),
                sector: project.sector, workersCount: max(1, try store.rosterSize(a.projectNo)), amountOwed: amount,
                description: a.detail, projectNo: a.projectNo)
            caseID = try openCase(report, project, message, context)
        }
        try store.recordAlert(a, caseID: caseID, messageID: message.messageID)
        try ProjectTimeline(context: context).append(a.projectNo, .accountAlert, [
            "kind": .string(a.kind.rawValue), "case_id": caseID.map(JSONValue.string) ?? .null])
        let kind: WarningKind = a.kind == .misappropriated ? .accountMisappropriated : .accountInsufficient
        try raise(Warning(kind: kind, projectNo: a.projectNo, department: project.regulator,
                          detail: .compact(["detail": a.detail.map(JSONValue.string), "case_id": caseID.map(JSONValue.string)])),
                  context)
        return .ack
    }

    /// `account.statement`: before the account is opened `invalid_state`.
    func statement(_ s: AccountStatement, _ project: ProjectRecord, _ store: ProjectStore,
                   _ context: HandlerContext) throws -> Disposition {
        guard project.accountOpenedOn != nil else { return .reject(.invalidState) }
        try store.recordStatement(s, messageID: context.message?.messageID)
        try ProjectTimeline(context: context).append(s.projectNo, .accountStatement, [
            "month": .string(s.month.iso), "inflow": .money(s.inflow), "outflow": .money(s.outflow), "balance": .money(s.balance)])
        return .ack
    }

    /// `roster.enrol`: adds or updates the workers; one without a signed contract
    /// raises `no_contract` (its detail names workers by platform id, never by name).
    func enrol(_ r: RosterEnrol, _ project: ProjectRecord, _ store: ProjectStore, _ context: HandlerContext) throws -> Disposition {
        try store.enrol(r, messageID: context.message?.messageID)
        let unsigned = r.workers.filter { !$0.contractSigned }.map(\.workerID)
        try ProjectTimeline(context: context).append(r.projectNo, .rosterEnrolled, [
            "workers": .int(r.workers.count), "without_contract": .int(unsigned.count)])
        if !unsigned.isEmpty {
            try raise(Warning(kind: .noContract, projectNo: r.projectNo, department: project.regulator,
                              detail: ["worker_ids": .strings(unsigned)]), context)
        }
        return .ack
    }

    /// `inspection.recorded`: a measure found missing raises `inspection_findings`.
    func inspect(_ i: InspectionRecorded, _ project: ProjectRecord, _ store: ProjectStore, _ message: InboundMessage,
                 _ context: HandlerContext) throws -> Disposition {
        let by = message.sender ?? context.principal
        try store.recordInspection(i, by: by, messageID: message.messageID)
        let failed = i.checks.failed
        try ProjectTimeline(context: context).append(i.projectNo, .inspectionRecorded, [
            "inspected_on": .day(i.inspectedOn), "by": .principal(by), "failed": .strings(failed)])
        if !failed.isEmpty {
            try raise(Warning(kind: .inspectionFindings, projectNo: i.projectNo, department: project.regulator,
                              detail: .compact(["inspected_on": .day(i.inspectedOn), "failed": .strings(failed),
                                                "findings": i.findings.map(JSONValue.string)])), context)
        }
        return .ack
    }
}
