import Crypto
import Foundation
import Store

/// Where sessions are kept when they must survive a restart: `wage.console_sessions`
/// (keyed by the SHA-256 of the session id) and `wage.console_session_key` (the
/// cookies' HMAC key), read and written with the console's own login (sql/0180).
/// Every call runs on the console's serial I/O queue (`Connections.console`).
struct SessionBacking: Sendable {
    let connections: Connections

    /// The HMAC key: made once by the first console that starts, then read by every one.
    func key() async throws -> SymmetricKey {
        let made = SessionStore.randomToken()
        let hex = try await connections.console { db in
            try db.execute("INSERT INTO wage.console_session_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING", [made])
            return try db.query("SELECT key FROM wage.console_session_key WHERE id = 1").first?.string("key") ?? made
        }
        return SymmetricKey(data: Self.bytes(hex))
    }

    func insert(_ idHash: String, _ session: ConsoleSession) async throws {
        let row: [String] = [idHash, session.login, session.csrfToken, String(session.expiresAt.timeIntervalSince1970)]
        _ = try await connections.console { db in
            try db.execute("DELETE FROM wage.console_sessions WHERE expires_at < now()")
            return try db.execute("""
                INSERT INTO wage.console_sessions (id_hash, login, csrf_token, expires_at)
                VALUES ($1, $2, $3, to_timestamp($4::double precision))
                """, row)
        }
    }

    func find(_ idHash: String) async throws -> ConsoleSession? {
        try await connections.console { db in
            guard let r = try db.query("""
                SELECT login, csrf_token, extract(epoch FROM expires_at)::text AS expires FROM wage.console_sessions WHERE id_hash = $1
                """, [idHash]).first, let epoch = Double(try r.string("expires")) else { return nil }
            return ConsoleSession(login: try r.string("login"), csrfToken: try r.string("csrf_token"),
                                  expiresAt: Date(timeIntervalSince1970: epoch))
        }
    }

    func touch(_ idHash: String, expiresAt: Date) async throws {
        let params: [String] = [idHash, String(expiresAt.timeIntervalSince1970)]
        _ = try await connections.console { db in
            try db.execute("UPDATE wage.console_sessions SET expires_at = to_timestamp($2::double precision) WHERE id_hash = $1", params)
        }
    }

    func delete(_ idHash: String) async throws {
        _ = try await connections.console { db in try db.execute("DELETE FROM wage.console_sessions WHERE id_hash = $1", [idHash]) }
    }

    func deleteAll(of login: String) async throws {
        _ = try await connections.console { db in try db.execute("DELETE FROM wage.console_sessions WHERE login = $1", [login]) }
    }

    /// The SHA-256 of a session id, as stored (the table never holds a usable cookie).
    static func hash(_ id: String) -> String {
        SHA256.hash(data: Data(id.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex), index < hex.endIndex {
            if let b = UInt8(hex[index..<next], radix: 16) { bytes.append(b) }
            index = next
        }
        return bytes
    }
}
