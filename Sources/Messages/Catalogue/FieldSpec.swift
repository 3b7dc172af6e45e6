

/// The kind of value a payload field holds (CONTRACT §2, §3).
public indirect enum FieldKind: Sendable, Equatable {
    /// A JSON string of `minLength...maxLength` characters.
    case string(minLength: Int, maxLength: Int)
    /// A JSON string that is one of `values`.
    case enumeration([String])
    /// A JSON integer `>= min` and `<= max` (at most `SchemaBounds.maxInt`; an integral
    /// value in exponent notation, `1e2`, reads as the integer 100).
    case int(min: Int, max: Int = SchemaBounds.maxInt)
    /// A JSON `true` or `false`.
    case bool
    /// A decimal string in yuan, at most 2 decimals, `> 0` and `<= Money.wireMaximum`
    /// (`Money(yuan:)`). A JSON number is an error.
    case money
    /// A decimal string in yuan like `money` that may also be zero (`"0.00"`): figures
    /// that are legitimately nothing (a statement's outflow, a line's `paid`, CONTRACT §8.1).
    case amount
    /// A calendar month `YYYY-MM` (2000-01 ... 2100-12), e.g. a payroll's or a statement's month.
    case month
    /// An ISO `YYYY-MM-DD` date (`Day(iso:)`) within `SchemaBounds.days`.
    case day
    /// An RFC 3339 instant, e.g. `2026-03-01T09:30:00+08:00`.
    case instant
    /// A JSON object with these fields (unknown extra fields allowed).
    case object([FieldSpec])
    /// A JSON array of `minCount...maxCount` elements, each of kind `of`.
    case array(of: FieldKind, minCount: Int, maxCount: Int = SchemaBounds.maxArrayCount)
    /// A principal code of CONTRACT §1 (`Principal`).
    case principal
    /// A sector code of CONTRACT §1 (`Sector`).
    case sector
    /// A message type code (`MessageType`).
    case messageType
    /// A rejection reason code of CONTRACT §5 (`RejectionReason(code:)`, non-empty suffix).
    case rejectionReason
    /// Any JSON value (free-form detail).
    case any
    /// Valid when the value matches any of these kinds (error path: the field itself).
    case oneOf([FieldKind])

    /// Free text: 1...4000 characters.
    public static let text = FieldKind.string(minLength: 1, maxLength: SchemaBounds.maxTextLength)
    /// An identifier (case_id, clue_ref, referral_no, …): 1...128 characters.
    public static let id = FieldKind.string(minLength: 1, maxLength: SchemaBounds.maxIDLength)
    /// A project number: 1 to 64 characters (CONTRACT §8.1).
    public static let projectNo = FieldKind.string(minLength: 1, maxLength: SchemaBounds.maxProjectNoLength)
    /// An array of free-text strings (possibly empty).
    public static let stringArray = FieldKind.array(of: .text, minCount: 0)
}

/// When a field must be present.
public enum Requirement: Sendable, Equatable {
    /// Always (`*` in CONTRACT §3).
    case required
    /// Never required; checked only when present and not `null`.
    case optional
    /// Required when the sibling string field `field` equals `value`
    /// (e.g. `reason` when `decision` is `not_filed`).
    case requiredWhen(field: String, equals: String)
    /// Required when the sibling string field `field` equals `value` or is absent
    /// (`value` is its default; e.g. `amount_paid` for the disposition `paid`).
    case requiredWhenOrAbsent(field: String, equals: String)
    /// Required when the sibling string field `field` is present with any value
    /// other than `value` (its default; e.g. `note` for a disposition other than `paid`).
    case requiredUnless(field: String, equals: String)
}

extension Requirement {
    /// Whether the field must be present in `object`.
    public func applies(in object: [String: JSONValue]) -> Bool {
        switch self {
        case .required: return true
        case .optional: return false
        case .requiredWhen(let field, let expected): return object[field] == .string(expected)
        case .requiredWhenOrAbsent(let field, let expected):
            return object[field] == nil || object[field] == .null || object[field] == .string(expected)
        case .requiredUnless(let field, let expected):
            guard let value = object[field], value != .null else { return false }
            return value != .string(expected)
        }
    }
}

/// One field of a payload schema.
public struct FieldSpec: Sendable, Equatable {
    /// The JSON key.
    public let name: String
    /// When the field must be present.
    public let requirement: Requirement
    /// What its value must be.
    public let kind: FieldKind

    /// A field `name` with its requirement and kind.
    public init(_ name: String, _ requirement: Requirement, _ kind: FieldKind) {
        self.name = name
        self.requirement = requirement
        self.kind = kind
    }

    /// A required field.
    public static func req(_ name: String, _ kind: FieldKind) -> FieldSpec { FieldSpec(name, .required, kind) }
    /// An optional field.
    public static func opt(_ name: String, _ kind: FieldKind) -> FieldSpec { FieldSpec(name, .optional, kind) }
}

/// Limits that keep absurd values out (documented in docs/duty-lists.md).
public enum SchemaBounds {
    /// Longest free-text string, in characters.
    public static let maxTextLength = 4000
    /// Longest identifier, in characters (same as `message_id`, CONTRACT §2).
    public static let maxIDLength = 128
    /// A project number's longest form (CONTRACT §8.1: 1..64 characters).
    public static let maxProjectNoLength = 64
    /// A payroll subcontractor's longest name: without a credit code the name is its
    /// key (in the payroll's primary key and its case's `clue_ref`), and an index entry
    /// must stay far below PostgreSQL's ~2,700-byte limit (docs/contract-extensions.md).
    public static let maxSubcontractorNameLength = 200
    /// A real-name platform worker id's longest form (CONTRACT §8.1: 1..64 characters).
    public static let maxWorkerIDLength = 64
    /// Longest `original_body` of a `message.rejected` (the §2 body limit).
    public static let maxBodyLength = 262_144
    /// Most elements of an array field unless its kind says fewer (the body limit
    /// of CONTRACT §2 keeps real arrays far below it).
    public static let maxArrayCount = 100_000
    /// Largest count (`int` fields): the database stores counts as `integer`.
    public static let maxInt = Int(Int32.max)
    /// Accepted dates: 2000-01-01 ... 2100-12-31.
    public static let days: ClosedRange<Day> = Day(year: 2000, month: 1, day: 1)!...Day(year: 2100, month: 12, day: 31)!
    /// Accepted months: 2000-01 ... 2100-12 (the months of `days`).
    public static let months: ClosedRange<Month> = Month(of: days.lowerBound)...Month(of: days.upperBound)
}
