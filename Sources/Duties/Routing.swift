import Messages
import Workflow

/// The routing decision for one message whose AMQP properties already passed
/// `checkProperties` and whose body was parsed (`parseBody`). Pure.
///
/// Checks, in order (the first failure wins):
/// 1. `type` is a known message type, else `unknown_type`;
/// 2. `sender` is a known principal allowed to send `type`, else `forbidden_sender`;
/// 3. the payload matches the schema of `type`, else `invalid_json` (not an object)
///    or `schema:<path>`;
/// 4. the recipients resolve within the duty list, else `forbidden_recipient`.
///
/// `appliedBySender` (header `x-wage-applied-by-sender: true`): the sender applied
/// the message itself, so a `copy_to` copy to the sender is left out (a copy to
/// anyone else, and the sender as a §3 recipient, are kept).
public func route(type: String, sender: String, body: JSONValue, dutyList: DutyList,
                  appliedBySender: Bool = false) -> RoutingDecision {
    guard let messageType = MessageType(rawValue: type), let duty = dutyList.duty(for: messageType) else {
        return .reject(.unknownType)
    }
    guard let principal = Principal(rawValue: sender), duty.senders.contains(principal) else {
        return .reject(.forbiddenSender)
    }
    if let problem = MessageSchemas.validate(type: messageType, body: body) { return .reject(problem) }

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
    let copies = appliedBySender ? duty.copyTo.filter { $0 != principal } : duty.copyTo
    return .deliver(recipients: Array(Set(recipients + copies)).sorted(), version: dutyList.version)
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
