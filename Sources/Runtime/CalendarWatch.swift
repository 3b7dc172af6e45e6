import Foundation
import Logging
import Store

/// Keeps every lane's working-day calendar as committed (CONTRACT §7.4): at most
/// once per `interval` it reads the calendar's version (`wage.reference_versions`,
/// bumped by a trigger on every change to `wage.calendar`, sql/0122) and reloads the
/// calendars when it moved. A change made by `wagectl calendar load` or by SQL is
/// thus used by every deadline computed a second or so after it commits, without
/// a restart. A failed look keeps the calendar in use and is tried again later.
struct CalendarWatch {
    let interval: Double
    private(set) var version: Int64?
    private var lastLook = Date.distantPast

    init(interval: Double) { self.interval = interval }

    /// Looks at the version if `interval` has passed; reloads on a change (or the first time).
    mutating func refreshIfDue(_ lanes: BatchLanes, logger: Logger, now: Date = Date()) {
        guard now.timeIntervalSince(lastLook) >= interval else { return }
        lastLook = now
        do {
            let current = try Self.version(lanes.primary.db)
            guard current != version else { return }
            try lanes.reloadCalendars()
            if version != nil { logger.info("working-day calendar changed; reloaded", metadata: ["version": "\(current)"]) }
            version = current
        } catch {
            logger.warning("could not check the working-day calendar; keeping the one in use", metadata: ["error": "\(error)"])
        }
    }

    /// The calendar's version as committed.
    static func version(_ db: PGConnection) throws -> Int64 {
        try db.execute("SELECT version FROM wage.reference_versions WHERE name = 'calendar'").rows.first?
            .int64("version") ?? 0
    }
}
