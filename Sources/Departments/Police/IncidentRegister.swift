import Runtime
import Messages
import Workflow

/// Police register of `incident.alert`s (collective visits 集体访, CONTRACT §3
/// Petitions), run by `worker-police`: one row per petition in `wage.incidents`.
///
/// The register keeps the first alert of a petition: a later alert with the same
/// `petition_no` (a new message id) is acknowledged and changes nothing (the
/// police role has no UPDATE on the register). A malformed alert is refused with
/// its `schema:` reason.
public final class IncidentRegister: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.incidentAlert]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let alert: IncidentAlert
        do { alert = try IncidentAlert(json: message.payload) } catch { return .reject(error) }
        try context.db.execute(
            """
            INSERT INTO wage.incidents (petition_no, people, location, summary, reported_by, received_at, message_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (petition_no) DO NOTHING
            """,
            [alert.petitionNo, alert.people, alert.location, alert.summary, (message.sender ?? .petitions).rawValue,
             context.now, message.messageID])
        return .ack
    }
}
