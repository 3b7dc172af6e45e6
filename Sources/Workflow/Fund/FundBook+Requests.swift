import Messages
/// Requests and the government's decision.
extension FundBook {
    /// `fund.request`: reserves the amount at once when it fits in `available`
    /// (status `awaiting_approval`); otherwise records `insufficient_fund` and
    /// answers `fund.rejected` (reason `insufficient_fund`) — never an overdraft.
    /// A `request_no` already known is `invalid_state`.
    public func request(_ request: FundRequest, context: WorkflowContext) -> Outcome<FundBook> {
        guard requests[request.requestNo] == nil else { return .failure(.invalidState) }
        var next = self
        let fits = request.amount <= balance.available
        let record = FundRequestRecord(request: request, status: fits ? .awaitingApproval : .insufficientFund,
                                       requestedAt: context.now)
        next.requests[request.requestNo] = record
        if fits {
            next.balance.reserved += request.amount
            return .success(Transition(state: next, actions: [entry(record, "fund_requested")]))
        }
        return .success(Transition(state: next, actions: [
            entry(record, "fund_insufficient", ["available": .money(balance.available)]),
            answer(.fundRejected, record, amount: request.amount, reason: FundRequestStatus.insufficientFund.rawValue),
        ]))
    }

    /// `fund.decision` on a request awaiting approval (else `invalid_state`, also
    /// for an unknown `request_no`). `approved`: the reservation becomes a
    /// disbursement (fund_cash −x, advances_receivable +x), `disbursed_at` = now,
    /// hrss gets `fund.disbursed`. `rejected`: the reservation is released, hrss
    /// gets `fund.rejected` with the note as reason (or `rejected`).
    public func decide(_ decision: FundDecision, context: WorkflowContext) -> Outcome<FundBook> {
        guard var record = requests[decision.requestNo], record.status == .awaitingApproval else {
            return .failure(.invalidState)
        }
        var next = self
        next.balance.reserved -= record.amount
        record.decidedAt = context.now
        record.approver = decision.approver
        record.decisionNote = decision.note
        var actions: [Action]
        switch decision.decision {
        case .approved:
            record.status = .disbursed
            record.disbursedAt = context.now
            next.balance.disbursed += record.amount
            actions = [
                .post(LedgerTransaction(kind: .disbursement, requestNo: record.requestNo, amount: record.amount,
                                        debit: .advancesReceivable, credit: .fundCash)),
                entry(record, "fund_disbursed", ["approver": .string(decision.approver)]),
                answer(.fundDisbursed, record, amount: record.amount, reason: nil),
            ]
        case .rejected:
            record.status = .rejected
            actions = [
                entry(record, "fund_rejected", ["approver": .string(decision.approver)]),
                answer(.fundRejected, record, amount: record.amount, reason: decision.note ?? FundDecisionKind.rejected.rawValue),
            ]
        }
        next.requests[record.requestNo] = record
        return .success(Transition(state: next, actions: actions))
    }
}
