import Foundation

/// Rate-limits password guessing: at most `limit` failed logins per login name and
/// per client address within `window`; beyond that every attempt is refused
/// (without checking the password) until the window has passed.
actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Whether an attempt for `keys` (e.g. `login:x`, `address:y`) may be checked now.
    func allows(_ keys: [String], now: Date = Date()) -> Bool {
        keys.allSatisfy { recent($0, now: now).count < limit }
    }

    func recordFailure(_ keys: [String], now: Date = Date()) {
        for key in keys { failures[key] = recent(key, now: now) + [now] }
    }

    func recordSuccess(login key: String) { failures.removeValue(forKey: key) }

    private func recent(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
