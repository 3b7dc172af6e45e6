import Runtime
import Messages
import Workflow

/// A requester's side of legal aid: `legalaid.assigned` (in worker-hrss,
/// worker-petitions and worker-justice). When the application names a case that
/// exists, the assignment is recorded on that case's timeline under the
/// receiving department (`legal_aid_assignment_received`); otherwise the message
/// is only acknowledged (the requester's tools read `wage.legal_aid_overview`).
/// The case is found through `wage.legal_aid_overview` (readable by every
/// requester), not from `correlation_id`.
public final class LegalAidTracking: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.legalaidAssigned]

    /// The timeline event the requester records.
    public static let timelineEvent = "legal_aid_assignment_received"

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let assigned: LegalAidAssigned
        do { assigned = try LegalAidAssigned(json: message.payload) } catch { return .reject(error) }
        let row = try context.db.execute(
            "SELECT case_id FROM wage.legal_aid_overview WHERE application_no = $1 AND case_known",
            [assigned.applicationNo]).rows.first
        if let caseID = try row?.optionalString("case_id") {
            try context.timeline(caseID: caseID, event: Self.timelineEvent, detail: [
                "application_no": .string(assigned.applicationNo), "provider_id": .string(assigned.providerID),
                "provider_name": .string(assigned.providerName),
            ])
        }
        return .ack
    }
}
