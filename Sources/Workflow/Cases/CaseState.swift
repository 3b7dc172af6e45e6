import Messages
import Foundation

/// The leader named for a case (领导包案).
public struct CaseLeader: Sendable, Hashable {
    public var name: String
    /// The leader's department as given (free text, e.g. `government` or 区人民政府).
    public var department: String
    /// The city leader who co-owns the package (分管市领导, CONTRACT §7.3), when named.
    public var cityLeader: String?
    /// The department as a principal, when it names one (then it is notified).
    public var principal: Principal? { Principal(rawValue: department) }
    public init(name: String, department: String, cityLeader: String? = nil) {
        self.name = name
        self.department = department
        self.cityLeader = cityLeader
    }
}

/// What the assignee reported when resolving a case (办结).
public struct CaseResolution: Sendable, Hashable {
    /// How the case ended (§7.1).
    public var disposition: CaseDisposition
    public var amountPaid: Money?
    public var workersPaid: Int?
    public var note: String?
    public var resolvedBy: Principal
    public var resolvedAt: Date
    public init(disposition: CaseDisposition = .paid, amountPaid: Money?, workersPaid: Int?, note: String?,
                resolvedBy: Principal, resolvedAt: Date) {
        self.disposition = disposition
        self.amountPaid = amountPaid
        self.workersPaid = workersPaid
        self.note = note
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
    }
}

/// A case as the office (the hrss worker) holds it. Event functions live in the
/// `CaseState+…` files; each returns a rejection or the new state plus actions.
public struct CaseState: Sendable, Hashable {
    public let caseID: String
    public var channel: ClueChannel
    public var clueRef: String
    /// The principal that reported the clue (the originating department).
    public var origin: Principal
    public var employer: Employer
    public var project: Project?
    /// The registered project the case is linked to (CONTRACT §7.6), kept as given.
    public var projectNo: String?
    public var sector: Sector
    public var workersCount: Int
    public var amountOwed: Money
    public var risk: RiskLevel
    public var status: CaseStatus
    /// The department that must act; `nil` while registered or returned.
    public var assignee: Principal?
    /// The deadline: the case must be resolved by the end of this day.
    public var dueOn: Day?
    /// The task force members (一案一专班); empty until one is formed.
    public var taskForce: [Principal]
    /// The day the task force was formed (escalation day, or the sweep's `as_of`).
    public var escalatedOn: Day?
    public var leader: CaseLeader?
    /// Set when the sweep lists the leader package for discipline supervision
    /// (报纪检监察跟踪监督, CONTRACT §7.3: once, when it missed its `dueOn`); stays set.
    public var underDisciplineSupervision: Bool
    public var resolution: CaseResolution?
    public var openedAt: Date
    public var closedAt: Date?

    public init(caseID: String, channel: ClueChannel, clueRef: String, origin: Principal, employer: Employer,
                project: Project? = nil, projectNo: String? = nil, sector: Sector, workersCount: Int, amountOwed: Money, risk: RiskLevel,
                status: CaseStatus, assignee: Principal? = nil, dueOn: Day? = nil, taskForce: [Principal] = [], escalatedOn: Day? = nil,
                leader: CaseLeader? = nil, underDisciplineSupervision: Bool = false,
                resolution: CaseResolution? = nil, openedAt: Date, closedAt: Date? = nil) {
        self.caseID = caseID
        self.channel = channel
        self.clueRef = clueRef
        self.origin = origin
        self.employer = employer
        self.project = project
        self.projectNo = projectNo
        self.sector = sector
        self.workersCount = workersCount
        self.amountOwed = amountOwed
        self.risk = risk
        self.status = status
        self.assignee = assignee
        self.dueOn = dueOn
        self.taskForce = taskForce
        self.escalatedOn = escalatedOn
        self.leader = leader
        self.underDisciplineSupervision = underDisciplineSupervision
        self.resolution = resolution
        self.openedAt = openedAt
        self.closedAt = closedAt
    }

    /// Whether the case missed its deadline as of `day`: open, with a `dueOn`
    /// strictly before `day` (the due day itself is still in time).
    public func isOverdue(asOf day: Day) -> Bool {
        guard status.isOpen, let dueOn else { return false }
        return day > dueOn
    }
}
