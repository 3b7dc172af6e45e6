extension PGConnection {
    /// Runs `body` inside `BEGIN` … `COMMIT` and returns its value.
    ///
    /// When `body` throws, the transaction is rolled back (`ROLLBACK`; its own
    /// failure, e.g. on a lost connection, is ignored) and the body's error is
    /// rethrown. When `COMMIT` fails (deferred constraint, serialization failure,
    /// lost connection) its ``PGError`` is thrown; after a lost connection the
    /// outcome is unknown, so callers rely on idempotent effects.
    ///
    /// If a statement failed inside `body` but its error was caught there, the
    /// server turns `COMMIT` into `ROLLBACK`: this throws `25P02` so nothing is
    /// silently lost. Nested calls throw `25001` (no savepoints).
    public func transaction<T>(_ body: (PGConnection) throws -> T) throws -> T {
        _ = try requireHandle()
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
        let commit = try execute("COMMIT")
        if commit.commandTag == "ROLLBACK" {
            throw PGError(sqlState: "25P02",
                          message: "transaction rolled back at COMMIT: a statement inside it failed and its error was caught",
                          recoverable: false)
        }
        return value
    }
}
