import Messages

extension WorkflowSettings {
    /// A stored configuration value that is not valid for its key.
    public struct InvalidValue: Error, Sendable, Hashable, CustomStringConvertible {
        public let key: String
        public let value: String
        public var description: String { "configuration \(key) = \(value) is not valid: fix it (wagectl config show lists every key)" }
    }

    /// Every key with its value, as text (the form a table or file stores).
    public var values: [Key: String] {
        [
            .riskHighWorkers: String(risk.highWorkers), .riskHighAmount: risk.highAmount.yuanString,
            .riskMediumWorkers: String(risk.mediumWorkers), .riskMediumAmount: risk.mediumAmount.yuanString,
            .collectiveVisitSize: String(collectiveVisitSize), .transferWorkingDays: String(transferWorkingDays),
            .leaderDueWorkingDays: String(leaderDueWorkingDays), .taskForceWorkingDays: String(taskForceWorkingDays),
            .depositBaseRate: depositBaseRate.percentString,
            .depositReplenishWorkingDays: String(depositReplenishWorkingDays),
            .minimumLabourShare: minimumLabourShare.percentString, .accountMissingDays: String(accountMissingDays),
            .statementDueDay: String(statementDueDay), .payrollDueDay: String(payrollDueDay),
            .calendarLookaheadDays: String(calendarLookaheadDays), .reportOfficeName: reportOfficeName,
        ]
    }

    /// The defaults overridden by `stored` (unknown keys are ignored, so an older
    /// worker reads a newer table); throws for a value that does not parse.
    public init(values stored: [String: String]) throws(InvalidValue) {
        var settings = WorkflowSettings.default
        for (name, text) in stored {
            guard let key = Key(rawValue: name) else { continue }
            try settings.set(key, text)
        }
        self = settings
    }

    /// The longest office name accepted (characters).
    public static let maximumNameLength = 100

    /// Sets one key from its text form.
    public mutating func set(_ key: Key, _ text: String) throws(InvalidValue) {
        let invalid = InvalidValue(key: key.rawValue, value: text)
        func count(_ range: ClosedRange<Int>) throws(InvalidValue) -> Int {
            guard let value = Int(text), range.contains(value) else { throw invalid }
            return value
        }
        func money() throws(InvalidValue) -> Money {
            guard let value = Money(yuan: text) else { throw invalid }
            return value
        }
        func rate() throws(InvalidValue) -> Rate {
            guard let value = Rate(percent: text), value.hundredthsOfPercent <= 10_000 else { throw invalid }
            return value
        }
        switch key {
        case .riskHighWorkers: risk.highWorkers = try count(1...1_000_000)
        case .riskHighAmount: risk.highAmount = try money()
        case .riskMediumWorkers: risk.mediumWorkers = try count(1...1_000_000)
        case .riskMediumAmount: risk.mediumAmount = try money()
        case .collectiveVisitSize: collectiveVisitSize = try count(2...10_000)
        case .transferWorkingDays: transferWorkingDays = try count(1...60)
        case .leaderDueWorkingDays: leaderDueWorkingDays = try count(1...120)
        case .taskForceWorkingDays: taskForceWorkingDays = try count(1...120)
        case .depositBaseRate: depositBaseRate = try rate()
        case .depositReplenishWorkingDays: depositReplenishWorkingDays = try count(1...120)
        case .minimumLabourShare: minimumLabourShare = try rate()
        case .accountMissingDays: accountMissingDays = try count(1...365)
        case .statementDueDay: statementDueDay = try count(1...28)
        case .payrollDueDay: payrollDueDay = try count(1...28)
        case .calendarLookaheadDays: calendarLookaheadDays = try count(1...366)
        case .reportOfficeName:
            guard !text.allSatisfy(\.isWhitespace), text.count <= Self.maximumNameLength else { throw invalid }
            reportOfficeName = text
        }
    }

    /// The risk thresholds as recorded with a grading (§7.5).
    public static func recorded(_ risk: RiskThresholds) -> JSONValue {
        var settings = WorkflowSettings.default
        settings.risk = risk
        return settings.recorded(.riskHighWorkers, .riskHighAmount, .riskMediumWorkers, .riskMediumAmount)
    }

    /// `{key: value}` of the keys a decision used, for its record (§7.5 "the value
    /// in force is recorded with each decision it made").
    public func recorded(_ keys: Key...) -> JSONValue {
        var object: [String: JSONValue] = [:]
        let all = values
        for key in keys { object[key.rawValue] = .string(all[key] ?? "") }
        return .object(object)
    }
}
