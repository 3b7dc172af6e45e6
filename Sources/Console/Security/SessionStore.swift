import Crypto
import Foundation

/// A logged-in session: whose, its CSRF token, and when it expires.
struct ConsoleSession: Sendable {
    let login: String
    let csrfToken: String
    var expiresAt: Date
}

/// Sessions held in memory (a restart logs everyone out). The cookie value is
/// `<random id>.<HMAC-SHA256 of the id>` under a key made at start: a cookie
/// that was not issued here fails the HMAC and is reported as forged.
actor SessionStore {
    private var sessions: [String: ConsoleSession] = [:]
    private let key = SymmetricKey(size: .bits256)
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) { self.lifetime = lifetime }

    /// What a presented cookie is.
    enum Lookup: Sendable {
        case valid(id: String, ConsoleSession)
        /// Issued here but logged out or expired.
        case ended
        /// Not issued here (bad form or HMAC).
        case forged
    }

    /// Starts a session for `login`; returns the cookie value and the session.
    func start(login: String, now: Date = Date()) -> (cookie: String, session: ConsoleSession) {
        let id = Self.randomToken()
        let session = ConsoleSession(login: login, csrfToken: Self.randomToken(), expiresAt: now.addingTimeInterval(lifetime))
        sessions[id] = session
        return (id + "." + sign(id), session)
    }

    func lookup(_ cookie: String, now: Date = Date()) -> Lookup {
        let parts = cookie.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 64, Self.constantTimeEqual(String(parts[1]), sign(String(parts[0]))) else {
            return .forged
        }
        let id = String(parts[0])
        guard var session = sessions[id] else { return .ended }
        guard session.expiresAt > now else {
            sessions.removeValue(forKey: id)
            return .ended
        }
        session.expiresAt = now.addingTimeInterval(lifetime)  // sliding expiry while in use
        sessions[id] = session
        return .valid(id: id, session)
    }

    func end(_ id: String) { sessions.removeValue(forKey: id) }

    /// Ends every session of `login` (a disabled account).
    func endAll(of login: String) { sessions = sessions.filter { $0.value.login != login } }

    private func sign(_ id: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
