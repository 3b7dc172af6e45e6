import Foundation

/// The console's settings (command line and environment).
struct ConsoleSettings: Sendable {
    var host = "127.0.0.1"
    var port = 8080
    /// Mark cookies `Secure` (the console is served over TLS, e.g. behind a TLS proxy).
    var secureCookies = false
    /// Idle lifetime of a session.
    var sessionLifetime: TimeInterval = 30 * 60
    /// Failed logins allowed per login name, and per client address, within `throttleWindow`.
    var throttlePerLogin = 5
    var throttlePerAddress = 30
    var throttleWindow: TimeInterval = 15 * 60
    /// How long an act waits for the router's decision, then for the receiver's.
    var decisionWait: TimeInterval = 5
    var followWait: TimeInterval = 3
    /// Keep sessions in the database (`wage.console_sessions`), so that a restart logs
    /// nobody out; `WAGE_CONSOLE_SESSIONS=memory` keeps them in memory instead.
    var persistentSessions = true
    /// Rows per page of a list.
    var pageSize = 50

    /// `--port N`, `--host H`; `WAGE_CONSOLE_PORT`, `WAGE_CONSOLE_SECURE_COOKIES=1`.
    static func from(arguments: [String], environment: [String: String]) -> ConsoleSettings {
        var s = ConsoleSettings()
        if let p = environment["WAGE_CONSOLE_PORT"].flatMap(Int.init) { s.port = p }
        if environment["WAGE_CONSOLE_SECURE_COOKIES"] == "1" { s.secureCookies = true }
        if environment["WAGE_CONSOLE_SESSIONS"] == "memory" { s.persistentSessions = false }
        var i = 1
        while i < arguments.count {
            let next = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch arguments[i] {
            case "--port": if let n = next.flatMap(Int.init) { s.port = n }; i += 1
            case "--host": if let h = next { s.host = h }; i += 1
            default: break
            }
            i += 1
        }
        return s
    }
}
