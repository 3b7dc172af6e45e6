import CLibPQ
import Foundation

/// One PostgreSQL connection over libpq (blocking).
///
/// Not `Sendable`: create it on, and use it from, one dedicated thread (never
/// Swift's cooperative pool). Every value reaches the server as a parameter;
/// there is no API that splices values into SQL. NOTICE/WARNING messages are
/// dropped (libpq would print them to stderr).
///
/// After an error with ``PGError/recoverable`` from a lost connection, call
/// ``reconnect()`` (the runtime owns the retry policy).
public final class PGConnection {
    var handle: OpaquePointer?
    let url: String
    let applicationName: String?
    /// Prepared-statement cache: SQL text -> server-side statement name.
    var statements: [String: String] = [:]
    var statementCounter = 0
    /// Channels passed to ``listen(_:)``; re-issued by ``reconnect()``.
    var channels: [String] = []
    /// Statements queued by ``executeDeferred(_:_:)``, sent with the next round trip.
    var deferred: [PipelinedStatement] = []

    /// Most statements kept prepared per connection; SQL beyond this runs unnamed
    /// (`PQexecParams`, parsed on every call).
    public let statementCacheCapacity: Int

    /// Connects to `url` (`postgres://user:pass@127.0.0.1:5432/wage`, any libpq
    /// URI or key=value conninfo) with `connect_timeout=5` unless the URL sets
    /// one, and `application_name` when given.
    ///
    /// Throws ``PGError``: `28P01` bad password, `28000` role/pg_hba refusal,
    /// `3D000` unknown database (not recoverable); `08001` server unreachable and
    /// `57P03` server starting/stopping (recoverable); sqlState nil for a
    /// malformed URL.
    public init(url: String, applicationName: String? = nil, statementCacheCapacity: Int = 256) throws {
        self.url = url
        self.applicationName = applicationName
        self.statementCacheCapacity = statementCacheCapacity
        try Self.validate(url)
        handle = try Self.connect(url: url, applicationName: applicationName)
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// True when a connection is open and libpq last saw it healthy. A dead
    /// server is only noticed by the next call on the connection.
    public var isConnected: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// The server process id of this session (0 when not connected); for
    /// `pg_terminate_backend` and log correlation.
    public var backendPID: Int32 {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return 0 }
        return PQbackendPID(handle)
    }

    /// True inside a transaction block (including one aborted by an error).
    public var inTransaction: Bool {
        guard let handle else { return false }
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// Number of statements currently prepared through the cache.
    public var preparedStatementCount: Int { statements.count }

    /// Re-establishes the session: `PQreset` on the existing handle, or a new
    /// connection after ``close()``. Clears the prepared-statement cache and
    /// re-issues `LISTEN` for every channel passed to ``listen(_:)``.
    /// Throws the same errors as ``init(url:applicationName:statementCacheCapacity:)``.
    public func reconnect() throws {
        statements.removeAll()
        deferred.removeAll()
        if let handle {
            PQreset(handle)
            guard PQstatus(handle) == CONNECTION_OK else { throw LibPQ.connectFailure(handle) }
        } else {
            handle = try Self.connect(url: url, applicationName: applicationName)
        }
        for channel in channels { try execute("LISTEN " + quoteIdentifier(channel)) }
    }

    /// Closes the connection. Later calls throw `08003` until ``reconnect()``.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        statements.removeAll()
        deferred.removeAll()
    }

    /// The value libpq uses for a connection option (e.g. `connect_timeout`), for tests.
    func connectionOption(_ key: String) -> String? {
        guard let handle, let options = PQconninfo(handle) else { return nil }
        defer { PQconninfoFree(options) }
        var option = options
        while let name = option.pointee.keyword {
            if String(cString: name) == key { return option.pointee.val.map { String(cString: $0) } }
            option += 1
        }
        return nil
    }

    /// The open handle, or `08003` no connection.
    func requireHandle() throws -> OpaquePointer {
        guard let handle else { throw PGError.noConnection }
        return handle
    }

    private static func validate(_ url: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &error) else {
            let text = LibPQ.trimmed(error)
            if let error { PQfreemem(error) }
            throw PGError(sqlState: nil, message: "invalid connection URL: \(text)", recoverable: false)
        }
        PQconninfoFree(options)
    }

    /// `connect_timeout` first so the URL's own value (expanded from `dbname`) wins.
    private static func connect(url: String, applicationName: String?) throws -> OpaquePointer {
        var keys: [String?] = ["connect_timeout", "dbname"]
        var values: [String?] = ["5", url]
        if let applicationName { keys.append("application_name"); values.append(applicationName) }
        keys.append(nil); values.append(nil)
        let conn = withCStringArray(keys) { k in
            withCStringArray(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let error = LibPQ.connectFailure(conn)
            if let conn { PQfinish(conn) }
            throw error
        }
        cpq_silence_notices(conn)
        return conn
    }
}

/// Calls `body` with C copies of `strings` (nil stays a null pointer), freed afterwards.
func withCStringArray<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) throws -> R) rethrows -> R {
    let copies: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
    defer { for copy in copies { free(copy) } }
    return try body(copies.map { $0.map { UnsafePointer($0) } })
}
