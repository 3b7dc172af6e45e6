import CLibPQ

extension PGConnection {
    /// Runs `body` inside `BEGIN` … `COMMIT` and returns its value.
    ///
    /// When `body` throws, the transaction is rolled back (`ROLLBACK`; its own
    /// failure, e.g. on a lost connection, is ignored; statements still queued by
    /// ``executeDeferred(_:_:)`` are dropped) and the body's error is rethrown.
    /// Queued statements are sent with `COMMIT`; the first failure among them is
    /// thrown (and the transaction rolled back). When `COMMIT` fails (deferred constraint, serialization failure,
    /// lost connection) its ``PGError`` is thrown; after a lost connection the
    /// outcome is unknown, so callers rely on idempotent effects.
    ///
    /// If a statement failed inside `body` but its error was caught there, the
    /// server turns `COMMIT` into `ROLLBACK`: this throws `25P02` so nothing is
    /// silently lost. Nested calls throw `25001` (no savepoints).
    public func transaction<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let conn = try requireHandle()
        if PQpipelineStatus(conn) != PQ_PIPELINE_OFF || PQtransactionStatus(conn) == PQTRANS_ACTIVE {
            // Left busy by a failure that could not be cleaned up: only a new session helps.
            throw PGError(sqlState: "08006", message: "the connection is busy after an earlier failure; reconnect",
                          recoverable: true)
        }
        if inTransaction {
            throw PGError(sqlState: "25001", message: "transaction() called inside an open transaction",
                          recoverable: false)
        }
        try execute("BEGIN")
        let value: T
        do {
            value = try body(self)
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
        // Statements queued with executeDeferred travel with COMMIT; when one of
        // them fails, COMMIT is skipped and the failed transaction is rolled back here.
        let commit: PGResult
        do {
            commit = try execute("COMMIT")
        } catch {
            if inTransaction { _ = try? execute("ROLLBACK") }
            throw error
        }
        if commit.commandTag == "ROLLBACK" {
            throw PGError(sqlState: "25P02",
                          message: "transaction rolled back at COMMIT: a statement inside it failed and its error was caught",
                          recoverable: false)
        }
        return value
    }
}
