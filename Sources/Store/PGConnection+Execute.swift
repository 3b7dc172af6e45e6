import CLibPQ

extension PGConnection {
    /// Runs one statement and returns its rows and affected-row count.
    ///
    /// With parameters, the SQL goes through the per-connection prepared-statement
    /// cache keyed by SQL text: `PQprepare` on first use (parameter types inferred
    /// by the server; add casts like `$1::bigint` where ambiguous), then
    /// `PQexecPrepared`. Parameters are sent in text format, never spliced into SQL.
    ///
    /// With no parameters the SQL runs through `PQexec` (simple protocol, not
    /// cached): it may hold several commands separated by `;` (only the last
    /// command's result is returned), e.g. DDL or `BEGIN`/`COMMIT`.
    ///
    /// A cached statement the server no longer knows (`26000`, e.g. after
    /// `DISCARD ALL`) is re-prepared and retried once outside a transaction;
    /// `26000`/`0A000` errors evict it so the next call re-prepares.
    ///
    /// Statements queued by ``executeDeferred(_:_:)`` go first, in the same round
    /// trip (``runPipeline(then:)``), and the first failure among them is thrown
    /// here; a `ROLLBACK` (also `ROLLBACK TO SAVEPOINT`) discards them instead,
    /// since they belong to the work it undoes.
    @discardableResult
    public func execute(_ sql: String, _ params: [any PGBindable] = []) throws -> PGResult {
        let conn = try requireHandle()
        if !deferred.isEmpty {
            if Self.isRollback(sql) {
                deferred.removeAll()
            } else if params.isEmpty && sql.contains(";") {
                try flushDeferred()  // several commands: simple protocol, which a pipeline cannot carry
            } else {
                let texts = try Self.parameterTexts(params)
                let statement = PipelinedStatement(sql: sql, texts: texts, prepared: !params.isEmpty)
                guard let result = try runPipeline(then: statement) else { throw PGError.noConnection }
                return result
            }
        }
        if params.isEmpty {
            let res = try LibPQ.check(PQexec(conn, sql), conn)
            defer { PQclear(res) }
            return PGResult(copying: res)
        }
        let texts = try Self.parameterTexts(params)
        let wasCached = statements[sql] != nil
        return try withCStringArray(texts) { values in
            do {
                return try runPrepared(conn, sql, values)
            } catch let error as PGError where error.sqlState == "26000" && wasCached {
                guard !inTransaction else { throw error }
                return try runPrepared(conn, sql, values)
            }
        }
    }

    /// The parameters as text (`nil` = SQL NULL); text holding NUL is refused (`22021`).
    static func parameterTexts(_ params: [any PGBindable]) throws -> [String?] {
        try params.enumerated().map { index, param -> String? in
            let text = param.pgText
            if let text, text.utf8.contains(0) {
                throw PGError(sqlState: "22021", message: "parameter $\(index + 1) contains a NUL character",
                              recoverable: false)
            }
            return text
        }
    }

    /// `ROLLBACK` or `ROLLBACK TO [SAVEPOINT] …` (not `ROLLBACK PREPARED`).
    static func isRollback(_ sql: String) -> Bool {
        let words = sql.uppercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == ";" })
        return words.first == "ROLLBACK" && words.dropFirst().first != "PREPARED"
    }

    /// Same as ``execute(_:_:)``, returning only the rows.
    public func query(_ sql: String, _ params: [any PGBindable] = []) throws -> [PGRow] {
        try execute(sql, params).rows
    }

    /// Runs `sql` as a cached prepared statement (or unnamed once the cache is full).
    private func runPrepared(_ conn: OpaquePointer, _ sql: String, _ values: [UnsafePointer<CChar>?]) throws -> PGResult {
        let count = Int32(values.count)
        let raw: OpaquePointer?
        if let name = try preparedName(conn, sql) {
            raw = PQexecPrepared(conn, name, count, values, nil, nil, 0)
        } else {
            raw = PQexecParams(conn, sql, count, nil, values, nil, nil, 0)
        }
        let res: OpaquePointer
        do {
            res = try LibPQ.check(raw, conn)
        } catch let error as PGError {
            if error.sqlState == "26000" || error.sqlState == "0A000" { statements[sql] = nil }
            throw error
        }
        defer { PQclear(res) }
        return PGResult(copying: res)
    }

    /// The server-side name for `sql`, preparing it on first use; nil when the cache is full.
    func preparedName(_ conn: OpaquePointer, _ sql: String) throws -> String? {
        if let name = statements[sql] { return name }
        guard statements.count < statementCacheCapacity else { return nil }
        statementCounter += 1
        let name = "store_\(statementCounter)"
        PQclear(try LibPQ.check(PQprepare(conn, name, sql, 0, nil), conn))
        statements[sql] = name
        return name
    }
}
