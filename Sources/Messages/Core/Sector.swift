/// An economic sector of a clue; decides the responsible department (谁主管谁负责).
/// The sector → department table itself is data (the duty list), not code.
public enum Sector: String, CaseIterable, Sendable, Codable, Hashable {
    case construction, transport, water, agriculture
    case individualBusiness = "individual_business"
    case manufacturing, services, other
}
