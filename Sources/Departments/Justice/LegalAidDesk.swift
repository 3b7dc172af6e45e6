import Runtime
import Messages
import Workflow

/// The legal-aid green channel (法律援助, seed 004 第十六条) in `worker-justice`:
/// `legalaid.request`, `legalaid.provider`, `legalaid.decision`.
///
/// Each message loads the legal-aid book (`LegalAidStore`), applies the event of
/// the Workflow machine (`LegalAidBook`), writes the changes back and performs
/// the actions (`legalaid.assigned` to the requester, timeline entries under
/// justice), all in the message's transaction. Rules and decisions:
/// docs/legal-aid.md.
public final class LegalAidDesk: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.legalaidRequest, .legalaidProvider, .legalaidDecision]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        switch message.type {
        case .legalaidRequest?:
            guard let requester = message.sender else { return .reject(.forbiddenSender) }
            let request: LegalAidRequest
            do { request = try LegalAidRequest(json: message.payload) } catch { return .reject(error) }
            return try apply(message, context: context, applicationNo: request.applicationNo) { book, ctx in
                book.request(canonical(request), from: requester, context: ctx)
            }
        case .legalaidProvider?:
            let update: LegalAidProviderUpdate
            do { update = try LegalAidProviderUpdate(json: message.payload) } catch { return .reject(error) }
            return try apply(message, context: context, applicationNo: nil, touching: update.providerID) { book, ctx in
                .success(book.updateProvider(update, context: ctx))
            }
        case .legalaidDecision?:
            let decision: LegalAidDecision
            do { decision = try LegalAidDecision(json: message.payload) } catch { return .reject(error) }
            return try apply(message, context: context, applicationNo: decision.applicationNo) { book, ctx in
                book.decide(decision, context: ctx)
            }
        default:
            return .reject(.unknownType)
        }
    }

    /// Lock, load, apply `event`, save, perform; a refused event changes nothing.
    private func apply(_ message: InboundMessage, context: HandlerContext, applicationNo: String?, touching provider: String? = nil,
                       _ event: (LegalAidBook, WorkflowContext) -> Outcome<LegalAidBook>) throws -> Disposition {
        try LegalAidStore.lock(context.db)
        let book = try LegalAidStore.load(applicationNo: applicationNo, db: context.db)
        switch event(book, context.workflow) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            try LegalAidStore.save(transition.state, over: book, touched: provider, messageID: message.messageID, db: context.db)
            try ActionPerformer(context: context, policy: LegalAidDesk.actionPolicy).perform(transition.actions)
            return .ack
        }
    }

    /// The request with a uuid `case_id` in canonical form (matches `wage.cases`).
    private func canonical(_ request: LegalAidRequest) -> LegalAidRequest {
        var r = request
        r.caseID = r.caseID.map { CaseDirectory.normalized($0) ?? $0 }
        return r
    }
}
