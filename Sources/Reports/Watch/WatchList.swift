import Messages

/// The monthly watch list of projects and cases at risk (重点关注项目清单, seed 000
/// 三(一)3; issue 22 part 2): every entry of `wage.watch_list` that was on the list
/// at some time in the month.
public struct WatchList: Sendable {
    /// What put an entry on the list (the view's `kind`), in the printed order.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case highRisk = "high_risk", taskForce = "task_force", leaderPackage = "leader_package"
        case projectWarning = "project_warning", collectiveVisit = "collective_visit", listedEmployer = "listed_employer"

        /// The name in `lang`.
        public func name(_ lang: ReportLanguage) -> String {
            guard lang == .zh else { return rawValue }
            switch self {
            case .highRisk: return "高风险案件"
            case .taskForce: return "专班督办案件"
            case .leaderPackage: return "领导包案案件"
            case .projectWarning: return "预警在建项目"
            case .collectiveVisit: return "集体访和群体性事件"
            case .listedEmployer: return "失信联合惩戒对象"
            }
        }
    }

    /// One entry.
    public struct Entry: Sendable, Codable, Equatable {
        public var kind: Kind
        /// case_no, project_no, petition_no or credit_code.
        public var subject: String
        public var name: String?
        /// Who acts (principal code).
        public var department: String?
        public var riskLevel: String?
        public var status: String?
        public var workersCount: Int?
        public var amountOwed: Money?
        /// Task force members, leader, warning kind, petition / incident_alert, basis cases.
        public var detail: String?
        /// The day it came onto the list (Asia/Shanghai).
        public var since: Day
        /// The day it left, nil while still on it.
        public var until: Day?
        /// Still on the list at the end of the month (in the current month: still on it now).
        public var openAtEnd: Bool
    }

    /// `YYYY-MM`.
    public var month: String
    public var entries: [Entry]

    /// The entries of one kind.
    public func entries(_ kind: Kind) -> [Entry] { entries.filter { $0.kind == kind } }

    /// Entries per kind, every kind listed (0 when none).
    public var counts: [(Kind, Int)] { Kind.allCases.map { k in (k, entries.filter { $0.kind == k }.count) } }
}
