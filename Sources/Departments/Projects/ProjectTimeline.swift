import Runtime
import Store
import Messages

/// Appends to the project timeline (`wage.project_events`, read as
/// `wage.project_timeline`, CONTRACT §8) under the worker's own department (the office
/// and each regulator's copy alike), with the
/// message id and the person who acted (`x-wage-actor`, §7.9).
struct ProjectTimeline {
    let context: HandlerContext

    func append(_ projectNo: String, _ event: ProjectEvent, _ detail: JSONValue = .object([:])) throws {
        try context.db.execute(
            """
            INSERT INTO wage.project_events (project_no, department, event, detail, message_id, actor)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6)
            """,
            [projectNo, context.principal.rawValue, event.rawValue, detail.serialized, context.message?.messageID,
             context.message?.actor])
    }
}

/// The events of a project's timeline.
enum ProjectEvent: String, Sendable {
    case registered, completed
    case depositPaid = "deposit_paid", depositDrawn = "deposit_drawn", depositReleased = "deposit_released"
    case accountOpened = "account_opened", accountFunded = "account_funded", accountAlert = "account_alert"
    case accountStatement = "account_statement"
    case rosterEnrolled = "roster_enrolled"
    case payrollSubmitted = "payroll_submitted"
    case inspectionRecorded = "inspection_recorded"
    /// A case opened by the project's own data (unpaid payroll, misappropriation).
    case caseOpened = "case_opened"
    case warningRaised = "warning_raised"
    case warningCleared = "warning_cleared"
}
