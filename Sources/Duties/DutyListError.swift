/// Why a duty list file was refused. The whole file is refused: there is no
/// half-valid duty list.
public struct DutyListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (path or source name given to the loader).
    public let file: String
    /// The 1-based line of the offending node, where known.
    public let line: Int?
    /// What is wrong.
    public let reason: Reason

    /// Memberwise.
    public init(file: String, line: Int?, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: code: detail`.
    public var description: String {
        "\(file):\(line.map(String.init) ?? "?"): \(reason.code): \(reason.detail)"
    }

    /// The kinds of problem, each with a stable `code`.
    public enum Reason: Sendable, Equatable {
        /// The file cannot be read (`unreadable`).
        case unreadable(String)
        /// Not well-formed YAML (`yaml_syntax`).
        case yamlSyntax(String)
        /// No non-empty `version` (`missing_version`).
        case missingVersion
        /// A required key is absent (`missing_key`).
        case missingKey(String)
        /// A key the format does not know, e.g. a typo (`unknown_key`).
        case unknownKey(String)
        /// A value of the wrong YAML shape (`wrong_type`), e.g. a scalar where a list is expected.
        case wrongType(expected: String)
        /// A key or list entry given twice (`duplicate_key`).
        case duplicateKey(String)
        /// A code that is not a principal of CONTRACT §1 (`unknown_principal`).
        case unknownPrincipal(String)
        /// A sender not declared under `principals` (`undeclared_sender`).
        case undeclaredSender(String)
        /// A recipient (fixed, allowed, copy_to, sector owner) not declared under `principals`
        /// (`recipient_outside_principals`).
        case recipientOutsidePrincipals(String)
        /// A message type that does not exist (`unknown_message_type`).
        case unknownMessageType(String)
        /// A message type of CONTRACT §3 (or an extension) with no entry (`missing_message_type`).
        case missingMessageType(String)
        /// A sector that does not exist (`unknown_sector`).
        case unknownSector(String)
        /// A sector with no responsible department (`missing_sector`).
        case missingSector(String)
        /// A `to` that is none of the allowed forms or names an unsuitable field (`bad_to_spec`).
        case badToSpec(String)
        /// A list that must not be empty is empty (`empty_list`).
        case emptyList(String)
        /// A `report_kinds` / `report_bodies` entry that is malformed (docs/reports.md).
        case badReportKind(String)

        /// The stable machine-readable code.
        public var code: String {
            switch self {
            case .unreadable: return "unreadable"
            case .yamlSyntax: return "yaml_syntax"
            case .missingVersion: return "missing_version"
            case .missingKey: return "missing_key"
            case .unknownKey: return "unknown_key"
            case .wrongType: return "wrong_type"
            case .duplicateKey: return "duplicate_key"
            case .unknownPrincipal: return "unknown_principal"
            case .undeclaredSender: return "undeclared_sender"
            case .recipientOutsidePrincipals: return "recipient_outside_principals"
            case .unknownMessageType: return "unknown_message_type"
            case .missingMessageType: return "missing_message_type"
            case .unknownSector: return "unknown_sector"
            case .missingSector: return "missing_sector"
            case .badToSpec: return "bad_to_spec"
            case .emptyList: return "empty_list"
            case .badReportKind: return "bad_report_kind"
            }
        }

        /// Human-readable detail (the offending name or explanation).
        public var detail: String {
            switch self {
            case .missingVersion: return "the file has no non-empty `version`"
            case .wrongType(let expected): return "expected \(expected)"
            case .unreadable(let s), .yamlSyntax(let s), .missingKey(let s), .unknownKey(let s),
                 .duplicateKey(let s), .unknownPrincipal(let s), .undeclaredSender(let s),
                 .recipientOutsidePrincipals(let s), .unknownMessageType(let s), .missingMessageType(let s),
                 .unknownSector(let s), .missingSector(let s), .badToSpec(let s), .emptyList(let s),
                 .badReportKind(let s):
                return s
            }
        }
    }
}
