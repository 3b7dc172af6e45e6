import Reports
import Duties
import Messages
import Workflow

/// Says in plain words why a message is (or would be) refused, using the same
/// schema and duty list the router uses.
enum RefusalExplanation {
    static func explain(_ reason: RejectionReason, type: String, sender: String, body: JSONValue,
                        dutyList: DutyList?) -> String {
        let version = dutyList.map { " (duty list \($0.version))" } ?? ""
        let messageType = MessageType(rawValue: type)
        switch reason {
        case .unknownType:
            return "'\(type)' is not a message type\(version); known types: "
                + MessageType.allCases.map(\.rawValue).joined(separator: ", ")
        case .forbiddenSender:
            let allowed = messageType.flatMap { dutyList?.duty(for: $0) }?.senders.map(\.rawValue) ?? []
            return "\(sender) may not send \(type)\(version); allowed senders: " + allowed.joined(separator: ", ")
        case .invalidJSON:
            return "the payload is not one JSON object"
        case .tooLarge:
            return "the payload is larger than 256 KiB"
        case .missingProperty(let name):
            return "the AMQP property \(name) is missing or invalid (message_id: 1 to 128 characters)"
        case .schema(let path):
            guard let messageType else { return "field \(path) is missing or malformed" }
            return schemaProblem(path, type: messageType, body: body)
        case .forbiddenRecipient:
            guard let messageType, let duty = dutyList?.duty(for: messageType) else { return "the recipient is not allowed" }
            return recipientProblem(duty.destination, body: body, dutyList: dutyList!) + version
        case .unknownCase:
            return "the case is not known to the receiving department (check the case id: wagectl case list)"
        case .unknownProject:
            return "the project is not registered (check the project number: wagectl project list)"
        case .notAssignee:
            return "only the case's current assignee may do this (wagectl case show <case> shows the assignee)"
        case .invalidState:
            return "not allowed in the current state of the case, referral, request or application (see its show/list view)"
        case .processingFailed:
            return "the receiving worker kept failing on it until the delivery limit (see its logs; replay after the fix)"
        }
    }

    static func schemaProblem(_ path: String, type: MessageType, body: JSONValue) -> String {
        let option = path.contains("[") ? "" : " (option \(FieldDescription.option(for: path)))"
        guard let spec = FieldDescription.kind(at: path, of: type) else { return "field \(path) is malformed\(option)" }
        let expected = FieldDescription.describe(spec.kind)
        guard let value = value(at: path, in: body), value != .null else {
            return "\(path) is required\(option): \(expected)"
        }
        let shown = TextWidth.truncate(Masking.text(value.serialized), to: 60)
        return "\(path) = \(shown) is not valid\(option): it must be \(expected)"
    }

    static func recipientProblem(_ destination: Destination, body: JSONValue, dutyList: DutyList) -> String {
        switch destination {
        case .sector(let field, let mustMatch):
            guard let code = body[field]?.stringValue, let sector = Sector(rawValue: code),
                  let owner = dutyList.responsibleDepartment(for: sector) else {
                return "the \(field) has no responsible department"
            }
            return "sector \(sector.rawValue) belongs to \(owner.rawValue): \(mustMatch ?? "to") must be \(owner.rawValue) or left out"
        case .payload(let field, _, let allowed):
            return "\(field) must name " + allowed.map(\.rawValue).joined(separator: ", ")
        case .fixed, .deadLetter:
            return "the recipient is not allowed"
        }
    }

    /// The value at a schema path (`employer.name`, `evidence[0].kind`).
    static func value(at path: String, in body: JSONValue) -> JSONValue? {
        var current: JSONValue? = body
        for segment in path.split(separator: ".") {
            var parts = segment.split(separator: "[")
            let name = String(parts.removeFirst())
            current = current?[name]
            for index in parts {
                guard let i = Int(index.dropLast()), let items = current?.arrayValue, items.indices.contains(i) else { return nil }
                current = items[i]
            }
        }
        return current
    }
}
