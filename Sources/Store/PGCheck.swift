import CLibPQ

/// The one funnel from libpq outcomes to ``PGError``.
///
/// Every `PGresult*` Store receives passes through ``check(_:_:)``; connection
/// failures (a nil result, `PQstatus == CONNECTION_BAD`) become class-08 errors.
enum LibPQ {
    // PG_DIAG_* are character macros ('C', 'M', 'D'); spelled out for Swift.
    private static let diagSQLState = Int32(UInt8(ascii: "C"))
    private static let diagMessagePrimary = Int32(UInt8(ascii: "M"))
    private static let diagMessageDetail = Int32(UInt8(ascii: "D"))

    /// Returns `result` when it reports success (the caller then owns it and
    /// must `PQclear` it); otherwise clears it and throws the matching ``PGError``.
    static func check(_ result: OpaquePointer?, _ conn: OpaquePointer?) throws -> OpaquePointer {
        guard let result else { throw connectionError(conn) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return result
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            PQclear(result)
            abandonCopy(conn)
            throw PGError(sqlState: "0A000", message: "COPY is not supported by Store", recoverable: false)
        default:
            let error = resultError(result, conn)
            PQclear(result)
            throw error
        }
    }

    /// The error carried by a failed result. A lost connection is always recoverable.
    private static func resultError(_ result: OpaquePointer, _ conn: OpaquePointer?) -> PGError {
        let lost = conn.map { PQstatus($0) == CONNECTION_BAD } ?? true
        let state = field(result, diagSQLState)
        var message = field(result, diagMessagePrimary) ?? trimmed(PQresultErrorMessage(result))
        if message.isEmpty { message = conn.map { trimmed(PQerrorMessage($0)) } ?? "" }
        if message.isEmpty { message = "libpq error (\(String(cString: PQresStatus(PQresultStatus(result)))))" }
        return PGError(sqlState: state ?? (lost ? "08006" : nil), message: message,
                       detail: field(result, diagMessageDetail),
                       recoverable: lost || PGError.isRecoverable(sqlState: state))
    }

    /// The error for a call that produced no result (connection lost, out of memory).
    static func connectionError(_ conn: OpaquePointer?) -> PGError {
        guard let conn else { return .noConnection }
        let text = trimmed(PQerrorMessage(conn))
        if PQstatus(conn) == CONNECTION_BAD {
            return PGError(sqlState: "08006", message: text.isEmpty ? "connection to the server lost" : text,
                           recoverable: true)
        }
        return PGError(sqlState: nil, message: text.isEmpty ? "libpq returned no result" : text,
                       recoverable: false)
    }

    /// Classifies a failed connection attempt from libpq's message (libpq keeps
    /// no SQLSTATE for it). Refusals that retrying cannot fix are not recoverable;
    /// anything else (server down, starting up, network) is `08001`, recoverable.
    static func connectFailure(_ conn: OpaquePointer?) -> PGError {
        guard let conn else { return PGError(sqlState: "08001", message: "libpq could not allocate a connection") }
        let text = trimmed(PQerrorMessage(conn))
        func refused(_ state: String) -> PGError { PGError(sqlState: state, message: text, recoverable: false) }
        if text.contains("password authentication failed") || PQconnectionNeedsPassword(conn) != 0 {
            return refused("28P01")
        }
        if text.contains("no pg_hba.conf entry") || (text.contains("role \"") && text.contains("does not exist")) {
            return refused("28000")
        }
        if text.contains("database \"") && text.contains("does not exist") { return refused("3D000") }
        if text.contains("the database system is") { // starting up / shutting down / in recovery
            return PGError(sqlState: "57P03", message: text, recoverable: true)
        }
        return PGError(sqlState: "08001", message: text.isEmpty ? "could not connect" : text, recoverable: true)
    }

    /// Leaves COPY state so the connection stays usable.
    private static func abandonCopy(_ conn: OpaquePointer?) {
        guard let conn else { return }
        _ = PQputCopyEnd(conn, "COPY is not supported by Store")
        var buffer: UnsafeMutablePointer<CChar>?
        while PQgetCopyData(conn, &buffer, 0) > 0 {
            PQfreemem(buffer)
            buffer = nil
        }
        while let next = PQgetResult(conn) { PQclear(next) }
    }

    private static func field(_ result: OpaquePointer, _ code: Int32) -> String? {
        guard let raw = PQresultErrorField(result, code) else { return nil }
        return String(cString: raw)
    }

    static func trimmed(_ raw: UnsafePointer<CChar>?) -> String {
        guard let raw else { return "" }
        var text = String(cString: raw)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
