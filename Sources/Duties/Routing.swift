import Messages
import Workflow

/// The routing decision for one message whose AMQP properties already passed
/// `checkProperties` and whose body was parsed (`parseBody`). Pure.
///
/// Checks, in order (the first failure wins; CONTRACT §7.8):
/// 1. `type` is a known message type under this duty list, else `unknown_type`;
/// 2. `sender` is a known principal allowed to send `type`, else `forbidden_sender`
///    (on `project.register` the sector is checked first: a sector without a
///    regulator is `schema:sector`, whoever sends it);
/// 3. the payload matches the catalogue's rules for `type` as of `today`, else
///    `invalid_json` (not an object) or `schema:<path>`; on a department return
///    (`report_kind`) the kind is known, else `schema:kind`, its owner (or who
///    enters it for a body) is the sender, else `forbidden_sender`, and its figures
///    are those the kind defines, else `schema:figures.<key>`; then the header
///    `x-wage-actor` (`actorIsValid`), else `schema:x-wage-actor`;
/// 4. the recipients resolve within the duty list, else `forbidden_recipient`;
/// 5. a project message names a project the router knows (`projects`), else
///    `unknown_project`.
///
/// `appliedBySender` (header `x-wage-applied-by-sender: true`): the sender applied
/// the message itself, so a `copy_to` copy to the sender is left out (a copy to
/// anyone else, and the sender as a §3 recipient, are kept).
public func route(type: String, sender: String, body: JSONValue, dutyList: DutyList,
                  appliedBySender: Bool = false, actorIsValid: Bool = true, today: Day = .shanghaiToday(),
                  projects: (String) -> Sector? = { _ in nil }) -> RoutingDecision {
    guard let messageType = MessageType(rawValue: type), let duty = dutyList.duty(for: messageType) else {
        return .reject(.unknownType)
    }
    let project: ProjectParty
    switch ProjectParty.resolve(duty, body: body, dutyList: dutyList, projects: projects) {
    case .failure(let reason): return .reject(reason)
    case .success(let party): project = party
    }
    guard let principal = Principal(rawValue: sender),
          duty.senders.contains(principal) || project.maySend(principal, duty: duty, dutyList: dutyList) else {
        return .reject(.forbiddenSender)
    }
    if let problem = MessageSchemas.validate(type: messageType, body: body, today: today) { return .reject(problem) }
    if let rule = duty.reportKind, let refusal = reportKindRefusal(rule, body: body, sender: principal, dutyList: dutyList) {
        return .reject(refusal)
    }
    guard actorIsValid else { return .reject(.schema(actorHeader)) }

    let recipients: [Principal]
    switch duty.destination {
    case .deadLetter:
        guard let rejection = workerRejection(body, rejectedBy: principal) else { return .reject(.schema("original_type")) }
        return .deadLetter(.workerRejection(rejection), version: dutyList.version)
    case .fixed(let fixed):
        recipients = fixed
    case .payload(let field, let multiple, let allowed):
        guard let named = namedPrincipals(body[field], multiple: multiple),
              !named.isEmpty, named.allSatisfy(allowed.contains) else { return .reject(.forbiddenRecipient) }
        recipients = named
    case .sector(let field, let mustMatch):
        guard let code = body[field]?.stringValue, let sector = Sector(rawValue: code),
              let responsible = dutyList.responsibleDepartment(for: sector) else { return .reject(.forbiddenRecipient) }
        if let mustMatch, let given = body[mustMatch], given != .null, given != .string(responsible.rawValue) {
            return .reject(.forbiddenRecipient)
        }
        recipients = [responsible]
    }
    let regulatorCopy: [Principal]
    switch project {
    case .notAProjectMessage: regulatorCopy = []
    case .unknown: return .reject(.unknownProject)
    case .regulatedBy(let regulator): regulatorCopy = duty.regulatorReceives ? [regulator] : []
    }
    let copies = appliedBySender ? duty.copyTo.filter { $0 != principal } : duty.copyTo
    return .deliver(recipients: Array(Set(recipients + regulatorCopy + copies)).sorted(), version: dutyList.version)
}

