/// `case.transfer` (hrss → the responsible department of `sector`).
public struct CaseTransfer: Sendable, Hashable {
    public var caseID: String
    public var sector: Sector
    /// The chosen department, when the sector has more than one (the router checks it).
    public var to: Principal?
    public var note: String?

    public init(caseID: String, sector: Sector, to: Principal? = nil, note: String? = nil) {
        self.caseID = caseID
        self.sector = sector
        self.to = to
        self.note = note
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), sector: try r.enumeration("sector"),
                  to: try r.optionalEnumeration("to"), note: try r.optionalString("note"))
    }

    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact(["case_id": .string(caseID), "sector": .string(sector.rawValue),
                  "to": to.map(JSONValue.principal), "note": note.map(JSONValue.string)])
    }
}

/// `case.accept` (the assignee → hrss).
public struct CaseAccept: Sendable, Hashable {
    public var caseID: String
    public init(caseID: String) { self.caseID = caseID }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        self.init(caseID: try FieldReader(json).string("case_id"))
    }
}

/// `case.return` (the assignee → hrss), e.g. "not our duty".
public struct CaseReturn: Sendable, Hashable {
    public var caseID: String
    public var reason: String
    public init(caseID: String, reason: String) {
        self.caseID = caseID
        self.reason = reason
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), reason: try r.string("reason"))
    }
}

/// `case.progress` (the assignee → hrss).
public struct CaseProgress: Sendable, Hashable {
    public var caseID: String
    public var note: String
    public init(caseID: String, note: String) {
        self.caseID = caseID
        self.note = note
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), note: try r.string("note"))
    }
}

/// How a case ended (CONTRACT §7.1): most clues do not end in a payment.
public enum CaseDisposition: String, CaseIterable, Sendable, Hashable, Codable {
    /// The arrears were paid (the default when absent).
    case paid
    /// 线索不实: counts for nothing in §8 and §9.
    case unfounded
    /// 调解达成协议
    case mediated
    /// 仲裁
    case arbitration
    /// 诉讼
    case litigation
    /// 移送公安立案
    case referredPolice = "referred_police"
    /// 其他渠道解决
    case otherChannel = "other_channel"
}

/// `case.resolved` (the assignee → hrss): the case is resolved (办结), with its
/// disposition. With `paid`, `amount_paid` and `workers_paid` (≥ 1) are required;
/// with any other disposition `note` is, and the figures are optional (§7.1).
public struct CaseResolved: Sendable, Hashable {
    public var caseID: String
    public var disposition: CaseDisposition
    public var amountPaid: Money?
    /// Number of workers paid (at least 1, CONTRACT §7.1).
    public var workersPaid: Int?
    public var note: String?
    /// `disposition` is written on the wire only when given (absent means `paid`).
    let dispositionGiven: Bool
    public init(caseID: String, disposition: CaseDisposition? = nil, amountPaid: Money? = nil, workersPaid: Int? = nil,
                note: String? = nil) {
        self.caseID = caseID
        self.disposition = disposition ?? .paid
        self.dispositionGiven = disposition != nil
        self.amountPaid = amountPaid
        self.workersPaid = workersPaid
        self.note = note
    }
    /// A paid resolution (the Part I form).
    public init(caseID: String, amountPaid: Money, workersPaid: Int, note: String? = nil) {
        self.init(caseID: caseID, disposition: nil, amountPaid: amountPaid, workersPaid: workersPaid, note: note)
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let caseID = try r.string("case_id")
        let disposition: CaseDisposition? = try r.optionalEnumeration("disposition")
        let paid = (disposition ?? .paid) == .paid
        let amountPaid = paid ? try r.money("amount_paid") : try r.optionalMoney("amount_paid")
        let workersPaid = paid ? try r.int("workers_paid", minimum: 1) : try r.optionalInt("workers_paid", minimum: 1)
        let note = paid ? try r.optionalString("note") : try r.string("note")
        self.init(caseID: caseID, disposition: disposition, amountPaid: amountPaid, workersPaid: workersPaid, note: note)
    }
}

/// `case.escalate` (the assignee → hrss): it cannot resolve the case alone.
public struct CaseEscalate: Sendable, Hashable {
    public var caseID: String
    public var reason: String
    public init(caseID: String, reason: String) {
        self.caseID = caseID
        self.reason = reason
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), reason: try r.string("reason"))
    }
}

/// `case.close` (hrss → hrss): 销号.
public struct CaseClose: Sendable, Hashable {
    public var caseID: String
    public var note: String?
    public init(caseID: String, note: String? = nil) {
        self.caseID = caseID
        self.note = note
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), note: try r.optionalString("note"))
    }
}

/// `case.assign_leader` (hrss → hrss): names the leader of a leader package, with
/// its deadline (CONTRACT §7.3).
public struct CaseAssignLeader: Sendable, Hashable {
    public var caseID: String
    public var leader: String
    /// The leader's department: free text (the contract does not restrict it);
    /// when it is a principal code (e.g. `housing`, `government`) that department
    /// is notified.
    public var leaderDepartment: String
    /// The leader package's deadline, after the day applied (§7.3); `nil`: the
    /// 10th working day after it (configuration `case.leader_due_working_days`).
    public var dueOn: Day?
    /// The city leader who co-owns the package (分管市领导, §7.3).
    public var cityLeader: String?
    public init(caseID: String, leader: String, leaderDepartment: String, dueOn: Day? = nil, cityLeader: String? = nil) {
        self.caseID = caseID
        self.leader = leader
        self.leaderDepartment = leaderDepartment
        self.dueOn = dueOn
        self.cityLeader = cityLeader
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), leader: try r.string("leader"),
                  leaderDepartment: try r.string("leader_department"), dueOn: try r.optionalDay("due_on"),
                  cityLeader: try r.optionalString("city_leader"))
    }
}

