/// An error from PostgreSQL, from libpq, or from decoding a row.
///
/// `sqlState` is the server's SQLSTATE when the server sent one. Store fills in
/// a client-side code for failures the server could not report:
/// `08001` (could not connect), `08003` (no connection: closed or never opened),
/// `08006` (connection lost during a call), `28P01` / `28000` / `3D000` for
/// connection refusals recognised from libpq's message (bad password, unknown
/// role, unknown database), `22021` for a parameter that contains NUL, `25001` /
/// `25P02` for misuse of ``PGConnection/transaction(_:)``. Decoding errors
/// (``PGRow`` accessors) have `sqlState == nil`.
public struct PGError: Error, Sendable, CustomStringConvertible {
    /// Five-character SQLSTATE (e.g. `23505`), or nil for decoding and usage errors.
    public let sqlState: String?
    /// Primary message (`PG_DIAG_MESSAGE_PRIMARY`, or libpq's error message).
    public let message: String
    /// Detail (`PG_DIAG_MESSAGE_DETAIL`), when the server sent one.
    public let detail: String?
    /// True when retrying on a new or reset connection may succeed: connection
    /// lost or refused (class 08), server shutdown (57P01 admin, 57P02 crash,
    /// 57P03 cannot connect now), serialization failure (40001), deadlock (40P01).
    public let recoverable: Bool

    /// Makes an error; `recoverable` defaults to ``PGError/isRecoverable(sqlState:)``.
    public init(sqlState: String?, message: String, detail: String? = nil, recoverable: Bool? = nil) {
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
        self.recoverable = recoverable ?? PGError.isRecoverable(sqlState: sqlState)
    }

    /// `23505` unique_violation.
    public var isUniqueViolation: Bool { sqlState == "23505" }
    /// `40001` serialization_failure or `40P01` deadlock_detected: retry the transaction.
    public var isSerializationFailure: Bool { sqlState == "40001" || sqlState == "40P01" }
    /// `42501` insufficient_privilege (a principal's grants refuse the statement).
    public var isInsufficientPrivilege: Bool { sqlState == "42501" }
    /// Class `08` (connection exception), real or filled in by Store.
    public var isConnectionFailure: Bool { sqlState?.hasPrefix("08") ?? false }

    /// The recoverability rule applied to SQLSTATEs (see ``recoverable``).
    public static func isRecoverable(sqlState: String?) -> Bool {
        guard let state = sqlState else { return false }
        if state.hasPrefix("08") { return true }
        return ["57P01", "57P02", "57P03", "40001", "40P01"].contains(state)
    }

    public var description: String {
        var text = "PGError[\(sqlState ?? "-")]: \(message)"
        if let detail, !detail.isEmpty { text += " (detail: \(detail))" }
        if recoverable { text += " [recoverable]" }
        return text
    }
}

extension PGError {
    /// A decoding error naming the column and (a prefix of) the value.
    static func decoding(column: String, value: String?, as type: String) -> PGError {
        let shown = value.map { "'" + String($0.prefix(64)) + ($0.count > 64 ? "…" : "") + "'" } ?? "NULL"
        return PGError(sqlState: nil, message: "column \"\(column)\": cannot decode \(shown) as \(type)",
                       recoverable: false)
    }

    /// No such column in the row.
    static func missingColumn(_ column: String, available: [String]) -> PGError {
        PGError(sqlState: nil,
                message: "no column \"\(column)\" in row (columns: \(available.joined(separator: ", ")))",
                recoverable: false)
    }

    /// The connection is closed or was never opened.
    static let noConnection = PGError(sqlState: "08003", message: "no connection to the server")
}
