import Messages

/// What the sweep knows about one active project (CONTRACT §8.6).
public struct ProjectSnapshot: Sendable, Hashable {
    public var projectNo: String
    public var regulator: Principal
    public var permitIssuedOn: Day
    public var deposit: ProjectDeposit
    /// The day the special account was filed, if it was.
    public var accountOpenedOn: Day?
    /// Months with a bank statement.
    public var statementMonths: Set<Month>
    /// Months with at least one payroll.
    public var payrollMonths: Set<Month>
    /// The earliest `entered_on` on the roster (nil: nobody enrolled).
    public var firstEntry: Day?
    /// Whether an inspection on or after `permitIssuedOn` was recorded.
    public var inspected: Bool

    public init(projectNo: String, regulator: Principal, permitIssuedOn: Day, deposit: ProjectDeposit,
                accountOpenedOn: Day? = nil, statementMonths: Set<Month> = [], payrollMonths: Set<Month> = [],
                firstEntry: Day? = nil, inspected: Bool = false) {
        self.projectNo = projectNo
        self.regulator = regulator
        self.permitIssuedOn = permitIssuedOn
        self.deposit = deposit
        self.accountOpenedOn = accountOpenedOn
        self.statementMonths = statementMonths
        self.payrollMonths = payrollMonths
        self.firstEntry = firstEntry
        self.inspected = inspected
    }
}

/// The sweep's six project warnings (§8.6 table) as pure rules: which should be open
/// for a project as of a day. The office raises those not yet open and clears the
/// open ones of these kinds that are no longer in the set.
public enum ProjectWarningRules {
    /// The kinds these rules own.
    public static let kinds: Set<WarningKind> = [
        .depositUnpaid, .depositNotReplenished, .accountMissing, .statementMissing, .payrollMissing, .inspectionOverdue,
    ]

    /// The day by which a project must be inspected (§8.5): one month after the permit.
    public static func inspectionDue(permitIssuedOn: Day) -> Day { CalendarPeriod.adding(months: 1, to: permitIssuedOn) }

    /// The warnings that hold for `project` as of `asOf`. `openPeriods` are the months
    /// of its open `statement_missing` / `payroll_missing` warnings, checked again so
    /// that they stay open until the month's statement or payroll arrives.
    public static func evaluate(_ project: ProjectSnapshot, asOf: Day, settings: WorkflowSettings,
                                openPeriods: [WarningKind: Set<Month>] = [:]) -> [Warning] {
        var out: [Warning] = []
        func add(_ kind: WarningKind, period: Month? = nil, _ detail: [String: JSONValue]) {
            out.append(Warning(kind: kind, projectNo: project.projectNo, period: period?.iso, department: project.regulator,
                               detail: .object(detail)))
        }
        let d = project.deposit
        let figures: [String: JSONValue] = ["required": .money(d.required), "balance": .money(d.balance)]
        if d.required > .zero, d.balance < d.required, !d.drawn, asOf > project.permitIssuedOn {
            add(.depositUnpaid, figures)
        }
        if d.drawn, let by = d.replenishBy, asOf > by, d.balance < d.required {
            add(.depositNotReplenished, figures.merging(["replenish_by": .day(by)]) { a, _ in a })
        }
        let accountDue = project.permitIssuedOn.adding(days: settings.accountMissingDays)
        if project.accountOpenedOn == nil, asOf >= accountDue {
            add(.accountMissing, ["permit_issued_on": .day(project.permitIssuedOn), "due_on": .day(accountDue)])
        }
        let last = Month(of: asOf).previous
        for month in Set([last]).union(openPeriods[.statementMissing] ?? []).sorted()
        where statementMissing(project, month: month, asOf: asOf, dueDay: settings.statementDueDay) {
            add(.statementMissing, period: month, ["account_opened_on": project.accountOpenedOn.map(JSONValue.day) ?? .null])
        }
        for month in Set([last]).union(openPeriods[.payrollMissing] ?? []).sorted()
        where payrollMissing(project, month: month, asOf: asOf, dueDay: settings.payrollDueDay) {
            add(.payrollMissing, period: month, ["first_entry": project.firstEntry.map(JSONValue.day) ?? .null])
        }
        let inspectionDue = inspectionDue(permitIssuedOn: project.permitIssuedOn)
        if !project.inspected, asOf > inspectionDue {
            add(.inspectionOverdue, ["permit_issued_on": .day(project.permitIssuedOn), "due_on": .day(inspectionDue)])
        }
        return out
    }

    /// The account was opened in or before `month`, `asOf` is after the due day of the
    /// next month, and there is no statement for `month`.
    static func statementMissing(_ p: ProjectSnapshot, month: Month, asOf: Day, dueDay: Int) -> Bool {
        guard let opened = p.accountOpenedOn, Month(of: opened) <= month else { return false }
        return isPast(dueDay, ofMonthAfter: month, asOf) && !p.statementMonths.contains(month)
    }

    /// A worker entered on or before the last day of `month`, `asOf` is after the due
    /// day of the next month, and there is no payroll for `month`.
    static func payrollMissing(_ p: ProjectSnapshot, month: Month, asOf: Day, dueDay: Int) -> Bool {
        guard let first = p.firstEntry, first <= month.lastDay else { return false }
        return isPast(dueDay, ofMonthAfter: month, asOf) && !p.payrollMonths.contains(month)
    }

    /// `asOf` is after day `dueDay` of the month following `month`.
    static func isPast(_ dueDay: Int, ofMonthAfter month: Month, _ asOf: Day) -> Bool {
        asOf > month.adding(months: 1).firstDay.adding(days: dueDay - 1)
    }
}
