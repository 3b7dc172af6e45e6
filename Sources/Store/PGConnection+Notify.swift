import CLibPQ
import Foundation

/// A notification received on a channel this connection listens to.
public struct PGNotification: Sendable, Equatable {
    /// Channel name as given to `NOTIFY` / `pg_notify`.
    public let channel: String
    /// Payload (empty when none was sent).
    public let payload: String
    /// Server process id of the notifying session.
    public let backendPID: Int32
}

extension PGConnection {
    /// `LISTEN` on `channel` (quoted as an identifier with `PQescapeIdentifier`;
    /// the name is case-sensitive). Takes effect at commit when called inside a
    /// transaction. Remembered and re-issued by ``reconnect()``.
    public func listen(_ channel: String) throws {
        try execute("LISTEN " + quoteIdentifier(channel))
        if !channels.contains(channel) { channels.append(channel) }
    }

    /// `UNLISTEN` `channel` and forget it.
    public func unlisten(_ channel: String) throws {
        try execute("UNLISTEN " + quoteIdentifier(channel))
        channels.removeAll { $0 == channel }
    }

    /// Sends a notification with `pg_notify($1, $2)` (delivered at commit).
    public func notify(_ channel: String, payload: String = "") throws {
        try execute("SELECT pg_notify($1, $2)", [channel, payload])
    }

    /// Waits up to `timeout` seconds for a notification and returns its channel,
    /// or nil on timeout. See ``nextNotification(timeout:)``.
    public func waitForNotification(timeout: Double) throws -> String? {
        try nextNotification(timeout: timeout)?.channel
    }

    /// Returns a queued notification at once, or waits up to `timeout` seconds
    /// (`PQsocket` + `poll` + `PQconsumeInput` + `PQnotifies`); nil on timeout.
    /// Notifications that arrived during other statements are queued and
    /// returned first. Throws a recoverable ``PGError`` when the connection is lost.
    public func nextNotification(timeout: Double) throws -> PGNotification? {
        let conn = try requireHandle()
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int64(max(0, timeout) * 1000)))
        while true {
            guard PQconsumeInput(conn) != 0 else { throw LibPQ.connectionError(conn) }
            if let raw = PQnotifies(conn) {
                defer { PQfreemem(raw) }
                let note = raw.pointee
                return PGNotification(channel: String(cString: note.relname),
                                      payload: note.extra.map { String(cString: $0) } ?? "",
                                      backendPID: note.be_pid)
            }
            let left = clock.now.duration(to: deadline)
            guard left > .zero else { return nil }
            let socket = PQsocket(conn)
            guard socket >= 0 else { throw LibPQ.connectionError(conn) }
            let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
            let ms = Int32(min(Double(Int32.max), max(1, (seconds * 1000).rounded(.up))))
            if cpq_wait_readable(socket, ms) < 0 {
                throw PGError(sqlState: nil, message: "poll failed: \(String(cString: strerror(errno)))",
                              recoverable: false)
            }
        }
    }

    /// `"name"` with embedded quotes doubled (libpq's `PQescapeIdentifier`).
    func quoteIdentifier(_ name: String) throws -> String {
        let conn = try requireHandle()
        guard let raw = PQescapeIdentifier(conn, name, name.utf8.count) else { throw LibPQ.connectionError(conn) }
        defer { PQfreemem(raw) }
        return String(cString: raw)
    }
}
