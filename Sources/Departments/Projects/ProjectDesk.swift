import Logging
import Runtime
import Store
import Messages
import Workflow

/// The office's project desk (源头治理, CONTRACT §8), a part of `worker-hrss`: the
/// ledger of every project (台账) with its wage deposit, special account, real-name
/// roster, payrolls and inspections, the warnings they raise, and the cases the
/// office opens by itself from unpaid payrolls and misappropriated accounts.
///
/// Every message locks its project's row first, so concurrent deposit movements
/// queue and the balance never goes negative. Refusals follow §7.8:
/// `unknown_project`, `unknown_case`, then `invalid_state`. Roster names and ID
/// numbers are never logged. See docs/projects.md.
public final class ProjectDesk: HandlerPart {
    let office: CaseOffice
    let logger = Logger(label: "worker-hrss.projects")

    /// `office` registers and transfers the cases the desk opens.
    public init(office: CaseOffice) { self.office = office }

    public let types: Set<MessageType> = [
        .projectRegister, .projectCompleted, .depositPaid, .depositDrawn, .depositReleased, .accountOpened, .accountFunded,
        .accountAlert, .accountStatement, .rosterEnrol, .payrollSubmitted, .inspectionRecorded,
    ]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        do {
            let p = message.payload
            let store = ProjectStore(db: context.db)
            switch message.type {
            case .projectRegister?: return try register(ProjectRegister(json: p), message, store, context)
            case .projectCompleted?:
                let c = try ProjectCompleted(json: p)
                return try onProject(c.projectNo, store) { try complete(c, $0, store, context) }
            case .depositPaid?:
                let d = try DepositPaid(json: p)
                return try onProject(d.projectNo, store) { try pay(d, $0, store, context) }
            case .depositDrawn?:
                let d = try DepositDrawn(json: p)
                return try onProject(d.projectNo, store) { try draw(d, $0, store, context) }
            case .depositReleased?:
                let d = try DepositReleased(json: p)
                return try onProject(d.projectNo, store) { try release(d, $0, store, context) }
            case .accountOpened?:
                let a = try AccountOpened(json: p)
                return try onProject(a.projectNo, store) { try open(a, $0, store, context) }
            case .accountFunded?:
                let a = try AccountFunded(json: p)
                return try onProject(a.projectNo, store) { try fund(a, $0, store, context) }
            case .accountAlert?:
                let a = try AccountAlert(json: p)
                return try onProject(a.projectNo, store) { try alert(a, $0, store, message, context) }
            case .accountStatement?:
                let a = try AccountStatement(json: p)
                return try onProject(a.projectNo, store) { try statement(a, $0, store, context) }
            case .rosterEnrol?:
                let r = try RosterEnrol(json: p)
                return try onProject(r.projectNo, store) { try enrol(r, $0, store, context) }
            case .payrollSubmitted?:
                let r = try PayrollSubmitted(json: p)
                return try onProject(r.projectNo, store) { try payroll(r, $0, store, message, context) }
            case .inspectionRecorded?:
                let r = try InspectionRecorded(json: p)
                return try onProject(r.projectNo, store) { try inspect(r, $0, store, message, context) }
            default:
                return .reject(.unknownType)
            }
        } catch let reason as RejectionReason {
            return .reject(reason)
        }
    }

    /// Locks `projectNo` and applies `body`; `unknown_project` when it is not registered.
    func onProject(_ projectNo: String, _ store: ProjectStore,
                   _ body: (ProjectRecord) throws -> Disposition) throws -> Disposition {
        guard let project = try store.lock(projectNo) else { return .reject(.unknownProject) }
        return try body(project)
    }

    /// The sweep's project warnings (§8.6), in the `office.sweep` transaction.
    public func sweep(asOf: Day, context: HandlerContext) throws {
        try ProjectSweep(context: context).run(asOf: asOf)
    }
}
