import Messages
/// Something the handler must do, in the same database transaction, after an
/// event function accepted an event: append to the timeline, publish a message
/// through the outbox, or write balanced ledger postings.
public enum Action: Sendable, Hashable {
    case appendTimeline(TimelineEntry)
    case send(FollowUpMessage)
    case post(LedgerTransaction)
}

/// The result of an accepted event: the new state and the actions to perform.
public struct Transition<State: Sendable>: Sendable {
    public var state: State
    public var actions: [Action]

    public init(state: State, actions: [Action] = []) {
        self.state = state
        self.actions = actions
    }

    /// The timeline entries among `actions`, in order.
    public var timeline: [TimelineEntry] {
        actions.compactMap { if case .appendTimeline(let e) = $0 { return e } else { return nil } }
    }

    /// The messages among `actions`, in order.
    public var messages: [FollowUpMessage] {
        actions.compactMap { if case .send(let m) = $0 { return m } else { return nil } }
    }

    /// The ledger transactions among `actions`, in order.
    public var ledger: [LedgerTransaction] {
        actions.compactMap { if case .post(let t) = $0 { return t } else { return nil } }
    }
}

extension Transition: Equatable where State: Equatable {}

/// What an event function returns: a rejection (CONTRACT §5) or a transition.
public typealias Outcome<State: Sendable> = Result<Transition<State>, RejectionReason>