/// The header naming the person who acted (CONTRACT §7.9).
public let actorHeader = "x-wage-actor"

/// Whether a value of `x-wage-actor` is valid: 1 to 64 characters (§7.9).
public func isValidActor(_ login: String) -> Bool { (1...64).contains(login.count) && !login.unicodeScalars.contains("\u{0}") }

/// Where a message stands towards a project (CONTRACT §8).
enum ProjectParty {
    /// The duty has no project rule.
    case notAProjectMessage
    /// It names a project the router does not know (and does not register one).
    case unknown
    /// The project's regulator (from the payload's sector on `project.register`, else
    /// from the router's directory).
    case regulatedBy(Principal)

    static func resolve(_ duty: MessageDuty, body: JSONValue, dutyList: DutyList,
                        projects: (String) -> Sector?) -> Result<ProjectParty, RejectionReason> {
        guard let rule = duty.project else { return .success(.notAProjectMessage) }
        if let sectorField = rule.sectorField {
            guard let code = body[sectorField]?.stringValue, let sector = Sector(rawValue: code),
                  sector.hasConstructionProjects, let regulator = dutyList.responsibleDepartment(for: sector) else {
                return .failure(.schema(sectorField))
            }
            return .success(.regulatedBy(regulator))
        }
        guard let projectNo = body[rule.field]?.stringValue, let sector = projects(projectNo),
              let regulator = dutyList.responsibleDepartment(for: sector) else { return .success(.unknown) }
        return .success(.regulatedBy(regulator))
    }

    /// Whether `sender` may send as the project's regulator. For an unknown project,
    /// any department that regulates projects passes here and the message is then
    /// refused `unknown_project` (§7.8 order: the sender, the schema, then the project).
    func maySend(_ sender: Principal, duty: MessageDuty, dutyList: DutyList) -> Bool {
        guard duty.regulatorMaySend else { return false }
        switch self {
        case .notAProjectMessage: return false
        case .unknown: return dutyList.regulatesProjects(sender)
        case .regulatedBy(let regulator): return regulator == sender
        }
    }
}

/// A department return's kind check (docs/reports.md), after the catalogue's: an
/// unknown kind is `schema:<field>`, a sender that does not owe the kind (or enter it
/// for the body that does) `forbidden_sender`, then the figures `schema:<figures>.<key>`.
func reportKindRefusal(_ rule: ReportKindRule, body: JSONValue, sender: Principal, dutyList: DutyList) -> RejectionReason? {
    guard let code = body[rule.field]?.stringValue, let kind = dutyList.reportKinds[code] else { return .schema(rule.field) }
    guard kind.sender == sender else { return .forbiddenSender }
    return kind.figuresProblem(body[rule.figures], path: rule.figures).map(RejectionReason.schema)
}

/// The principals named by a payload field (a code, or an array of codes).
private func namedPrincipals(_ value: JSONValue?, multiple: Bool) -> [Principal]? {
    guard let value else { return nil }
    let codes: [JSONValue] = multiple ? (value.arrayValue ?? []) : [value]
    var out: [Principal] = []
    for code in codes {
        guard let text = code.stringValue, let principal = Principal(rawValue: text) else { return nil }
        out.append(principal)
    }
    return out
}

/// A schema-valid `message.rejected` body as a value.
private func workerRejection(_ body: JSONValue, rejectedBy: Principal) -> WorkerRejection? {
    guard let id = body["original_message_id"]?.stringValue,
          let type = body["original_type"]?.stringValue.flatMap(MessageType.init(rawValue:)),
          let reason = body["reason"]?.stringValue.flatMap(RejectionReason.init(code:)),
          let sender = body["original_sender"]?.stringValue.flatMap(Principal.init(rawValue:)) else { return nil }
    return WorkerRejection(originalMessageID: id, originalType: type, reason: reason, originalSender: sender,
                           originalBody: body["original_body"]?.stringValue, rejectedBy: rejectedBy)
}
