/// A person named with a listing (法定代表人, 主要负责人 and others). Personal data:
/// readable by hrss only, masked in logs.
public struct CreditPerson: Sendable, Hashable {
    public var name: String
    public var role: String

    public init(name: String, role: String) {
        self.name = name
        self.role = role
    }
}

/// `credit.list` (hrss → hrss, housing, market; CONTRACT §9): puts an employer on the
/// arrears blacklist (拖欠农民工工资失信联合惩戒对象名单) for 3 years from `decided_on`.
public struct CreditList: Sendable, Hashable {
    public var creditCode: String
    public var name: String
    /// The cases the listing rests on (case ids, at least one).
    public var basis: [String]
    public var decidedOn: Day
    public var persons: [CreditPerson]

    public init(creditCode: String, name: String, basis: [String], decidedOn: Day, persons: [CreditPerson] = []) {
        self.creditCode = creditCode
        self.name = name
        self.basis = basis
        self.decidedOn = decidedOn
        self.persons = persons
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let code = try r.string("credit_code")
        let name = try r.string("name")
        guard let basis = try r.optionalStrings("basis"), !basis.isEmpty else { throw .schema("basis") }
        let decidedOn = try r.day("decided_on")
        var persons: [CreditPerson] = []
        for p in try r.optionalObjects("persons") ?? [] {
            persons.append(CreditPerson(name: try p.string("name"), role: try p.string("role")))
        }
        self.init(creditCode: code, name: name, basis: basis, decidedOn: decidedOn, persons: persons)
    }
}

/// Why a listing is removed before it expires (CONTRACT §9).
public enum CreditDelistReason: String, CaseIterable, Sendable, Hashable, Codable {
    /// 提前移出: corrected, every basis case resolved or closed, 6 months after `corrected_on`.
    case earlyRemoval = "early_removal"
    /// Listed by mistake: withdrawn at once.
    case error
}

/// `credit.delist` (hrss → hrss, housing, market; CONTRACT §9).
public struct CreditDelist: Sendable, Hashable {
    public var creditCode: String
    public var reason: CreditDelistReason
    /// The day the employer corrected (纠正失信行为); required for `early_removal`.
    public var correctedOn: Day?

    public init(creditCode: String, reason: CreditDelistReason, correctedOn: Day? = nil) {
        self.creditCode = creditCode
        self.reason = reason
        self.correctedOn = correctedOn
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field
    /// (`corrected_on` is required for `early_removal`).
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let code = try r.string("credit_code")
        let reason: CreditDelistReason = try r.enumeration("reason")
        let correctedOn = reason == .earlyRemoval ? try r.day("corrected_on") : try r.optionalDay("corrected_on")
        self.init(creditCode: code, reason: reason, correctedOn: correctedOn)
    }
}

// MARK: - Catalogue entries (CONTRACT §9 credit discipline)

extension CreditList: WireMessage {
    public static let wireType = MessageType.creditList
    public static let fields: [FieldSpec] = [
        .req("credit_code", .id), .req("name", .text),
        .req("basis", .array(of: .id, minCount: 1)), .req("decided_on", .day),
        .opt("persons", .array(of: .object([.req("name", .text), .req("role", .text)]), minCount: 0)),
    ]
    public static let sample: JSONValue = [
        "credit_code": "91500000MA5U000000", "name": "某建筑劳务有限公司",
        "basis": ["00000000-0000-4000-8000-000000000001"], "decided_on": "2026-03-02",
        "persons": [["name": "张三", "role": "法定代表人"]]]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        .compact([
            "credit_code": .string(creditCode), "name": .string(name), "basis": .strings(basis),
            "decided_on": .day(decidedOn),
            "persons": persons.isEmpty ? nil : .array(persons.map { ["name": .string($0.name), "role": .string($0.role)] }),
        ])
    }
}

extension CreditDelist: WireMessage {
    public static let wireType = MessageType.creditDelist
    public static let fields: [FieldSpec] = [
        .req("credit_code", .id), .req("reason", .enumeration(CreditDelistReason.allCases.map(\.rawValue))),
        FieldSpec("corrected_on", .requiredWhen(field: "reason", equals: CreditDelistReason.earlyRemoval.rawValue), .day),
    ]
    public static let sample: JSONValue = [
        "credit_code": "91500000MA5U000000", "reason": "early_removal", "corrected_on": "2026-03-02"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        .compact(["credit_code": .string(creditCode), "reason": .string(reason.rawValue),
                  "corrected_on": correctedOn.map(JSONValue.day)])
    }
}

extension CreditPerson {
    /// `name` with every character after the first masked (`张三` → `张*`, `欧阳娜娜` →
    /// `欧***`, `Li Lei` → `L*****`): what logs, public notices and tools show.
    public static func masked(_ name: String) -> String {
        guard let first = name.first else { return name }
        return String(first) + String(repeating: "*", count: max(1, name.count - 1))
    }

    /// This person with the name masked.
    public var masked: CreditPerson { CreditPerson(name: CreditPerson.masked(name), role: role) }
}
