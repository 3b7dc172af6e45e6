import Runtime
import Messages
import Workflow

/// Performs the actions the petition machine returns, inside the message's
/// transaction: follow-ups go to the outbox, timeline entries to `case_events`.
enum PetitionEffects {
    /// An action this worker cannot perform (a programming error, never input).
    struct Unsupported: Error, CustomStringConvertible {
        let what: String
        var description: String { "petitions worker cannot perform: \(what)" }
    }

    static func perform(_ actions: [Action], context: HandlerContext) throws {
        for action in actions {
            switch action {
            case .send(let m):
                context.send(m.type, m.payload, suffix: m.idSuffix, correlationID: m.correlationID)
            case .appendTimeline(let entry):
                guard entry.department == context.principal else {
                    throw Unsupported(what: "timeline entry under \(entry.department.rawValue)")
                }
                try context.timeline(caseID: entry.caseID, event: entry.event, detail: entry.detail)
            case .post:
                throw Unsupported(what: "ledger posting")
            }
        }
    }
}
