import Foundation
import Logging
import Store
import Workflow

/// Keeps every lane's working-day calendar and configuration as committed
/// (CONTRACT §7.4, §7.5): at most once per `interval` it reads their versions
/// (`wage.reference_versions`, bumped by triggers on every change to `wage.calendar`
/// and `wage.settings`, sql/0122, sql/0123) and reloads what moved. A change made by
/// `wagectl` or by SQL is thus used by every decision taken a second or so after it
/// commits, without a restart. A failed look, or a stored value that does not parse,
/// keeps what is in use (logged) and is tried again later.
struct ReferenceWatch {
    let interval: Double
    private(set) var versions: [String: Int64] = [:]
    private var lastLook = Date.distantPast

    init(interval: Double) { self.interval = interval }

    /// Looks at the versions if `interval` has passed; reloads on a change (or the
    /// first time). Returns `nil` when it was not time to look, else whether the
    /// database answered (the consumer's readiness probe).
    @discardableResult
    mutating func refreshIfDue(_ lanes: BatchLanes, logger: Logger, now: Date = Date()) -> Bool? {
        guard now.timeIntervalSince(lastLook) >= interval else { return nil }
        lastLook = now
        do {
            let current = try Self.versions(lanes.primary.db)
            if current["calendar"] != versions["calendar"] {
                try lanes.reloadCalendars()
                if versions["calendar"] != nil { logger.info("working-day calendar changed; reloaded") }
            }
            if current["settings"] != versions["settings"] {
                let settings = try SettingsStore.load(lanes.primary.db)
                lanes.use(settings)
                if versions["settings"] != nil { logger.info("configuration changed; reloaded") }
            }
            versions = current
            return true
        } catch let error as PGError where error.meansDatabaseUnavailable {
            logger.warning("database unavailable; keeping the calendar and configuration in use", metadata: ["error": "\(error)"])
            return false
        } catch {
            logger.warning("could not reload the calendar or configuration; keeping the ones in use", metadata: ["error": "\(error)"])
            return true
        }
    }

    /// The versions as committed.
    static func versions(_ db: PGConnection) throws -> [String: Int64] {
        var out: [String: Int64] = [:]
        for row in try db.execute("SELECT name, version FROM wage.reference_versions").rows {
            out[try row.string("name")] = try row.int64("version")
        }
        return out
    }
}

/// Reads the configuration (`wage.settings`, CONTRACT §7.5).
public enum SettingsStore {
    /// The settings in force: the defaults overridden by the stored values; throws
    /// `WorkflowSettings.InvalidValue` for a value that does not parse.
    public static func load(_ db: PGConnection) throws -> WorkflowSettings {
        var stored: [String: String] = [:]
        for row in try db.execute("SELECT key, value FROM wage.settings").rows {
            stored[try row.string("key")] = try row.string("value")
        }
        return try WorkflowSettings(values: stored)
    }
}
