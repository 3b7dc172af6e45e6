import Foundation

/// Rate-limits password guessing: at most `perLogin` failed logins for one login
/// name and `perAddress` from one client address within `window`; beyond that
/// every attempt is refused (without checking the password) until the window has
/// passed. The address limit is higher, as several people may share an office's
/// address.
actor LoginThrottle {
    let perLogin: Int
    let perAddress: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(perLogin: Int, perAddress: Int, window: TimeInterval) {
        self.perLogin = perLogin
        self.perAddress = perAddress
        self.window = window
    }

    /// Whether an attempt for `login` from `address` may be checked now.
    func allows(login: String, address: String, now: Date = Date()) -> Bool {
        recent("login:" + login, now: now).count < perLogin && recent("address:" + address, now: now).count < perAddress
    }

    func recordFailure(login: String, address: String, now: Date = Date()) {
        for key in ["login:" + login, "address:" + address] { failures[key] = recent(key, now: now) + [now] }
    }

    /// A successful login clears its login's count (not the address's).
    func recordSuccess(login: String) { failures.removeValue(forKey: "login:" + login) }

    private func recent(_ key: String, now: Date) -> [Date] {
        (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
