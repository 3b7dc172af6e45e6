/// A principal of CONTRACT §1: one AMQP user and one PostgreSQL role each.
public enum Principal: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case hrss, housing, police, petitions, justice, finance
    case government, platform
    /// The bank that keeps projects' wage special accounts (开户银行, CONTRACT §7.6).
    case bank
    case transport, water, agriculture, market
    case router

    /// The queue this principal reads (`dept.<code>`).
    public var queueName: String { "dept.\(rawValue)" }

    /// The sector regulators that may run the generic sector worker (`worker-housing`).
    public static let sectorRegulators: [Principal] = [.housing, .transport, .water, .agriculture, .market]

    /// Departments that handle cases (everyone who can be an assignee).
    public var isDepartment: Bool {
        switch self {
        case .government, .platform, .bank, .router: return false
        default: return true
        }
    }

    public static func < (lhs: Principal, rhs: Principal) -> Bool { lhs.rawValue < rhs.rawValue }
}
