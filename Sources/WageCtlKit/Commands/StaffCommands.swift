import ArgumentParser
import Foundation
import HummingbirdBcrypt
import Store
import Messages

/// `wagectl staff add|disable|reset`: the people who use the staff console
/// (`wage.staff`, sql/0150), as the administrator, audited in `wage.operator_audit`.
/// Passwords are stored as bcrypt hashes; they are read from `--password-file`
/// (first line) or prompted for on the terminal, never taken on the command line.
struct StaffGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Console staff accounts (add, disable, reset the password).",
        subcommands: [StaffAddCommand.self, StaffDisableCommand.self, StaffResetCommand.self])
}

/// Reads a new password and hashes it.
struct PasswordOptions: ParsableArguments {
    @Option(name: .customLong("password-file"), help: "Read the password from the first line of this file (else prompt).")
    var passwordFile: String?

    /// The bcrypt cost (12: about a quarter of a second here).
    static let cost: UInt8 = 12

    func hashedPassword() throws -> String {
        let password: String
        if let path = passwordFile {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw WageCtlError(.usage, "cannot read --password-file \(path)")
            }
            password = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        } else {
            guard let typed = getpass("password: ").map({ String(cString: $0) }) else {
                throw WageCtlError(.usage, "no password given", hint: "use --password-file FILE")
            }
            password = typed
        }
        guard password.count >= 8 else {
            throw WageCtlError(.usage, "the password is too short", hint: "use at least 8 characters")
        }
        return Bcrypt.hash(password, cost: Self.cost)
    }
}

struct StaffAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff account.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @OptionGroup var password: PasswordOptions
    @Argument(help: "The login (lower case letters, digits, . _ -): the x-wage-actor value.") var login: String
    @Option(name: .customLong("name"), help: "The display name (e.g. 张伟).") var displayName: String
    @Option(help: "The department (a principal code, e.g. housing).") var department: String
    @Option(help: "Roles, comma-separated: clerk, head, approver.") var roles = "clerk"

    func run() throws {
        guard Principal(rawValue: department) != nil else {
            throw WageCtlError(.usage, "unknown department '\(department)'", hint: "use one of \(Identity.codes)")
        }
        let roleList = roles.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !roleList.isEmpty, roleList.allSatisfy(["clerk", "head", "approver"].contains) else {
            throw WageCtlError(.usage, "roles must be among clerk, head, approver")
        }
        let hash = try password.hashedPassword()
        let session = Session(identity)
        defer { session.close() }
        let db = try session.adminDatabase()
        try db.transaction { db in
            do {
                try db.execute(
                    "INSERT INTO wage.staff (login, display_name, department, roles, password_hash) VALUES ($1, $2, $3, $4::text[], $5)",
                    [login, displayName, department, "{" + roleList.joined(separator: ",") + "}", hash])
            } catch let error as PGError where error.sqlState == "23505" {
                throw WageCtlError(.usage, "staff '\(login)' exists already", hint: "use wagectl staff reset")
            }
            try OperatorAudit.record("staff.add", subject: login, operator: operatorOptions.resolved,
                                     detail: ["department": .string(department), "roles": .array(roleList.map(JSONValue.string))],
                                     db: db)
        }
        session.console.out("staff \(login) (\(displayName), \(department)) added")
    }
}

struct StaffDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a staff account (locked out of the console at once).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument var login: String

    func run() throws {
        let session = Session(identity)
        defer { session.close() }
        try StaffUpdate.apply("staff.disable", login: login, set: "disabled = true", params: [],
                              operator: operatorOptions.resolved, session: session)
        session.console.out("staff \(login) disabled")
    }
}

struct StaffResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Set a new password (and enable the account again).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @OptionGroup var password: PasswordOptions
    @Argument var login: String

    func run() throws {
        let hash = try password.hashedPassword()
        let session = Session(identity)
        defer { session.close() }
        try StaffUpdate.apply("staff.reset", login: login, set: "password_hash = $2, disabled = false", params: [hash],
                              operator: operatorOptions.resolved, session: session)
        session.console.out("staff \(login): password reset, account enabled")
    }
}

/// One audited change of a staff row.
enum StaffUpdate {
    static func apply(_ action: String, login: String, set: String, params: [String], operator name: String,
                      session: Session) throws {
        let db = try session.adminDatabase()
        try db.transaction { db in
            let result = try db.execute("UPDATE wage.staff SET \(set), updated_at = now() WHERE login = $1",
                                        [login] + params)
            guard result.affectedRows == 1 else { throw WageCtlError(.usage, "no staff '\(login)'") }
            try OperatorAudit.record(action, subject: login, operator: name, detail: [:], db: db)
        }
    }
}
