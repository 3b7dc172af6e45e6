import Messages

/// The periods of the list rule (拖欠农民工工资失信联合惩戒对象名单管理暂行办法, 2022) that
/// CONTRACT §9 fixes: they are the rule's, not configuration (§9 marks none of them).
public enum CreditTerms {
    /// A listing lasts this many years from `decided_on` (§9).
    public static let listingYears = 3
    /// Early removal needs this many months since `corrected_on` (§9).
    public static let earlyRemovalMonths = 6
    /// The bid check counts cases opened within this many years (§9 `cases_3y`).
    public static let checkYears = 3

    /// The values a decision used, for its timeline detail.
    public static var recorded: JSONValue {
        ["listing_years": .int(listingYears), "early_removal_months": .int(earlyRemovalMonths)]
    }
}

/// How a listing was removed before it expired.
public typealias CreditRemoval = CreditDelistReason

/// The status of a listing, computed from the day asked (CONTRACT §9 `wage.credit_list`).
public enum CreditListingStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// On the list: not removed, and the day is not after `listed_until`.
    case listed
    /// Removed early (`early_removal`).
    case removedEarly = "removed_early"
    /// Withdrawn at once as an error (`error`).
    case withdrawn
    /// Its 3 years ran out (the day is after `listed_until`); no job is needed.
    case expired
}

/// One listing on the arrears blacklist (a row of `wage.credit_listings`).
public struct CreditListing: Sendable, Hashable {
    public var creditCode: String
    public var name: String
    public var decidedOn: Day
    /// `decided_on` + 3 years (§7.8); in force through this day.
    public var listedUntil: Day
    /// The basis case ids (canonical lowercase UUIDs, each once, in the order given).
    public var basis: [String]
    public var persons: [CreditPerson]
    public var removal: CreditRemoval?
    public var removedOn: Day?
    public var correctedOn: Day?

    public init(creditCode: String, name: String, decidedOn: Day, listedUntil: Day, basis: [String],
                persons: [CreditPerson] = [], removal: CreditRemoval? = nil, removedOn: Day? = nil,
                correctedOn: Day? = nil) {
        self.creditCode = creditCode
        self.name = name
        self.decidedOn = decidedOn
        self.listedUntil = listedUntil
        self.basis = basis
        self.persons = persons
        self.removal = removal
        self.removedOn = removedOn
        self.correctedOn = correctedOn
    }

    /// The day through which a listing decided on `decidedOn` is in force.
    public static func listedUntil(decidedOn: Day) -> Day {
        CalendarPeriod.adding(years: CreditTerms.listingYears, to: decidedOn)
    }

    /// The status on `today`: a removal first, then expiry.
    public func status(on today: Day) -> CreditListingStatus {
        switch removal {
        case .earlyRemoval?: return .removedEarly
        case .error?: return .withdrawn
        case nil: return today > listedUntil ? .expired : .listed
        }
    }

    /// Whether the listing is still on the list on `today` (not removed, not expired):
    /// a second listing of the code is refused, a delisting applies to it.
    public func isOpen(on today: Day) -> Bool { status(on: today) == .listed }

    /// Whether the restrictions apply on `day` (the SQL `wage.credit_listed(code, day)`).
    public func isInForce(on day: Day) -> Bool { removal == nil && decidedOn <= day && day <= listedUntil }

    /// The first day an early removal may be applied for a correction on `correctedOn`.
    public static func earlyRemovalAllowedFrom(correctedOn: Day) -> Day {
        CalendarPeriod.adding(months: CreditTerms.earlyRemovalMonths, to: correctedOn)
    }
}
