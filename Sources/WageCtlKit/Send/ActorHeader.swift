import Duties
import Foundation

/// `x-wage-actor` (CONTRACT §7.9): the login of the person who acted. `wagectl` is a
/// staff tool, so every message it sends names the person: `--actor`, else
/// `$WAGE_ACTOR`, else the operating-system login (as the operator audit does).
enum ActorHeader {
    /// The actor's login: `given`, else `$WAGE_ACTOR`, `$SUDO_USER`, `$USER`, `$LOGNAME`;
    /// `nil` when none is set.
    static func login(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for candidate in [given, environment["WAGE_ACTOR"], environment["SUDO_USER"], environment["USER"], environment["LOGNAME"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        return nil
    }

    /// The header to send (empty when no login is known). A login the router would
    /// refuse (longer than 64 characters) is sent as given, so the local check
    /// refuses it with the router's reason, `schema:x-wage-actor`.
    static func headers(_ given: String?) -> [String: String] {
        login(given).map { [actorHeader: $0] } ?? [:]
    }
}
