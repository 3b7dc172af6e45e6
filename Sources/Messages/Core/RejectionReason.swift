/// A rejection reason of CONTRACT §5 (`x-wage-reason`, `wage.rejections.reason`).
public enum RejectionReason: Sendable, Hashable, CustomStringConvertible {
    case invalidJSON
    case tooLarge
    case missingProperty(String)
    case unknownType
    case schema(String)
    case forbiddenSender
    case forbiddenRecipient
    case unknownCase
    /// A project message whose `project_no` is not registered (CONTRACT §8.1, amends §5).
    case unknownProject
    case notAssignee
    case invalidState
    /// Extension: the message kept failing in its handler until the delivery limit.
    case processingFailed

    /// The wire code, e.g. `schema:amount_owed` or `missing_property:message_id`.
    public var code: String {
        switch self {
        case .invalidJSON: return "invalid_json"
        case .tooLarge: return "too_large"
        case .missingProperty(let name): return "missing_property:\(name)"
        case .unknownType: return "unknown_type"
        case .schema(let field): return "schema:\(field)"
        case .forbiddenSender: return "forbidden_sender"
        case .forbiddenRecipient: return "forbidden_recipient"
        case .unknownCase: return "unknown_case"
        case .unknownProject: return "unknown_project"
        case .notAssignee: return "not_assignee"
        case .invalidState: return "invalid_state"
        case .processingFailed: return "processing_failed"
        }
    }

    public var description: String { code }

    /// Parses a wire code back into a reason; `nil` for an unknown code.
    public init?(code: String) {
        if let rest = code.stripping(prefix: "missing_property:") { self = .missingProperty(rest); return }
        if let rest = code.stripping(prefix: "schema:") { self = .schema(rest); return }
        switch code {
        case "invalid_json": self = .invalidJSON
        case "too_large": self = .tooLarge
        case "unknown_type": self = .unknownType
        case "forbidden_sender": self = .forbiddenSender
        case "forbidden_recipient": self = .forbiddenRecipient
        case "unknown_case": self = .unknownCase
        case "unknown_project": self = .unknownProject
        case "not_assignee": self = .notAssignee
        case "invalid_state": self = .invalidState
        case "processing_failed": self = .processingFailed
        default: return nil
        }
    }
}

extension String {
    func stripping(prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
