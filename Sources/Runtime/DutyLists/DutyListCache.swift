import Duties
import Foundation
import Store
import Messages
import Workflow

/// The duty list in force (`DutyListStore`), parsed once per version: a stored
/// version never changes (trigger), so the cache is keyed by it.
/// Which version is in force is looked up at most once per `recheckInterval`
/// (the router, which switches versions, itself rereads them every 5 s).
/// One instance per consumer lane, used on that lane's thread only.
public final class DutyListCache {
    private var cached: DutyList?
    private var checkedAt: Date = .distantPast
    /// Seconds a looked-up version is trusted before it is looked up again.
    public let recheckInterval: TimeInterval

    public init(recheckInterval: TimeInterval = 1) { self.recheckInterval = recheckInterval }

    /// The list in force, or `nil` when none was loaded yet (the router loads it).
    /// Throws when the stored text does not parse (the message is retried).
    public func current(_ db: PGConnection) throws -> DutyList? {
        if let cached, Date().timeIntervalSince(checkedAt) < recheckInterval { return cached }
        guard let version = try DutyListStore.versionInForce(db: db) else { return nil }
        if let cached, cached.version == version {
            checkedAt = Date()
            return cached
        }
        let list = try DutyListStore.load(version: version, db: db)
        cached = list
        checkedAt = Date()
        return list
    }
}
