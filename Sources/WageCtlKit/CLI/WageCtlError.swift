/// An error `wagectl` explains to its user: what went wrong, and what to do.
///
/// Each code has its own exit status (see `exitStatus`), so scripts can tell a
/// refused message from an unreachable server.
public struct WageCtlError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Code: String, Sendable {
        /// Wrong or missing options (exit 2).
        case usage
        /// Missing settings, e.g. no `WAGE_AMQP_URL_<CODE>` (exit 2).
        case configuration
        /// The broker or the database could not be reached or refused the login (exit 2).
        case unreachable
        /// Checked locally and refused: nothing was sent (exit 3).
        case refusedLocally = "refused_locally"
        /// Refused by the router or by a worker (exit 4).
        case refused
        /// No answer in time (exit 5).
        case timeout
        /// The thing asked for does not exist (exit 6).
        case notFound = "not_found"
        /// The request conflicts with what is stored (exit 7).
        case conflict
        /// Anything else (exit 1).
        case failed
    }

    public let code: Code
    public let message: String
    public let hint: String?
    /// True when the command already printed the outcome (e.g. a refused send):
    /// `main` then only sets the exit status.
    public let alreadyReported: Bool

    public init(_ code: Code, _ message: String, hint: String? = nil, alreadyReported: Bool = false) {
        self.code = code
        self.message = message
        self.hint = hint
        self.alreadyReported = alreadyReported
    }

    /// The process exit status for this error.
    public var exitStatus: Int32 {
        switch code {
        case .failed: return 1
        case .usage, .configuration, .unreachable: return 2
        case .refusedLocally: return 3
        case .refused: return 4
        case .timeout: return 5
        case .notFound: return 6
        case .conflict: return 7
        }
    }

    public var description: String {
        hint.map { "\(message)\nhint: \($0)" } ?? message
    }
}
