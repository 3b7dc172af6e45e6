import Runtime
import Messages
import Workflow

/// `report.reminder` for the departments that owe returns (docs/reports.md): the
/// office reminds the department of a return still missing after its due day; the
/// worker records it in `wage.report_reminders` under its own name, once per message,
/// and logs it so the department's staff see it.
///
/// Refusals: a malformed payload `schema:<field>`; a reminder addressed to another
/// department `forbidden_recipient`.
public final class ReportReminderRecorder: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.reportReminder]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let reminder: ReportReminder
        do { reminder = try ReportReminder(json: message.payload) } catch { return .reject(error) }
        guard reminder.department == context.principal else { return .reject(.forbiddenRecipient) }
        try context.db.execute(
            """
            INSERT INTO wage.report_reminders (message_id, month, kind, due_on) VALUES ($1, $2, $3, $4::date)
            ON CONFLICT DO NOTHING
            """, [message.messageID, reminder.month.iso, reminder.kind, reminder.dueOn.iso])
        context.logger.notice("reminded of a missing department return", metadata: [
            "month": "\(reminder.month)", "kind": "\(reminder.kind)", "due_on": "\(reminder.dueOn)"])
        return .ack
    }
}
