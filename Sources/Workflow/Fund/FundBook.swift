import Messages
/// The emergency revolving fund 应急周转金 as a value: running totals plus the
/// requests it knows. A handler may load only the request a message concerns;
/// the totals are kept incrementally, never recomputed from `requests`.
///
/// Event functions are in `FundBook+Requests.swift` and `FundBook+Repayment.swift`.
public struct FundBook: Sendable, Hashable {
    public var balance: FundBalance
    /// Requests by `request_no`.
    public var requests: [String: FundRequestRecord]

    public init(balance: FundBalance = FundBalance(), requests: [String: FundRequestRecord] = [:]) {
        self.balance = balance
        self.requests = requests
    }

    /// `fund.deposit`: money in (postings budget −x, fund_cash +x). Always accepted.
    public func deposit(_ deposit: FundDeposit, context: WorkflowContext) -> Transition<FundBook> {
        var next = self
        next.balance.deposited += deposit.amount
        return Transition(state: next, actions: [
            .post(LedgerTransaction(kind: .deposit, requestNo: nil, amount: deposit.amount, debit: .fundCash, credit: .budget)),
        ])
    }

    /// A timeline entry under finance on the request's case.
    func entry(_ record: FundRequestRecord, _ event: String, _ detail: [String: JSONValue] = [:]) -> Action {
        var detail = detail
        detail["request_no"] = .string(record.requestNo)
        detail["amount"] = .money(record.amount)
        detail["status"] = .string(record.status.rawValue)
        return .appendTimeline(TimelineEntry(caseID: record.request.caseID, department: .finance, event: event, detail: .object(detail)))
    }

    /// A `fund.disbursed` or `fund.rejected` to hrss.
    func answer(_ type: MessageType, _ record: FundRequestRecord, amount: Money, reason: String?) -> Action {
        let suffix = type == .fundDisbursed ? "disbursed" : "rejected"
        return .send(FollowUpMessage(type: type, recipients: [.hrss],
                                     payload: FundAnswer(requestNo: record.requestNo, amount: amount, reason: reason).json,
                                     idSuffix: suffix, correlationID: record.request.caseID))
    }
}
