import Messages

/// The kinds of warning of CONTRACT §8.6 (欠薪预警) and §7.4.
public enum WarningKind: String, CaseIterable, Sendable, Hashable, Codable {
    // raised by messages (§8.2 to §8.5, §9); open until an operator clears them
    case labourShareLow = "labour_share_low"
    case accountInsufficient = "account_insufficient"
    case accountMisappropriated = "account_misappropriated"
    case noContract = "no_contract"
    case unregisteredWorker = "unregistered_worker"
    case payrollIrregular = "payroll_irregular"
    case inspectionFindings = "inspection_findings"
    case contractorBlacklisted = "contractor_blacklisted"
    // raised and cleared by the sweep (§8.6 table, §7.4)
    case depositUnpaid = "deposit_unpaid"
    case depositNotReplenished = "deposit_not_replenished"
    case accountMissing = "account_missing"
    case statementMissing = "statement_missing"
    case payrollMissing = "payroll_missing"
    case inspectionOverdue = "inspection_overdue"
    case calendarMissingYear = "calendar_missing_year"

    /// The kinds the sweep raises and clears itself (the others stay open until an
    /// operator clears them: `wagectl warnings clear ID --note …`).
    public static let sweepKinds: Set<WarningKind> = [
        .depositUnpaid, .depositNotReplenished, .accountMissing, .statementMissing, .payrollMissing,
        .inspectionOverdue, .calendarMissingYear,
    ]
}

/// One warning as raised (CONTRACT §8.6). Its key is (`kind`, `projectNo`,
/// `creditCode`, `period`): a warning with an open one of the same key is not
/// raised again.
public struct Warning: Sendable, Hashable {
    public var kind: WarningKind
    public var projectNo: String?
    /// The contractor's credit code for `contractor_blacklisted`, else nil.
    public var creditCode: String?
    /// `YYYY-MM` or `YYYY` per §8.6, or nil.
    public var period: String?
    /// Who must act: the project's regulator for a warning about a project, else hrss.
    public var department: Principal
    /// The workers, lines or figures behind it.
    public var detail: JSONValue

    public init(kind: WarningKind, projectNo: String? = nil, creditCode: String? = nil, period: String? = nil,
                department: Principal, detail: JSONValue = .object([:])) {
        self.kind = kind
        self.projectNo = projectNo
        self.creditCode = creditCode
        self.period = period
        self.department = department
        self.detail = detail
    }

    /// The key that makes two warnings the same.
    public var key: WarningKey { WarningKey(kind: kind, projectNo: projectNo, creditCode: creditCode, period: period) }
}

/// (`kind`, `project_no`, `credit_code`, `period`): what makes two warnings the same (§8.6).
public struct WarningKey: Sendable, Hashable {
    public var kind: WarningKind
    public var projectNo: String?
    public var creditCode: String?
    public var period: String?

    public init(kind: WarningKind, projectNo: String? = nil, creditCode: String? = nil, period: String? = nil) {
        self.kind = kind
        self.projectNo = projectNo
        self.creditCode = creditCode
        self.period = period
    }
}
