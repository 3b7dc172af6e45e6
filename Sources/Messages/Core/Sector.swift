/// An economic sector of a clue; decides the responsible department (谁主管谁负责).
/// The sector → department table itself is data (the duty list), not code.
public enum Sector: String, CaseIterable, Sendable, Codable, Hashable {
    case construction, transport, water, agriculture
    case individualBusiness = "individual_business"
    case manufacturing, services, other
}

extension Sector {
    /// Sectors whose works are construction projects with a regulator (CONTRACT §8):
    /// construction, transport, water and agriculture. Other sectors are `schema:sector`
    /// on a project message.
    public var hasConstructionProjects: Bool {
        switch self {
        case .construction, .transport, .water, .agriculture: return true
        default: return false
        }
    }
}
