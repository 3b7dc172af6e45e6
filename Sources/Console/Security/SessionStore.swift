import Crypto
import Foundation

/// A logged-in session: whose, its CSRF token, and when it expires.
struct ConsoleSession: Sendable {
    let login: String
    let csrfToken: String
    var expiresAt: Date
}

/// Sessions: in memory, or with a `backing` in the database so that they survive a
/// restart (`wage.console_sessions`, sql/0180). The cookie value is
/// `<random id>.<HMAC-SHA256 of the id>` under the store's key (made at start, or
/// kept in the database with a backing): a cookie that was not issued by a console
/// fails the HMAC and is reported as forged.
actor SessionStore {
    private var sessions: [String: ConsoleSession] = [:]
    private var key: SymmetricKey?
    private let backing: SessionBacking?
    let lifetime: TimeInterval
    /// A stored expiry is moved only when it would move by more than this (not a write per request).
    static let touchInterval: TimeInterval = 60

    init(lifetime: TimeInterval, backing: SessionBacking? = nil) {
        self.lifetime = lifetime
        self.backing = backing
        if backing == nil { key = SymmetricKey(size: .bits256) }
    }

    /// What a presented cookie is.
    enum Lookup: Sendable {
        case valid(id: String, ConsoleSession)
        /// Issued here but logged out or expired.
        case ended
        /// Not issued here (bad form or HMAC).
        case forged
    }

    /// Starts a session for `login`; returns the cookie value and the session.
    func start(login: String, now: Date = Date()) async throws -> (cookie: String, session: ConsoleSession) {
        let id = Self.randomToken()
        let session = ConsoleSession(login: login, csrfToken: Self.randomToken(), expiresAt: now.addingTimeInterval(lifetime))
        if let backing { try await backing.insert(SessionBacking.hash(id), session) } else { sessions[id] = session }
        return (id + "." + (try await sign(id)), session)
    }

    func lookup(_ cookie: String, now: Date = Date()) async throws -> Lookup {
        let parts = cookie.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 64,
              Self.constantTimeEqual(String(parts[1]), try await sign(String(parts[0]))) else {
            return .forged
        }
        let id = String(parts[0])
        let stored = try await backing?.find(SessionBacking.hash(id))
        guard var session = backing == nil ? sessions[id] : stored else { return .ended }
        guard session.expiresAt > now else {
            try await end(id)
            return .ended
        }
        let previous = session.expiresAt
        session.expiresAt = now.addingTimeInterval(lifetime)  // sliding expiry while in use
        if let backing {
            if session.expiresAt.timeIntervalSince(previous) > Self.touchInterval {
                try await backing.touch(SessionBacking.hash(id), expiresAt: session.expiresAt)
            }
        } else {
            sessions[id] = session
        }
        return .valid(id: id, session)
    }

    func end(_ id: String) async throws {
        sessions.removeValue(forKey: id)
        try await backing?.delete(SessionBacking.hash(id))
    }

    /// Ends every session of `login` (a disabled account).
    func endAll(of login: String) async throws {
        sessions = sessions.filter { $0.value.login != login }
        try await backing?.deleteAll(of: login)
    }

    private func sign(_ id: String) async throws -> String {
        let key: SymmetricKey
        if let known = self.key {
            key = known
        } else if let backing {
            key = try await backing.key()
            self.key = key
        } else {
            preconditionFailure("a store without a backing makes its key at start")
        }
        return HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key).map { String(format: "%02x", $0) }.joined()
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
