import Messages
/// Recovery 追偿 and write-off 核销 of disbursed advances.
extension FundBook {
    /// `fund.recovered`: only on a disbursed or partially recovered request and for
    /// at most what is outstanding (else `invalid_state`). Postings fund_cash +x,
    /// advances_receivable −x; status `recovered` when nothing is left, else
    /// `partially_recovered`.
    public func recover(_ recovery: FundRecovered, context: WorkflowContext) -> Outcome<FundBook> {
        guard var record = requests[recovery.requestNo],
              record.status == .disbursed || record.status == .partiallyRecovered,
              recovery.amount <= record.outstanding else { return .failure(.invalidState) }
        var next = self
        record.recovered += recovery.amount
        record.status = record.outstanding == .zero ? .recovered : .partiallyRecovered
        next.balance.recovered += recovery.amount
        next.requests[record.requestNo] = record
        return .success(Transition(state: next, actions: [
            .post(LedgerTransaction(kind: .recovery, requestNo: record.requestNo, amount: recovery.amount,
                                    debit: .fundCash, credit: .advancesReceivable)),
            entry(record, "fund_recovered", ["recovered": .money(recovery.amount), "outstanding": .money(record.outstanding)]),
        ]))
    }

    /// `fund.writeoff`: writes off exactly what is outstanding, only when something
    /// is (disbursed or partially recovered) and only from one year after
    /// disbursement (`now ≥ writeOffAllowedFrom`); else `invalid_state`. Postings
    /// written_off +x, advances_receivable −x; status `written_off`.
    public func writeOff(_ writeoff: FundWriteoff, context: WorkflowContext) -> Outcome<FundBook> {
        guard var record = requests[writeoff.requestNo],
              record.status == .disbursed || record.status == .partiallyRecovered,
              let allowedFrom = record.writeOffAllowedFrom, context.now >= allowedFrom else { return .failure(.invalidState) }
        let amount = record.outstanding
        guard amount > .zero else { return .failure(.invalidState) }
        var next = self
        record.writtenOff += amount
        record.writtenOffAt = context.now
        record.status = .writtenOff
        next.balance.writtenOff += amount
        next.requests[record.requestNo] = record
        return .success(Transition(state: next, actions: [
            .post(LedgerTransaction(kind: .writeoff, requestNo: record.requestNo, amount: amount,
                                    debit: .writtenOff, credit: .advancesReceivable)),
            entry(record, "fund_written_off", ["written_off": .money(amount), "approver": .string(writeoff.approver),
                                               "reason": .string(writeoff.reason)]),
        ]))
    }
}
