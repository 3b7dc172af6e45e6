import Runtime
import Messages
import Workflow

extension ProjectDesk {
    /// `project.register`: enters the project and decides its deposit once, on the day
    /// applied (§8.2); a listed general contractor pays 3.0% and raises
    /// `contractor_blacklisted` (§9). A second registration is `invalid_state`.
    func register(_ r: ProjectRegister, _ message: InboundMessage, _ store: ProjectStore,
                  _ context: HandlerContext) throws -> Disposition {
        guard let regulator = try office.dutyList(context).responsibleDepartment(for: r.sector) else {
            return .reject(.schema("sector"))
        }
        guard try !store.exists(r.projectNo) else { return .reject(.invalidState) }
        let contractor = r.generalContractor.creditCode
        let listed = try store.isListed(contractor, on: context.today)
        let history = try store.history(of: contractor)
        let decision = DepositLadder.decide(contractAmount: r.contractAmount, registrationYear: context.today.year,
                                            history: history, blacklisted: listed, baseRate: context.settings.depositBaseRate)
        let settings = context.settings.recorded(.depositBaseRate)
        guard try store.insert(r, regulator: regulator, decision: decision, settings: settings, today: context.today,
                               messageID: message.messageID) else { return .reject(.invalidState) }
        try ProjectTimeline(context: context).append(r.projectNo, .registered, [
            "regulator": .principal(regulator), "contractor_credit_code": .string(contractor),
            "deposit_rate": .string(decision.rate.percentString), "deposit_basis": .string(decision.basis),
            "deposit_required": .money(decision.required), "settings": settings,
            "cases_last_year": .int(history.cases(in: context.today.year - 1)),
        ])
        if listed {
            try raise(Warning(kind: .contractorBlacklisted, projectNo: r.projectNo, creditCode: contractor, department: regulator,
                              detail: ["contractor_name": .string(r.generalContractor.name), "deposit_rate": .string(decision.rate.percentString)]),
                      context)
        }
        logger.info("project registered", metadata: [
            "message_id": "\(message.messageID)", "project_no": "\(r.projectNo)", "deposit_rate": "\(decision.rate)",
            "deposit_basis": "\(decision.basis)"])
        return .ack
    }

    /// `project.completed`: the project is complete (a second completion is `invalid_state`).
    func complete(_ c: ProjectCompleted, _ project: ProjectRecord, _ store: ProjectStore,
                  _ context: HandlerContext) throws -> Disposition {
        guard !project.completed else { return .reject(.invalidState) }
        try store.complete(c.projectNo, on: c.completedOn)
        try ProjectTimeline(context: context).append(c.projectNo, .completed, ["completed_on": .day(c.completedOn)])
        return .ack
    }

    /// `deposit.paid`.
    func pay(_ d: DepositPaid, _ project: ProjectRecord, _ store: ProjectStore, _ context: HandlerContext) throws -> Disposition {
        let next = try project.deposit.paid(d.amount).get()
        try store.move(d.projectNo, to: next, kind: "paid", amount: d.amount, form: d.form, reference: d.reference,
                       messageID: context.message?.messageID)
        try ProjectTimeline(context: context).append(d.projectNo, .depositPaid, [
            "amount": .money(d.amount), "form": .string(d.form.rawValue), "balance": .money(next.balance)])
        return .ack
    }

    /// `deposit.drawn`: the case must exist (`unknown_case`); more than the balance is `invalid_state`.
    func draw(_ d: DepositDrawn, _ project: ProjectRecord, _ store: ProjectStore, _ context: HandlerContext) throws -> Disposition {
        guard let caseID = CaseDirectory.normalized(d.caseID), try CaseDirectory.exists(caseID, db: context.db) else {
            return .reject(.unknownCase)
        }
        let next = try project.deposit.drawn(d.amount, today: context.today, calendar: context.calendar,
                                             replenishWorkingDays: context.settings.depositReplenishWorkingDays).get()
        try store.move(d.projectNo, to: next, kind: "drawn", amount: d.amount, caseID: caseID, note: d.note,
                       messageID: context.message?.messageID)
        try ProjectTimeline(context: context).append(d.projectNo, .depositDrawn, [
            "amount": .money(d.amount), "case_id": .string(caseID), "balance": .money(next.balance),
            "replenish_by": next.replenishBy.map(JSONValue.day) ?? .null,
            "settings": context.settings.recorded(.depositReplenishWorkingDays)])
        return .ack
    }

    /// `deposit.released`: only a completed project with no open linked case.
    func release(_ d: DepositReleased, _ project: ProjectRecord, _ store: ProjectStore,
                 _ context: HandlerContext) throws -> Disposition {
        let open = try store.openLinkedCases(d.projectNo)
        let next = try project.deposit.released(today: context.today, projectCompleted: project.completed,
                                                openLinkedCases: open).get()
        try store.move(d.projectNo, to: next, kind: "released", amount: project.deposit.balance, note: d.note,
                       messageID: context.message?.messageID)
        try ProjectTimeline(context: context).append(d.projectNo, .depositReleased, ["amount": .money(project.deposit.balance)])
        return .ack
    }

    /// Raises `warning` once per open key, with a timeline entry on its project when it is new.
    func raise(_ warning: Warning, _ context: HandlerContext) throws {
        guard try WarningRecorder(context: context).raise(warning), let projectNo = warning.projectNo else { return }
        try ProjectTimeline(context: context).append(projectNo, .warningRaised, [
            "kind": .string(warning.kind.rawValue), "period": warning.period.map(JSONValue.string) ?? .null])
    }
}
