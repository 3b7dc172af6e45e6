import Foundation
import Logging
import Runtime
import Store
import Messages
import Workflow

/// A regulator's copy of its projects (its 台账, CONTRACT §8), a part of the sector
/// worker (`Workers.sector`): every project message the duty list copies to the
/// regulator (registration, completion, deposit draws and release, the special
/// account, inspections) updates `wage.department_projects` (its own rows, RLS) and
/// goes on the project timeline under the regulator's name.
///
/// The office decides (`ProjectDesk`); the copy follows its verdict like the credit
/// copy: it waits up to `verdictWait` seconds for the office to apply (an hrss entry
/// of the same message on the project timeline) or refuse the message, records it
/// when applied, acknowledges it with no effect when refused, and retries later while
/// the office has not decided. So a regulator never sees a draw the office refused.
public final class SectorProjectCopy: HandlerPart {
    public let principal: Principal
    /// Seconds to wait for the office's verdict before retrying later.
    public let verdictWait: Double
    let logger = Logger(label: "worker-sector.projects")

    public init(principal: Principal, verdictWait: Double = 5) {
        self.principal = principal
        self.verdictWait = verdictWait
    }

    public let types: Set<MessageType> = [
        .projectRegister, .projectCompleted, .depositDrawn, .depositReleased, .accountOpened, .accountFunded, .accountAlert,
        .inspectionRecorded,
    ]

    /// The timeline event of each copied message type (the office's own names).
    static let events: [MessageType: ProjectEvent] = [
        .projectRegister: .registered, .projectCompleted: .completed, .depositDrawn: .depositDrawn,
        .depositReleased: .depositReleased, .accountOpened: .accountOpened, .accountFunded: .accountFunded,
        .accountAlert: .accountAlert, .inspectionRecorded: .inspectionRecorded,
    ]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard let projectNo = message.payload["project_no"]?.stringValue else { return .reject(.schema("project_no")) }
        switch try OfficeProjectVerdict.awaited(messageID: message.messageID, db: context.db, timeout: verdictWait) {
        case .pending:
            return .retryLater("the office has not applied \(message.messageID) yet")
        case .refused(let reason):
            logger.info("the office refused it: no copy", metadata: ["message_id": "\(message.messageID)", "reason": "\(reason.code)"])
            return .ack
        case .applied:
            guard let event = message.type.flatMap({ Self.events[$0] }) else { return .reject(.unknownType) }
            try record(projectNo, event: event, message: message, context: context)
            return .ack
        }
    }

    /// Copies the project's register row as the office holds it now, with the event.
    private func record(_ projectNo: String, event: ProjectEvent, message: InboundMessage, context: HandlerContext) throws {
        try context.db.execute(
            """
            INSERT INTO wage.department_projects AS d (department, project_no, name, contractor_name, contractor_credit_code,
                status, last_event, last_event_at)
            SELECT $1, p.project_no, p.name, p.contractor_name, p.contractor_credit_code, p.status, $3, $4
            FROM wage.projects p WHERE p.project_no = $2
            ON CONFLICT (department, project_no) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status,
                contractor_name = EXCLUDED.contractor_name, contractor_credit_code = EXCLUDED.contractor_credit_code,
                last_event = EXCLUDED.last_event, last_event_at = EXCLUDED.last_event_at
            """, [principal.rawValue, projectNo, event.rawValue, context.now])
        try ProjectTimeline(context: context).append(projectNo, event, ["received_from": "hrss"])
    }
}

/// The office's verdict on a project message: applied (its event on the project
/// timeline), refused (`wage.rejections` by hrss), or not decided yet.
enum OfficeProjectVerdict: Equatable {
    case applied
    case refused(RejectionReason)
    case pending

    /// Polled until known or `timeout` seconds passed (blocks the consumer thread, keeps the queue's order).
    static func awaited(messageID: String, db: PGConnection, timeout: Double) throws -> OfficeProjectVerdict {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let verdict = try of(messageID: messageID, db: db)
            if verdict != .pending || Date() >= deadline { return verdict }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    static func of(messageID: String, db: PGConnection) throws -> OfficeProjectVerdict {
        if !(try db.execute("SELECT 1 FROM wage.project_events WHERE message_id = $1 AND department = 'hrss' LIMIT 1",
                            [messageID]).rows.isEmpty) {
            return .applied
        }
        let refusal = try db.execute(
            "SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'hrss'", [messageID]).rows.first
        if let code = try refusal?.string("reason"), let reason = RejectionReason(code: code), reason != .processingFailed {
            return .refused(reason)
        }
        return .pending
    }
}
