import Runtime
import Messages
import Workflow

/// `wage.office_alerts`: the `incident.alert` messages the office received, and
/// their link to the case of the petition (channel `petition`, clue_ref =
/// petition_no). An alert may arrive before the petition's clue is registered:
/// it is kept unlinked and linked when that case is registered.
enum OfficeAlerts {
    /// The timeline event of an alert on its case.
    static let event = "incident_alert"

    /// Links every unlinked alert of `petitionNo` to the new case `caseID` and puts
    /// each on its timeline.
    static func link(caseID: String, petitionNo: String, context: HandlerContext) throws {
        let linked = try context.db.execute(
            """
            UPDATE wage.office_alerts SET case_id = $1::uuid WHERE petition_no = $2 AND case_id IS NULL
            RETURNING message_id, people, location, summary, sender
            """, [caseID, petitionNo]).rows
        for row in linked {
            try context.timeline(caseID: caseID, event: event, detail: .compact([
                "petition_no": .string(petitionNo), "people": .int(try row.int("people")),
                "location": try row.optionalString("location").map(JSONValue.string),
                "summary": try row.optionalString("summary").map(JSONValue.string),
                "from": try row.optionalString("sender").map(JSONValue.string),
                "alert_message_id": .string(try row.string("message_id")), "linked_later": .bool(true),
            ]))
        }
    }
}
