import Runtime
import Messages
import Workflow

extension CaseOffice {
    /// `case.transfer` as hrss receives it: the router's copy (`copy_to: [hrss]`)
    /// of a transfer sent by the office. Its own automatic transfer (in
    /// `wage.case_transfers`) was applied on registration: acknowledged with no
    /// second effect. A transfer by staff (e.g. re-transfer after `returned`) is
    /// applied now, to `to` or else the responsible department of `sector`.
    func transfer(_ command: CaseTransfer, message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard message.sender == .hrss else { return .reject(.forbiddenSender) }
        // Applied already (the automatic transfer, logged with the case's registration): no lock needed.
        if try CaseTransferLog.contains(message.messageID, db: context.db) { return .ack }
        guard let caseID = CaseDirectory.normalized(command.caseID),
              let state = try CaseStore.lock(caseID, db: context.db) else { return .reject(.unknownCase) }
        let duties = try dutyList(context)
        guard let department = command.to ?? duties.responsibleDepartment(for: command.sector) else {
            return .reject(.forbiddenRecipient)
        }
        switch state.transfer(command, to: department, context: workflowContext(context)) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            try commit(transition, from: state, context: context)
            if transition.state != state {
                try CaseTransferLog.record(message.messageID, state: transition.state, automatic: false, context: context)
            }
            return .ack
        }
    }
}
