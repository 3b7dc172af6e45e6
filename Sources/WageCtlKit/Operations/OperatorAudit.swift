import ArgumentParser
import Foundation
import Store
import Messages
import Workflow

/// Writes `wage.operator_audit` rows (migration 0070) for operator commands.
enum OperatorAudit {
    /// The person acting: `--operator`, else `$WAGE_OPERATOR`, `$SUDO_USER`, `$USER`, `$LOGNAME`.
    static func operatorName(_ given: String?) -> String {
        let env = ProcessInfo.processInfo.environment
        for candidate in [given, env["WAGE_OPERATOR"], env["SUDO_USER"], env["USER"], env["LOGNAME"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        return "unknown"
    }

    /// Appends one audit row on `db` (inside the caller's transaction).
    static func record(_ action: String, subject: String, operator name: String, detail: JSONValue, db: PGConnection) throws {
        try db.execute(
            "INSERT INTO wage.operator_audit (operator, action, subject, detail) VALUES ($1, $2, $3, $4::jsonb)",
            [name, action, subject, detail.serialized])
    }
}

/// The `--operator` option of operator commands.
struct OperatorOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: "Who does this, for the audit trail (default $WAGE_OPERATOR, else the login name).")
    var name: String?

    var resolved: String { OperatorAudit.operatorName(name) }
}
