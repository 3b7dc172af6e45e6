import Foundation
import Messages
import Store

/// A person who may use the console (`wage.staff`, sql/0150).
struct StaffMember: Sendable {
    let login: String
    let displayName: String
    let department: Principal
    let roles: [String]
    let passwordHash: String
    let disabled: Bool
}

/// Reads staff accounts and writes the console audit with the console's own login.
struct StaffDirectory: Sendable {
    let connections: Connections

    func member(_ login: String) async throws -> StaffMember? {
        try await connections.console { db in
            guard let row = try db.query(
                "SELECT login, display_name, department, roles, password_hash, disabled FROM wage.staff WHERE login = $1",
                [login]).first, let department = Principal(rawValue: try row.string("department")) else { return nil }
            return StaffMember(login: try row.string("login"), displayName: try row.string("display_name"),
                               department: department, roles: try row.stringArray("roles"),
                               passwordHash: try row.string("password_hash"), disabled: try row.bool("disabled"))
        }
    }

    /// Display names of `logins` (for the timeline's actor column).
    func displayNames(_ logins: [String]) async throws -> [String: String] {
        guard !logins.isEmpty else { return [:] }
        return try await connections.console { db in
            var names: [String: String] = [:]
            for row in try db.query("SELECT login, display_name FROM wage.staff WHERE login = ANY($1::text[])", [logins]) {
                names[try row.string("login")] = try row.string("display_name")
            }
            return names
        }
    }

    /// Appends one row to `wage.console_audit`; a failure to audit is logged, never hidden.
    func audit(_ action: String, outcome: String, login: String?, department: Principal?, address: String?,
               subject: String? = nil, detail: JSONValue = [:]) async {
        let row: [String?] = [login, department?.rawValue, address, action, outcome, subject, detail.serialized]
        do {
            _ = try await connections.console { db in
                try db.execute(
                    "INSERT INTO wage.console_audit (login, department, address, action, outcome, subject, detail) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)",
                    row.map { $0 as any PGBindable })
            }
        } catch {
            ConsoleLog.logger.error("console audit failed: \(action) \(login ?? "-"): \(error)")
        }
    }
}
