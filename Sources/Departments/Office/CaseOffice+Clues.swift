import Foundation
import Runtime
import Workflow

extension CaseOffice {
    /// `clue.report`: registers the clue as a new case and transfers it at once to
    /// the responsible department of its sector (duty list in force); the same
    /// channel + clue_ref again is the same case (timeline `reported_again`, no
    /// new case, no second transfer).
    func report(_ report: ClueReport, message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard let origin = message.sender else { return .reject(.forbiddenSender) }
        if let existing = try CaseStore.lock(channel: report.channel, clueRef: report.clueRef, db: context.db) {
            return try reportedAgain(existing, by: origin, context: context)
        }
        let duties = try dutyList(context)
        guard let responsible = duties.responsibleDepartment(for: report.sector) else { return .reject(.forbiddenRecipient) }
        let caseID = UUID().uuidString.lowercased()
        let outcome = CaseState.register(report, caseID: caseID, origin: origin, responsible: responsible,
                                         thresholds: settings.risk, context: workflowContext(context))
        let transition: Transition<CaseState>
        switch outcome {
        case .failure(let reason): return .reject(reason)
        case .success(let t): transition = t
        }
        guard try CaseStore.insert(transition.state, report: report, sourceMessageID: message.messageID, db: context.db) else {
            // Another consumer registered the same clue meanwhile: it is that case.
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
