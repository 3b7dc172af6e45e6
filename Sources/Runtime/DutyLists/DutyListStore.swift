import Duties
import Store

/// The duty-list versions stored in `wage.duty_lists` and the one in force: the one
/// place that installs, reads and parses them, for the router (at start and when it
/// switches), `wagectl duty-list load` and every worker (`DutyListCache`).
///
/// A stored version never changes (a trigger refuses it, and `install` refuses a
/// different text under a known version); at most one version is in force,
/// switched under a table lock.
public enum DutyListStore {
    /// A version in the database whose content differs from the file of the same version.
    public struct VersionConflict: Error, CustomStringConvertible {
        public let version: String
        public var description: String {
            "duty list version \(version) is already stored with different content: give the changed file a new version"
        }
    }

    /// When `install` puts the list in force.
    public enum Activation: Sendable {
        /// A new version at once, a known one only when none is in force (the router
        /// at start: an old file does not roll back a newer list).
        case whenNew
        /// Always (an operator's explicit choice).
        case always
        /// Never: only store it.
        case never
    }

    /// What `install` did.
    public struct Installed: Sendable, Equatable {
        /// The version was not stored before.
        public let stored: Bool
        /// The version in force before.
        public let previous: String?
        /// The version in force after.
        public let inForce: String?
    }

    /// Stores `list` if its version is new and puts it in force per `activation`, in
    /// one transaction; `alsoInTransaction` runs inside it (e.g. an operator audit row).
    @discardableResult
    public static func install(_ list: DutyList, db: PGConnection, activation: Activation = .whenNew,
                               alsoInTransaction: (PGConnection, Installed) throws -> Void = { _, _ in }) throws -> Installed {
        try db.transaction { db in
            try db.execute("LOCK TABLE wage.duty_lists IN SHARE ROW EXCLUSIVE MODE")
            let existing = try db.execute(
                "SELECT content_hash FROM wage.duty_lists WHERE version = $1", [list.version]).rows.first
            if let existing, try existing.string("content_hash") != list.contentHash {
                throw VersionConflict(version: list.version)
            }
            let previous = try versionInForce(db: db)
            if existing == nil {
                try db.execute(
                    """
                    INSERT INTO wage.duty_lists (version, content_hash, content, loaded_at, in_force)
                    VALUES ($1, $2, $3, now(), false)
                    """, [list.version, list.contentHash, list.text])
            }
            let activate: Bool
            switch activation {
            case .whenNew: activate = existing == nil || previous == nil
            case .always: activate = true
            case .never: activate = false
            }
            if activate {
                try db.execute("UPDATE wage.duty_lists SET in_force = false WHERE in_force AND version <> $1", [list.version])
                try db.execute("UPDATE wage.duty_lists SET in_force = true WHERE version = $1", [list.version])
            }
            let installed = Installed(stored: existing == nil, previous: previous, inForce: activate ? list.version : previous)
            try alsoInTransaction(db, installed)
            return installed
        }
    }

    /// The version in force, or nil when none has been loaded.
    public static func versionInForce(db: PGConnection) throws -> String? {
        try db.execute("SELECT version FROM wage.duty_lists WHERE in_force").rows.first?.string("version")
    }

    /// Parses the stored content of `version`.
    public static func load(version: String, db: PGConnection) throws -> DutyList {
        let row = try db.execute("SELECT content FROM wage.duty_lists WHERE version = $1", [version]).rows.first
        guard let row else { throw DutyListError(file: "wage.duty_lists", line: nil, reason: .unreadable("no stored version \(version)")) }
        return try DutyListLoader.parse(yaml: try row.string("content"), source: "wage.duty_lists:\(version)")
    }

    /// The list in force, parsed, or nil when none has been loaded.
    public static func inForce(db: PGConnection) throws -> DutyList? {
        guard let version = try versionInForce(db: db) else { return nil }
        return try load(version: version, db: db)
    }
}