/// `office.sweep` (hrss → hrss): evaluate every deadline as of `asOf`.
public struct OfficeSweep: Sendable, Hashable {
    /// `nil`: today.
    public var asOf: Day?
    public init(asOf: Day? = nil) { self.asOf = asOf }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        self.init(asOf: try FieldReader(json).optionalDay("as_of"))
    }
    /// The effective date: `asOf`, or today.
    public func effectiveDay(today: Day) -> Day { asOf ?? today }
}

// MARK: - Catalogue entries (CONTRACT §3, §7)

extension CaseTransfer: WireMessage {
    public static let wireType = MessageType.caseTransfer
    public static let fields: [FieldSpec] = [.req("case_id", .id), .req("sector", .sector), .opt("to", .principal),
                                             .opt("note", .text)]
    public static let sample: JSONValue = ["case_id": "C-0001", "sector": "construction", "to": "housing", "note": "转办"]
    public static let sampleSender = Principal.hrss
}

extension CaseAccept: WireMessage {
    public static let wireType = MessageType.caseAccept
    public static let fields: [FieldSpec] = [.req("case_id", .id)]
    public static let sample: JSONValue = ["case_id": "C-0001"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue { ["case_id": .string(caseID)] }
}

extension CaseReturn: WireMessage {
    public static let wireType = MessageType.caseReturn
    public static let fields: [FieldSpec] = [.req("case_id", .id), .req("reason", .text)]
    public static let sample: JSONValue = ["case_id": "C-0001", "reason": "not our duty"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue { ["case_id": .string(caseID), "reason": .string(reason)] }
}

extension CaseProgress: WireMessage {
    public static let wireType = MessageType.caseProgress
    public static let fields: [FieldSpec] = [.req("case_id", .id), .req("note", .text)]
    public static let sample: JSONValue = ["case_id": "C-0001", "note": "约谈企业负责人"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue { ["case_id": .string(caseID), "note": .string(note)] }
}

extension CaseResolved: WireMessage {
    public static let wireType = MessageType.caseResolved
    public static let fields: [FieldSpec] = [
        .req("case_id", .id), .opt("disposition", .enumeration(CaseDisposition.allCases.map(\.rawValue))),
        FieldSpec("amount_paid", .requiredWhenOrAbsent(field: "disposition", equals: "paid"), .money),
        FieldSpec("workers_paid", .requiredWhenOrAbsent(field: "disposition", equals: "paid"), .int(min: 1)),
        FieldSpec("note", .requiredUnless(field: "disposition", equals: "paid"), .text),
    ]
    public static let sample: JSONValue = ["case_id": "C-0001", "amount_paid": "125000.00", "workers_paid": 12,
                                           "note": "已足额支付"]
    /// A resolution without payment (§7.1): the clue was unfounded.
    public static let unfoundedSample: JSONValue = ["case_id": "C-0001", "disposition": "unfounded",
                                                    "note": "经核查，线索不实"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue {
        .compact(["case_id": .string(caseID), "disposition": dispositionGiven ? .string(disposition.rawValue) : nil,
                  "amount_paid": amountPaid.map(JSONValue.money), "workers_paid": workersPaid.map(JSONValue.int),
                  "note": note.map(JSONValue.string)])
    }
}

extension CaseEscalate: WireMessage {
    public static let wireType = MessageType.caseEscalate
    public static let fields: [FieldSpec] = [.req("case_id", .id), .req("reason", .text)]
    public static let sample: JSONValue = ["case_id": "C-0001", "reason": "cannot resolve alone"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue { ["case_id": .string(caseID), "reason": .string(reason)] }
}

extension CaseClose: WireMessage {
    public static let wireType = MessageType.caseClose
    public static let fields: [FieldSpec] = [.req("case_id", .id), .opt("note", .text)]
    public static let sample: JSONValue = ["case_id": "C-0001", "note": "销号"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue { .compact(["case_id": .string(caseID), "note": note.map(JSONValue.string)]) }
}

extension CaseAssignLeader: WireMessage {
    public static let wireType = MessageType.caseAssignLeader
    public static let fields: [FieldSpec] = [.req("case_id", .id), .req("leader", .text),
                                             .req("leader_department", .text), .opt("due_on", .day),
                                             .opt("city_leader", .text)]
    public static let sample: JSONValue = ["case_id": "C-0001", "leader": "李副区长", "leader_department": "government",
                                           "city_leader": "王副市长"]
    public static let sampleSender = Principal.hrss
    /// `due_on` must be after the day the message is applied (§7.3, §7.8): `schema:due_on`.
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? {
        guard let text = object["due_on"]?.stringValue, let due = Day(iso: text) else { return nil }
        return due > today ? nil : "due_on"
    }
    public var json: JSONValue {
        .compact(["case_id": .string(caseID), "leader": .string(leader), "leader_department": .string(leaderDepartment),
                  "due_on": dueOn.map(JSONValue.day), "city_leader": cityLeader.map(JSONValue.string)])
    }
}

extension OfficeSweep: WireMessage {
    public static let wireType = MessageType.officeSweep
    public static let fields: [FieldSpec] = [.opt("as_of", .day)]
    public static let sample: JSONValue = ["as_of": "2026-03-02"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue { .compact(["as_of": asOf.map(JSONValue.day)]) }
}
