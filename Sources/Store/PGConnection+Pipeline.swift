import CLibPQ

/// A statement travelling in a pipeline: its SQL, its parameters as text, and
/// whether it goes through the prepared-statement cache (parameterless
/// statements such as `COMMIT` run unnamed).
struct PipelinedStatement {
    let sql: String
    let texts: [String?]
    let prepared: Bool
}

extension PGConnection {
    /// Most statements held back before they are sent anyway.
    static let maxDeferred = 64

    /// Queues a statement whose result the caller does not need (an `INSERT` or
    /// `UPDATE` whose row count does not matter). It is sent, in order, in the
    /// same round trip as the next ``execute(_:_:)`` (libpq pipeline mode), or by
    /// ``flushDeferred()``; a failure of it is thrown by that call, and the
    /// transaction is then failed as after any failed statement. A `ROLLBACK`
    /// discards queued statements. Parameterless SQL runs at once.
    public func executeDeferred(_ sql: String, _ params: [any PGBindable]) throws {
        guard !params.isEmpty else {
            try execute(sql)
            return
        }
        _ = try requireHandle()
        deferred.append(PipelinedStatement(sql: sql, texts: try Self.parameterTexts(params), prepared: true))
        if deferred.count >= Self.maxDeferred { try flushDeferred() }
    }

    /// Sends the queued statements now (one round trip); throws the first failure.
    public func flushDeferred() throws {
        guard !deferred.isEmpty else { return }
        _ = try runPipeline(then: nil)
    }

    /// Statements queued and not sent yet.
    public var deferredCount: Int { deferred.count }

    /// Sends every queued statement and then `last` in one pipeline, reads all
    /// results, and returns `last`'s. After the first failure the server skips
    /// the rest up to the sync point (`PGRES_PIPELINE_ABORTED`); that failure is
    /// thrown. Statements not prepared yet are prepared first (one round trip
    /// each, once per connection).
    func runPipeline(then last: PipelinedStatement?) throws -> PGResult? {
        let conn = try requireHandle()
        let items = deferred + (last.map { [$0] } ?? [])
        deferred.removeAll()
        let names = try items.map { $0.prepared ? try preparedName(conn, $0.sql) : nil }
        guard PQenterPipelineMode(conn) == 1 else { throw Self.unusable(conn, LibPQ.connectionError(conn)) }
        let result: PGResult?
        do {
            result = try sendAndRead(conn, items, names, wantsLast: last != nil)
        } catch let error as PGError {
            throw Self.unusable(conn, error)
        }
        guard PQexitPipelineMode(conn) == 1 else {
            throw Self.unusable(conn, PGError(sqlState: nil, message: "could not leave pipeline mode", recoverable: false))
        }
        return result
    }

    /// After a failed pipeline: a connection that is lost, or stuck inside the
    /// pipeline with results it could not read, cannot run another statement; its
    /// failure is reported as a lost connection (`08006`, recoverable) so the
    /// caller reconnects instead of retrying on it. An ordinary statement error
    /// (all results read) is returned as it is.
    static func unusable(_ conn: OpaquePointer, _ error: PGError) -> PGError {
        if PQpipelineStatus(conn) != PQ_PIPELINE_OFF { _ = PQexitPipelineMode(conn) }
        let stuck = PQpipelineStatus(conn) != PQ_PIPELINE_OFF || PQtransactionStatus(conn) == PQTRANS_ACTIVE
        guard PQstatus(conn) == CONNECTION_BAD || stuck, !error.isConnectionFailure else { return error }
        return PGError(sqlState: "08006", message: "connection unusable after a failed pipeline: \(error.message)",
                       recoverable: true)
    }

    /// Sends `items` and a sync point, then reads every result (see ``runPipeline(then:)``).
    private func sendAndRead(_ conn: OpaquePointer, _ items: [PipelinedStatement], _ names: [String?],
                             wantsLast: Bool) throws -> PGResult? {
        for (item, name) in zip(items, names) {
            let sent = withCStringArray(item.texts) { values -> Int32 in
                let count = Int32(values.count)
                if let name { return PQsendQueryPrepared(conn, name, count, values, nil, nil, 0) }
                return PQsendQueryParams(conn, item.sql, count, nil, values, nil, nil, 0)
            }
            guard sent == 1 else { throw LibPQ.connectionError(conn) }
        }
        guard PQpipelineSync(conn) == 1 else { throw LibPQ.connectionError(conn) }
        var firstError: PGError?
        var lastResult: PGResult?
        for (index, item) in items.enumerated() {
            guard let raw = PQgetResult(conn) else { throw LibPQ.connectionError(conn) }
            if PQresultStatus(raw) == PGRES_PIPELINE_ABORTED {
                PQclear(raw)
            } else {
                do {
                    let result = try LibPQ.check(raw, conn)
                    if wantsLast, index == items.count - 1 { lastResult = PGResult(copying: result) }
                    PQclear(result)
                } catch let error as PGError {
                    if error.sqlState == "26000" || error.sqlState == "0A000" { statements[item.sql] = nil }
                    if firstError == nil { firstError = error }
                }
            }
            while let end = PQgetResult(conn) { PQclear(end) }  // each command's results end with NULL
        }
        guard let sync = PQgetResult(conn) else { throw LibPQ.connectionError(conn) }
        let synced = PQresultStatus(sync) == PGRES_PIPELINE_SYNC
        PQclear(sync)
        if let firstError { throw firstError }
        guard synced else {
            throw PGError(sqlState: nil, message: "pipeline ended without its sync point", recoverable: false)
        }
        return lastResult
    }
}
