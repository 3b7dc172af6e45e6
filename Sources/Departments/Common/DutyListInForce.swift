import Duties
import Store
import Workflow

/// The duty list in force (`wage.duty_lists WHERE in_force`), parsed once per
/// version: a stored version never changes (trigger), so the cache is keyed by it.
/// One instance per worker, used on its consumer thread only.
public final class DutyListInForce {
    private var cached: DutyList?

    public init() {}

    /// The list in force, or `nil` when none was loaded yet (the router loads it).
    /// Throws when the stored text does not parse (the message is retried).
    public func current(_ db: PGConnection) throws -> DutyList? {
        guard let row = try db.execute("SELECT version FROM wage.duty_lists WHERE in_force").rows.first else {
            return nil
        }
        let version = try row.string("version")
        if let cached, cached.version == version { return cached }
        guard let content = try db.execute(
            "SELECT content FROM wage.duty_lists WHERE version = $1", [version]).rows.first
        else { return nil }
        let list = try DutyListLoader.parse(yaml: try content.string("content"), source: "db:\(version)")
        cached = list
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
