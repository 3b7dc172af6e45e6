import Duties
import Runtime
import Store
import Messages
import Workflow

/// The office's case workflow (根欠办, CONTRACT §3 "Clues and cases"): registers
/// clues and transfers them, applies the assignee's decisions, escalates overdue
/// cases to a task force and then a leader package, closes resolved cases.
///
/// The rules are the domain's (`CaseState` in Sources/Workflow/Cases): each
/// message loads the case with its row locked, calls one event function, stores
/// the new state and performs the returned actions (timeline, notices, transfer),
/// all in the message's transaction. docs/cases.md describes the decisions.
public final class CaseOffice: HandlerPart {
    let settings: OfficeSettings
    let dutyLists = DutyListCache()
    /// The project desk whose warnings the sweep also evaluates (§8.6); set by `Workers.hrss`.
    /// Weak: the desk holds the office.
    weak var projects: ProjectDesk?
    /// The returns desk whose expected and missing returns the sweep also evaluates
    /// (issue 22); set by `Workers.hrss`.
    weak var returns: ReturnsDesk?

    /// `settings.sweepInterval` is used by `Workers.hrss`; new clues are graded with
    /// the configuration in force (`HandlerContext.settings.risk`).
    public init(settings: OfficeSettings = .init()) { self.settings = settings }

    public let types: Set<MessageType> = [
        .clueReport, .caseTransfer, .caseAccept, .caseReturn, .caseProgress, .caseResolved, .caseEscalate,
        .caseClose, .caseAssignLeader, .officeSweep, .caseImport,
    ]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        do {
            switch message.type {
            case .clueReport?: return try report(ClueReport(json: message.payload), message: message, context: context)
            case .caseTransfer?: return try transfer(CaseTransfer(json: message.payload), message: message, context: context)
            case .caseImport?: return try importCase(CaseImport(json: message.payload), message: message, context: context)
            case .officeSweep?:
                let asOf = try OfficeSweep(json: message.payload).effectiveDay(today: context.today)
                try sweep(asOf: asOf, context: context)
                try projects?.sweep(asOf: asOf, context: context)
                try returns?.sweep(asOf: asOf, context: context)
                // The sweep also lists referrals whose police decision is overdue
                // (each recorded once on its case's timeline).
                let overdue = try ReferralTracking.recordOverdue(asOf: asOf, context: context)
                if !overdue.isEmpty {
                    context.logger.notice("referral decisions overdue", metadata: ["as_of": "\(asOf)", "count": "\(overdue.count)"])
                }
                return .ack
            default: return try decide(message, context: context)
            }
        } catch let reason as RejectionReason {
            return .reject(reason)
        }
    }

    /// The periodic deadline sweep, as of today.
    public func periodic(context: HandlerContext) throws {
        try sweep(asOf: context.today, context: context)
        try projects?.sweep(asOf: context.today, context: context)
        try returns?.sweep(asOf: context.today, context: context)
    }

    /// The assignee's events and the office's own decisions on one existing case.
    func decide(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let p = message.payload
        let sender = message.sender
        switch message.type {
        case .caseAccept?:
            let c = try CaseAccept(json: p)
            return try apply(c.caseID, context) { s, w in s.accept(from: try assignee(sender), context: w) }
        case .caseReturn?:
            let c = try CaseReturn(json: p)
            return try apply(c.caseID, context) { s, w in s.giveBack(c, from: try assignee(sender), context: w) }
        case .caseProgress?:
            let c = try CaseProgress(json: p)
            return try apply(c.caseID, context) { s, w in s.progress(c, from: try assignee(sender), context: w) }
        case .caseResolved?:
            let c = try CaseResolved(json: p)
            return try apply(c.caseID, context) { s, w in s.resolve(c, from: try assignee(sender), context: w) }
        case .caseEscalate?:
            let c = try CaseEscalate(json: p)
            return try apply(c.caseID, context) { s, w in s.escalate(c, from: try assignee(sender), context: w) }
        case .caseClose?:
            let c = try CaseClose(json: p)
            return try apply(c.caseID, context) { s, w in s.close(c, context: w) }
        case .caseAssignLeader?:
            let c = try CaseAssignLeader(json: p)
            return try apply(c.caseID, context) { s, w in s.assignLeader(c, context: w) }
        default:
            return .reject(.unknownType)
        }
    }

    /// The validated sender; a message without one cannot be from the assignee.
    func assignee(_ sender: Principal?) throws(RejectionReason) -> Principal {
        guard let sender else { throw .notAssignee }
        return sender
    }

    /// Locks case `rawID`, applies `event`, stores the new state and performs the
    /// actions. `unknown_case` for a malformed or unknown id.
    func apply(_ rawID: String, _ context: HandlerContext,
               _ event: (CaseState, WorkflowContext) throws -> Outcome<CaseState>) throws -> Disposition {
        guard let caseID = CaseDirectory.normalized(rawID),
              let state = try CaseStore.lock(caseID, db: context.db) else { return .reject(.unknownCase) }
        switch try event(state, workflowContext(context)) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            try commit(transition, from: state, context: context)
            return .ack
        }
    }

    /// Stores `transition.state` (when it changed) and performs its actions.
    func commit(_ transition: Transition<CaseState>, from old: CaseState, leaderPackage: (on: Day, missed: Day?)? = nil,
                context: HandlerContext) throws {
        if transition.state != old {
            try CaseStore.update(transition.state, leaderPackage: leaderPackage, db: context.db)
        }
        try runner(context).perform(transition.actions)
    }

    func workflowContext(_ context: HandlerContext) -> WorkflowContext { context.workflow }

    /// Performs the case machine's actions: consecutive timeline entries in one
    /// statement; a `case.notice` only to departments the duty list lets it reach.
    func runner(_ context: HandlerContext) throws -> ActionPerformer {
        let recipients = try dutyList(context).noticeRecipients
        var policy = ActionPolicy()
        policy.batchesTimeline = true
        policy.prepare = { message, _ in CaseNoticeFilter.deliverable(message, recipients: recipients) }
        return ActionPerformer(context: context, policy: policy)
    }

    /// The duty list in force; none yet (the router has never run) is a passing
    /// condition: the message is retried.
    func dutyList(_ context: HandlerContext) throws -> DutyList {
        guard let list = try dutyLists.current(context.db) else { throw NoDutyListInForce() }
        return list
    }

    struct NoDutyListInForce: Error, CustomStringConvertible {
        var description: String { "no duty list in force in wage.duty_lists (start the router)" }
    }
}
