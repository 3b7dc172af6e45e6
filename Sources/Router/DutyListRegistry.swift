import Duties
import Store

/// The duty-list versions known to the database (`wage.duty_lists`) and the one in force.
public enum DutyListRegistry {
    /// A version in the database whose content differs from the file of the same version.
    public struct VersionConflict: Error, CustomStringConvertible {
        public let version: String
        public var description: String {
            "duty list version \(version) is already stored with different content: give the changed file a new version"
        }
    }

    /// Stores `list` if its version is new. A new version is put in force at once,
    /// and so is any version when none is in force; a known version leaves the
    /// version in force alone (an old file does not roll back a newer list).
    /// Returns the version in force afterwards.
    @discardableResult
    public static func install(_ list: DutyList, db: PGConnection, forceActivate: Bool = false) throws -> String {
        try db.transaction { db in
            try db.execute("LOCK TABLE wage.duty_lists IN SHARE ROW EXCLUSIVE MODE")
            let existing = try db.execute(
                "SELECT content_hash FROM wage.duty_lists WHERE version = $1", [list.version]).rows.first
            if let existing, try existing.string("content_hash") != list.contentHash {
                throw VersionConflict(version: list.version)
            }
            let inForce = try db.execute("SELECT version FROM wage.duty_lists WHERE in_force").rows.first
            if existing == nil {
                try db.execute(
                    """
                    INSERT INTO wage.duty_lists (version, content_hash, content, loaded_at, in_force)
                    VALUES ($1, $2, $3, now(), false)
                    """, [list.version, list.contentHash, list.text])
            }
            if existing == nil || inForce == nil || forceActivate {
                try db.execute("UPDATE wage.duty_lists SET in_force = false WHERE in_force AND version <> $1", [list.version])
                try db.execute("UPDATE wage.duty_lists SET in_force = true WHERE version = $1", [list.version])
                return list.version
            }
            return try inForce!.string("version")
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
}
