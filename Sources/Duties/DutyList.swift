import Messages
import Crypto
import Foundation
import Workflow

/// A validated duty list (CONTRACT §1, §3): who may send each message type and
/// where the router delivers it, plus the sector → responsible department table.
///
/// Only `DutyListLoader` builds one, and only from a file that passed every check:
/// there is no half-valid duty list.
public struct DutyList: Sendable, Equatable {
    /// The version string of the file (`version: "2026-1"`), recorded with every
    /// routing decision in `wage.routing_log`.
    public let version: String
    /// Where the text came from (a path, or e.g. `db:2026-1`), for error messages.
    public let source: String
    /// The exact text that was parsed, so it can be stored in the database.
    public let text: String
    /// SHA-256 of `text` (UTF-8), lowercase hex: identifies the content in force.
    public let contentHash: String
    /// The declared principals, in file order.
    public let principals: [PrincipalInfo]
    /// Sector → responsible department (谁主管谁负责); every `Sector` is present.
    public let sectorTable: [Sector: Principal]
    /// The rule of every message type; every `MessageType` is present.
    public let duties: [MessageType: MessageDuty]
    /// Units owing returns that are not principals (发改, 总工会), by code.
    public let reportBodies: [String: ReportBody]
    /// The kinds of department returns (信息互通, docs/reports.md), by code.
    public let reportKinds: [String: ReportKind]

    /// Memberwise; used by the loader after every check passed.
    init(version: String, source: String, text: String, principals: [PrincipalInfo],
         sectorTable: [Sector: Principal], duties: [MessageType: MessageDuty],
         reportBodies: [String: ReportBody] = [:], reportKinds: [String: ReportKind] = [:]) {
        self.version = version
        self.source = source
        self.text = text
        self.contentHash = DutyList.digest(text)
        self.principals = principals
        self.sectorTable = sectorTable
        self.duties = duties
        self.reportBodies = reportBodies
        self.reportKinds = reportKinds
    }

    /// SHA-256 of `text` (UTF-8) as 64 lowercase hex digits (swift-crypto).
    public static func digest(_ text: String) -> String {
        SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The rule for `type` (never `nil` for a loaded list; optional for safety).
    public func duty(for type: MessageType) -> MessageDuty? { duties[type] }

    /// The department responsible for `sector`.
    public func responsibleDepartment(for sector: Sector) -> Principal? { sectorTable[sector] }

    /// The declared entry of `principal`, if any.
    public func info(for principal: Principal) -> PrincipalInfo? {
        principals.first { $0.code == principal }
    }

    /// Whether `sender` may send `type` (for some project, where the project's
    /// regulator may send it: the router then checks it is this project's).
    public func maySend(_ sender: Principal, _ type: MessageType) -> Bool {
        guard let duty = duties[type] else { return false }
        return duty.senders.contains(sender) || (duty.regulatorMaySend && regulatesProjects(sender))
    }

    /// Whether `principal` regulates some sector with construction projects (CONTRACT §8).
    public func regulatesProjects(_ principal: Principal) -> Bool {
        sectorTable.contains { $0.key.hasConstructionProjects && $0.value == principal }
    }

    /// The name staff use for a return's owing unit (a principal or a body), in Chinese.
    public func ownerNameZh(_ code: String) -> String {
        reportBodies[code]?.nameZh ?? Principal(rawValue: code).flatMap { info(for: $0)?.nameZh } ?? code
    }

    /// The principals that run a worker (consume their own `dept.<code>` queue).
    public var workerPrincipals: [Principal] {
        principals.filter(\.runsWorker).map(\.code).sorted()
    }
}

/// One principal as declared in a duty list (CONTRACT §1).
public struct PrincipalInfo: Sendable, Equatable {
    /// The code (AMQP user, PostgreSQL role, queue `dept.<code>`).
    public let code: Principal
    /// The department's Chinese name.
    public let nameZh: String
    /// The department's English name.
    public let nameEn: String
    /// Whether it consumes its own queue with a worker process.
    public let runsWorker: Bool

    /// Memberwise.
    public init(code: Principal, nameZh: String, nameEn: String, runsWorker: Bool) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.runsWorker = runsWorker
    }
}

/// The rule of one message type: who may send it and where it goes.
public struct MessageDuty: Sendable, Equatable {
    /// The message type.
    public let type: MessageType
    /// The principals allowed to send it, sorted.
    public let senders: [Principal]
    /// Where the router delivers it.
    public let destination: Destination
    /// Principals that always receive a copy in addition to `destination`, sorted.
    public let copyTo: [Principal]
    /// A project message (CONTRACT §8): which payload field names the project, and
    /// whether the message registers it. `nil` for every other message.
    public let project: ProjectRule?
    /// The project's regulator may send it (`regulator` in `from`).
    public let regulatorMaySend: Bool
    /// The project's regulator receives it (`regulator` in `to.fixed`).
    public let regulatorReceives: Bool
    /// A department return (`report_kind`): the kind's owner must be the sender.
    public let reportKind: ReportKindRule?

    /// Senders and `copyTo` are deduplicated and sorted.
    public init(type: MessageType, senders: [Principal], destination: Destination, copyTo: [Principal],
                project: ProjectRule? = nil, regulatorMaySend: Bool = false, regulatorReceives: Bool = false,
                reportKind: ReportKindRule? = nil) {
        self.type = type
        self.senders = Array(Set(senders)).sorted()
        self.destination = destination
        self.copyTo = Array(Set(copyTo)).sorted()
        self.project = project
        self.regulatorMaySend = regulatorMaySend
        self.regulatorReceives = regulatorReceives
        self.reportKind = reportKind
    }
}

/// How a project message names its project (duty-list key `project`).
public struct ProjectRule: Sendable, Equatable {
    /// The payload field holding the `project_no`.
    public let field: String
    /// For the message that registers a project: the payload field holding its sector
    /// (the regulator is that sector's department); `nil` for messages about a project
    /// already registered (the router looks its sector up).
    public let sectorField: String?

    /// Memberwise.
    public init(field: String, sectorField: String?) {
        self.field = field
        self.sectorField = sectorField
    }
}

/// Where the router delivers a message type (the `to` of a duty list entry).
public enum Destination: Sendable, Equatable {
    /// Always these principals (sorted).
    case fixed([Principal])
    /// The principal(s) named in payload field `field` (a single code, or an array of
    /// codes when `multiple`), each of which must be in `allowed`.
    case payload(field: String, multiple: Bool, allowed: [Principal])
    /// The responsible department of the sector in payload field `field`; when
    /// `mustMatch` names a field and the payload carries it, it must name that department.
    case sector(field: String, mustMatch: String?)
    /// The dead-letter exchange `wage.dead`, not a department.
    case deadLetter
}

extension DutyList {
    /// The principals a `case.notice` may be delivered to (its `notify` allowed set).
    public var noticeRecipients: Set<Principal> {
        guard case .payload(_, _, let allowed)? = duty(for: .caseNotice)?.destination else { return [] }
        return Set(allowed)
    }
}
