import Duties
import Runtime
import Messages
import Workflow

/// The office's returns desk (信息互通, seed 003 二(三)5; docs/reports.md), a part of
/// `worker-hrss`: records each department's `report.submitted`, and in the office's
/// sweep expects the returns of the month just ended and reminds the owing
/// department once of a return still missing after its due day (`report.reminder`).
///
/// A return's kind, owner, due day and figures come from the duty list in force
/// (`report_kinds`). The router already checked them; the desk checks again, so a
/// message routed under another version is refused, not half-recorded: an unknown
/// kind `schema:kind`, a sender that does not owe it `forbidden_sender`, figures the
/// kind does not define `schema:figures.<key>`. A second return of the same month and
/// kind is a correction: the figures are replaced, the first submission's time stays
/// (lateness is judged on it) and `revisions` counts the corrections.
public final class ReturnsDesk: HandlerPart {
    let dutyLists = DutyListCache()

    public init() {}

    public let types: Set<MessageType> = [.reportSubmitted]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let submitted: ReportSubmitted
        do { submitted = try ReportSubmitted(json: message.payload) } catch { return .reject(error) }
        guard let list = try dutyLists.current(context.db) else { throw CaseOffice.NoDutyListInForce() }
        guard let kind = list.reportKinds[submitted.kind] else { return .reject(.schema("kind")) }
        guard let sender = message.sender, kind.sender == sender else { return .reject(.forbiddenSender) }
        if let problem = kind.figuresProblem(.object(submitted.figures), path: "figures") { return .reject(.schema(problem)) }
        if let problem = ReportSubmitted.crossFieldProblem(in: message.payload, today: context.today) {
            return .reject(.schema(problem))
        }
        let store = ReturnsStore(db: context.db)
        let revision = try store.record(submitted, kind: kind, due: due(of: kind, submitted.month, context),
                                        messageID: message.messageID, actor: message.actor, dutyListVersion: list.version)
        context.logger.info("department return recorded", metadata: [
            "month": "\(submitted.month)", "kind": "\(kind.code)", "department": "\(kind.owner)",
            "revision": "\(revision)"])
        return .ack
    }

    /// The sweep's part (called by `CaseOffice` with its as-of day): the returns of the
    /// month before `asOf` are expected; those missing past their due day are reminded once.
    func sweep(asOf: Day, context: HandlerContext) throws {
        guard let list = try dutyLists.current(context.db) else { return }
        let store = ReturnsStore(db: context.db)
        let month = ReturnDue.reportedMonth(dueIn: asOf)
        for kind in list.reportKinds.values.sorted(by: { $0.code < $1.code }) where kind.due != .anyTime {
            try store.expect(month, kind: kind, due: due(of: kind, month, context), dutyListVersion: list.version)
        }
        let missing = try store.lockMissing(dueBefore: asOf)
        for row in missing {
            var messageID: String?
            if row.enteredBy == nil, let department = Principal(rawValue: row.department) {
                let reminder = ReportReminder(department: department, month: row.month, kind: row.kind, dueOn: row.dueOn)
                let suffix = "report-reminder-\(row.month.iso)-\(row.kind)"
                messageID = context.send(.reportReminder, reminder.json, suffix: suffix)
            }
            try store.markReminded(row.month, kind: row.kind, messageID: messageID)
        }
        if !missing.isEmpty {
            context.logger.notice("department returns missing after their due day", metadata: [
                "as_of": "\(asOf)", "count": "\(missing.count)",
                "returns": "\(missing.map { "\($0.month.iso)/\($0.kind)/\($0.department)" }.joined(separator: ","))"])
        }
    }

    private func due(of kind: ReportKind, _ month: Month, _ context: HandlerContext) -> (Day?, Bool) {
        (kind.due.dueOn(month), kind.due.fallsOnRestDay(month, calendar: context.calendar))
    }
}
