import Foundation
import Runtime
import Store
import Messages
import Workflow

/// The petitions office (信访局, `worker-petitions`): registers each
/// `petition.received` with the petition machine (`PetitionState`), which turns a
/// wage-related petition into a `clue.report` to hrss and a collective visit
/// (5 or more petitioners, configurable) into an `incident.alert` to police and
/// hrss; and, as a `CaseNoticeObserver`, records the reply 答复 to the
/// petitioners when the petition's case is closed. See docs/departments.md.
public final class PetitionDesk: HandlerPart, CaseNoticeObserver {
    /// Petitioners from which a petition is a collective visit 集体访: the
    /// configuration in force (`HandlerContext.settings.collectiveVisitSize`), unless
    /// given here (tests).
    public let collectiveThreshold: Int?

    public init(collectiveThreshold: Int? = nil) {
        self.collectiveThreshold = collectiveThreshold
    }

    public let types: Set<MessageType> = [.petitionReceived]

    /// `petition.received`. A petition_no already recorded with the same content
    /// (a re-sent petition under a new message id) is acknowledged with no second
    /// effect; with a different content it is refused `invalid_state` (the record
    /// is never overwritten). Malformed fields: `schema:<field>`.
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let petition: PetitionReceived
        do { petition = try PetitionReceived(json: message.payload) } catch { return .reject(error) }
        let existing = try PetitionStore.load(petition.petitionNo, db: context.db)
        if let existing, existing.petition == petition { return .ack }
        switch PetitionState.receive(petition, existing: existing, collectiveThreshold: collectiveThreshold ?? context.settings.collectiveVisitSize,
                                     context: PetitionDesk.workflow(context)) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            try PetitionStore.insert(transition.state, messageID: message.messageID, db: context.db)
            try ActionPerformer(context: context, policy: ActionPolicy()).perform(transition.actions)
            return .ack
        }
    }

    /// A `case.notice` `closed` about a petition's case (the case in `wage.cases`
    /// with channel `petition`; its clue_ref is the petition_no): records the reply
    /// (status `replied`, `replied_at`, `reply`) and `petition_replied` on the case
    /// timeline. Anything else — another event, another channel, a petition this
    /// office does not hold, one already replied, or one never reported (not wage
    /// related) — changes nothing here (the recorder already put the notice on
    /// the timeline).
    public func observe(notice: CaseNotice, message: InboundMessage, context: HandlerContext) throws {
        guard notice.event == CaseNoticeEvent.closed.rawValue, UUID(uuidString: notice.caseID) != nil,
              let row = try context.db.execute(
                  "SELECT channel, clue_ref FROM wage.cases WHERE case_id = $1::uuid", [notice.caseID]).rows.first,
              try row.string("channel") == ClueChannel.petition.rawValue else { return }
        let petitionNo = try row.string("clue_ref")
        guard let state = try PetitionStore.load(petitionNo, db: context.db), state.status == .reported else { return }
        // The case row is the truth about which petition this is; the notice's
        // detail may lack channel/clue_ref when staff sent it by hand.
        var detail = notice.detail?.objectValue ?? [:]
        detail["channel"] = .string(ClueChannel.petition.rawValue)
        detail["clue_ref"] = .string(petitionNo)
        let matched = CaseNotice(caseID: notice.caseID, event: notice.event, notify: notice.notify, detail: .object(detail))
        guard case .success(let transition) = state.caseClosed(matched, context: PetitionDesk.workflow(context)) else { return }
        try PetitionStore.saveReply(transition.state, db: context.db)
        try ActionPerformer(context: context, policy: ActionPolicy()).perform(transition.actions)
    }

    static func workflow(_ context: HandlerContext) -> WorkflowContext {
        context.workflow
    }
}
