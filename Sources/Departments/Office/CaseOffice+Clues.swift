import Foundation
import Runtime
import Messages
import Workflow

extension CaseOffice {
    /// What registering a clue came to.
    enum Registration {
        /// A new case, transferred at once.
        case registered(caseID: String)
        /// The same channel + clue_ref is this case already (locked).
        case existing(CaseState)
        /// Refused with this reason.
        case refused(RejectionReason)
        /// Not decidable yet (retried).
        case later(String)
    }

    /// `clue.report`: registers the clue as a new case and transfers it at once to
    /// the responsible department of its sector (duty list in force); the same
    /// channel + clue_ref again is the same case (timeline `reported_again`, no
    /// new case, no second transfer).
    func report(_ report: ClueReport, message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard let origin = message.sender else { return .reject(.forbiddenSender) }
        switch try register(report, origin: origin, message: message, context: context) {
        case .registered: return .ack
        case .existing(let existing): return try reportedAgain(existing, by: origin, context: context)
        case .refused(let reason): return .reject(reason)
        case .later(let why): return .retryLater(why)
        }
    }

    /// Registers `report` as a case reported by `origin` and transfers it, in the
    /// transaction of `message` (a `clue.report`, or a project message from which the
    /// office opens a case itself, CONTRACT §8.3, §8.4).
    func register(_ report: ClueReport, origin: Principal, message: InboundMessage,
                  context: HandlerContext) throws -> Registration {
        // Registering is tried first (a new clue is the common case): the insert
        // itself finds an existing case (ON CONFLICT), which saves a lookup per
        // clue; a clue reported again costs a case number (a gap, as a rollback does).
        let duties = try dutyList(context)
        let caseID = UUID().uuidString.lowercased()
        let registration = duties.responsibleDepartment(for: report.sector).map { responsible in
            CaseState.register(report, caseID: caseID, origin: origin, responsible: responsible,
                               thresholds: context.settings.risk, context: workflowContext(context))
        }
        guard case .success(let transition)? = registration else {
            if let existing = try CaseStore.lock(channel: report.channel, clueRef: report.clueRef, db: context.db) {
                return .existing(existing)
            }
            if case .failure(let reason)? = registration { return .refused(reason) }
            return .refused(.forbiddenRecipient)
        }
        guard try CaseStore.insert(transition.state, report: report, sourceMessageID: message.messageID, db: context.db) else {
            // The same channel + clue_ref is a case already (or was registered meanwhile by another consumer).
            guard let existing = try CaseStore.lock(channel: report.channel, clueRef: report.clueRef, db: context.db)
            else { return .later("case of \(report.channel.rawValue)/\(report.clueRef) not visible yet") }
            return .existing(existing)
        }
        try runner(context).perform(transition.actions)
        // The automatic transfer is applied now; its copy (message id below) will be recognised.
        // The same id the outbox gives it (capped at 128 characters for a long cause id).
        let transferID = HandlerContext.followUpID(
            cause: message.messageID,
            suffix: transition.messages.first { $0.type == .caseTransfer }?.idSuffix ?? "\(caseID):transfer")
        try CaseTransferLog.record(transferID, state: transition.state, automatic: true, context: context)
        if report.channel == .petition {
            try OfficeAlerts.link(caseID: caseID, petitionNo: report.clueRef, context: context)
        }
        return .registered(caseID: caseID)
    }

    func reportedAgain(_ existing: CaseState, by sender: Principal, context: HandlerContext) throws -> Disposition {
        try commit(existing.reportedAgain(by: sender), from: existing, context: context)
        return .ack
    }
}
