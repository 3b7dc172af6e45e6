import Runtime
import Messages
import Workflow

/// The office's side of `incident.alert` (a collective visit 集体访, sent by the
/// petitions office to police and hrss): the alert is stored in
/// `wage.office_alerts` (so an alert whose petition has no case yet is not lost)
/// and, when the case of the petition exists (channel `petition`, clue_ref =
/// petition_no), put on its timeline as `incident_alert`. Otherwise the link is
/// made when that case is registered (`OfficeAlerts.link`).
public final class OfficeIncidentDesk: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.incidentAlert]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let alert: IncidentAlert
        do {
            alert = try IncidentAlert(json: message.payload)
        } catch {
            return .reject(error)
        }
        let caseID = try context.db.execute(
            "SELECT case_id::text AS case_id FROM wage.cases WHERE channel = 'petition' AND clue_ref = $1",
            [alert.petitionNo]).rows.first?.string("case_id")
        try context.db.execute(
            """
            INSERT INTO wage.office_alerts (message_id, petition_no, people, location, summary, sender, received_at, case_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid) ON CONFLICT (message_id) DO NOTHING
            """,
            [message.messageID, alert.petitionNo, alert.people, alert.location, alert.summary,
             message.sender?.rawValue, context.now, caseID])
        if let caseID {
            try context.timeline(caseID: caseID, event: OfficeAlerts.event, detail: .compact([
                "petition_no": .string(alert.petitionNo), "people": .int(alert.people),
                "location": alert.location.map(JSONValue.string), "summary": alert.summary.map(JSONValue.string),
                "from": message.sender.map(JSONValue.principal),
            ]))
        }
        return .ack
    }
}
