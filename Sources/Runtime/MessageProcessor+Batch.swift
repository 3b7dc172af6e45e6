import Store

extension MessageProcessor {
    /// Applies several messages in ONE transaction (one commit for all).
    /// Outcomes are in the order of `messages`.
    ///
    /// First all or nothing, with no savepoints: in the common case every message
    /// applies and the batch costs no round trip more than its statements. When
    /// one is refused or fails, that transaction is rolled back and the batch is
    /// applied again with each message inside the savepoint `message`, so that
    /// the refusal or failure rolls back only that message (`RELEASE` and the next
    /// `SAVEPOINT` travel in one round trip); the next `savepointBatches` batches
    /// then use savepoints straight away. When the commit itself fails (e.g. a
    /// deferred constraint), every message is applied again on its own.
    public func process(batch messages: [InboundMessage]) throws -> [Outcome] {
        guard messages.count > 1 else { return try messages.map(process) }
        if savepointBatchesLeft > 0 {
            savepointBatchesLeft -= 1
        } else if let outcomes = try allOrNothing(messages) {
            return outcomes
        } else {
            savepointBatchesLeft = Self.savepointBatches
        }
        return try withSavepoints(messages)
    }

    /// Batches applied with savepoints after an all-or-nothing attempt was rolled back.
    static let savepointBatches = 20

    /// Every message of the batch applied in one transaction, or `nil` (rolled
    /// back) when one was refused or failed.
    func allOrNothing(_ messages: [InboundMessage]) throws -> [Outcome]? {
        do {
            return try db.transaction { db in try messages.map { try apply($0, db: db) } }
        } catch is Refusal {
            return nil
        } catch is Failure {
            return nil
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            return nil
        }
    }

    /// The batch in one transaction, each message in its own savepoint.
    func withSavepoints(_ messages: [InboundMessage]) throws -> [Outcome] {
        do {
            return try db.transaction { db in
                var outcomes: [Outcome] = []
                outcomes.reserveCapacity(messages.count)
                try db.execute("SAVEPOINT message")
                for (index, message) in messages.enumerated() {
                    if index > 0 { try db.execute("RELEASE SAVEPOINT message; SAVEPOINT message") }
                    outcomes.append(try applyInSavepoint(message, db: db))
                }
                return outcomes
            }
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            logger.notice("batch commit failed; applying its messages one by one", metadata: ["error": "\(error)"])
            return try messages.map(process)
        }
    }

    /// One message of a batch, inside the open savepoint `message`.
    func applyInSavepoint(_ message: InboundMessage, db: PGConnection) throws -> Outcome {
        let attempt = try outcomeOrFailure({ try apply(message, db: db, flush: true) }, refused: { reason in
            try db.execute("ROLLBACK TO SAVEPOINT message")
            return try recordRefusal(message, reason: reason, db: db)
        })
        guard case .failure(let failure) = attempt else { return try attempt.get() }
        try db.execute("ROLLBACK TO SAVEPOINT message")
        return try afterFailure(message, failure, db: db)
    }

    /// In a batch, after the message's savepoint was rolled back: retry it, or at
    /// the attempt limit record its refusal (in the same savepoint).
    func afterFailure(_ message: InboundMessage, _ failure: Failure, db: PGConnection) throws -> Outcome {
        guard isLastAttempt(message) else { return failure.outcome(logger: logger, message: message) }
        do {
            return try refuseAtLimit(message, failure, db: db)
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            try db.execute("ROLLBACK TO SAVEPOINT message")
            return Failure.transaction(error).outcome(logger: logger, message: message)
        }
    }
}
