import Store

extension MessageProcessor {
    /// Applies several messages in ONE transaction (one commit for all), as the
    /// plan (`BatchPlan`) says: all or nothing, with a savepoint per message, or
    /// each alone. Results are in the order of `messages`.
    ///
    /// All or nothing uses no savepoint: in the common case every message
    /// applies and the batch costs no round trip more than its statements. With
    /// savepoints, each message runs inside the savepoint `message`, so that a
    /// refusal or failure rolls back only that message (`RELEASE` and the next
    /// `SAVEPOINT` travel in one round trip).
    public func process(batch messages: [InboundMessage]) throws -> [ProcessingResult] {
        var action = plan.batchReceived(count: messages.count)
        while true {
            switch action {
            case .applyEachAlone:
                return try messages.map(process)
            case .applyAllOrNothing:
                if let results = try allOrNothing(messages) { return results }
                action = plan.allOrNothingRolledBack()
            case .applyWithSavepoints:
                if let results = try withSavepoints(messages) { return results }
                action = plan.savepointBatchFailedAtCommit()
            }
        }
    }

    /// Every message of the batch applied in one transaction, or `nil` (rolled
    /// back) when one was refused or failed.
    func allOrNothing(_ messages: [InboundMessage]) throws -> [ProcessingResult]? {
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

    /// The batch in one transaction, each message in its own savepoint, or
    /// `nil` (rolled back) when the commit failed.
    func withSavepoints(_ messages: [InboundMessage]) throws -> [ProcessingResult]? {
        do {
            return try db.transaction { db in
                var results: [ProcessingResult] = []
                results.reserveCapacity(messages.count)
                try db.execute("SAVEPOINT message")
                for (index, message) in messages.enumerated() {
                    if index > 0 { try db.execute("RELEASE SAVEPOINT message; SAVEPOINT message") }
                    results.append(try applyInSavepoint(message, db: db))
                }
                return results
            }
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            logger.notice("batch commit failed; applying its messages one by one", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// One message of a batch, inside the open savepoint `message`. After a
    /// failure its savepoint is rolled back; at the attempt limit its refusal
    /// is recorded in the same savepoint.
    func applyInSavepoint(_ message: InboundMessage, db: PGConnection) throws -> ProcessingResult {
        let attempt = try resultOrFailure({ try apply(message, db: db, flush: true) }, refused: { reason in
            try db.execute("ROLLBACK TO SAVEPOINT message")
            return try recordRefusal(message, reason: reason, db: db)
        })
        guard case .failure(let failure) = attempt else { return try attempt.get() }
        try db.execute("ROLLBACK TO SAVEPOINT message")
        return try afterFailure(message, failure, refuse: { failure in try refuseAtLimit(message, failure, db: db) },
                                undoRefusal: { try db.execute("ROLLBACK TO SAVEPOINT message") })
    }
}
