import Duties
import Foundation
import Store
import Messages
import Workflow

/// The duty list in force (`wage.duty_lists WHERE in_force`), parsed once per
/// version: a stored version never changes (trigger), so the cache is keyed by it.
/// Which version is in force is looked up at most once per `recheckInterval`
/// (the router, which switches versions, itself rereads them every 5 s).
/// One instance per consumer lane, used on that lane's thread only.
public final class DutyListInForce {
    private var cached: DutyList?
    private var checkedAt: Date = .distantPast
    /// Seconds a looked-up version is trusted before it is looked up again.
    public let recheckInterval: TimeInterval

    public init(recheckInterval: TimeInterval = 1) { self.recheckInterval = recheckInterval }

    /// The list in force, or `nil` when none was loaded yet (the router loads it).
    /// Throws when the stored text does not parse (the message is retried).
    public func current(_ db: PGConnection) throws -> DutyList? {
        if let cached, Date().timeIntervalSince(checkedAt) < recheckInterval { return cached }
        guard let row = try db.execute("SELECT version FROM wage.duty_lists WHERE in_force").rows.first else {
            return nil
        }
        let version = try row.string("version")
        if let cached, cached.version == version {
            checkedAt = Date()
            return cached
        }
        guard let content = try db.execute(
            "SELECT content FROM wage.duty_lists WHERE version = $1", [version]).rows.first
        else { return nil }
        let list = try DutyListLoader.parse(yaml: try content.string("content"), source: "db:\(version)")
        cached = list
        checkedAt = Date()
        return list
    }
}

extension DutyList {
    /// The principals a `case.notice` may be delivered to (its `notify` allowed set).
    public var noticeRecipients: Set<Principal> {
        guard case .payload(_, _, let allowed)? = duty(for: .caseNotice)?.destination else { return [] }
        return Set(allowed)
    }
}
