import Foundation
import Runtime
import Messages
import Workflow

extension CaseOffice {
    /// `clue.report`: registers the clue as a new case and transfers it at once to
    /// the responsible department of its sector (duty list in force); the same
    /// channel + clue_ref again is the same case (timeline `reported_again`, no
    /// new case, no second transfer).
    func report(_ report: ClueReport, message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard let origin = message.sender else { return .reject(.forbiddenSender) }
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
                return try reportedAgain(existing, by: origin, context: context)
            }
            if case .failure(let reason)? = registration { return .reject(reason) }
            return .reject(.forbiddenRecipient)
        }
        guard try CaseStore.insert(transition.state, report: report, sourceMessageID: message.messageID, db: context.db) else {
            // The same channel + clue_ref is a case already (or was registered meanwhile by another consumer).
            guard let existing = try CaseStore.lock(channel: report.channel, clueRef: report.clueRef, db: context.db)
            else { return .retryLater("case of \(report.channel.rawValue)/\(report.clueRef) not visible yet") }
            return try reportedAgain(existing, by: origin, context: context)
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
        return .ack
    }

    func reportedAgain(_ existing: CaseState, by sender: Principal, context: HandlerContext) throws -> Disposition {
        try commit(existing.reportedAgain(by: sender), from: existing, context: context)
        return .ack
    }
}
