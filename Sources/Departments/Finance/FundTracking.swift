import Runtime
import Store
import Messages
import Workflow

/// The office's side of the fund (worker-hrss): finance's answers `fund.disbursed`
/// and `fund.rejected` go on the case timeline under hrss, as events
/// `fund_disbursed` / `fund_rejected` with `request_no`, `amount` and `reason`.
///
/// The case is found through the request (`wage.fund_overview`, which hrss may
/// read). An answer naming a request finance does not know is refused
/// `unknown_case` (finance commits the request before its answer is published,
/// so this is never a matter of waiting).
public final class FundTracking: HandlerPart {
    public init() {}

    public let types: Set<MessageType> = [.fundDisbursed, .fundRejected]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let answer: FundAnswer
        do { answer = try FundAnswer(json: message.payload) } catch { return .reject(error) }
        guard let row = try context.db.execute(
            "SELECT case_id::text AS case_id FROM wage.fund_overview WHERE request_no = $1",
            [answer.requestNo]).rows.first else { return .reject(.unknownCase) }
        let event = message.type == .fundDisbursed ? "fund_disbursed" : "fund_rejected"
        let detail: JSONValue = .compact([
            "request_no": .string(answer.requestNo), "amount": .money(answer.amount),
            "reason": answer.reason.map(JSONValue.string), "by": .string(Principal.finance.rawValue),
        ])
        try context.timeline(caseID: try row.string("case_id"), event: event, detail: detail)
        return .ack
    }
}
