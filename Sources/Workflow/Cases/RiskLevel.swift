import Messages
/// The risk grade of a case (`case_overview.risk_level`).
public enum RiskLevel: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case low, medium, high

    var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}
