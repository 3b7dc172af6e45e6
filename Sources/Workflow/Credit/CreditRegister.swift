import Foundation
import Messages

/// What the office knows about one basis case of a listing: its status, whether it
/// was resolved as `unfounded` (counts for nothing in §9, §7.8), and the facts that
/// show the listing condition (§9): criminal referrals the police accepted for review
/// (拒不支付, after a served order to pay) and linked collective-visit alerts (集体访).
public struct CreditBasisCase: Sendable, Hashable {
    public var caseID: String
    public var status: CaseStatus
    public var unfounded: Bool
    /// `referral_no`s of the case's referrals accepted for review (any status but `incomplete`).
    public var acceptedReferrals: [String]
    /// `petition_no`s of the collective-visit alerts (`incident.alert`) linked to the case.
    public var collectiveAlerts: [String]

    public init(caseID: String, status: CaseStatus, unfounded: Bool = false, acceptedReferrals: [String] = [],
                collectiveAlerts: [String] = []) {
        self.caseID = caseID
        self.status = status
        self.unfounded = unfounded
        self.acceptedReferrals = acceptedReferrals
        self.collectiveAlerts = collectiveAlerts
    }

    /// Whether this case shows the listing condition (an `unfounded` case shows none).
    public var showsCondition: Bool { !unfounded && (!acceptedReferrals.isEmpty || !collectiveAlerts.isEmpty) }

    /// Whether the case is `resolved` or `closed` (needed for an early removal).
    public var isSettled: Bool { !status.isOpen }
}

/// The arrears blacklist's rules (CONTRACT §9) as pure functions: a listing or a
/// delisting is accepted (the new listing and its timeline entries) or refused with
/// the contract's reason. No I/O; the credit desk gathers the facts and saves.
public enum CreditRegister {
    /// The canonical form of a case id (lowercase UUID), or nil when malformed
    /// (a malformed id names no case: `unknown_case`).
    public static func canonical(_ caseID: String) -> String? {
        UUID(uuidString: caseID).map { $0.uuidString.lowercased() }
    }

    /// The basis ids of `message`, each once in the order given, canonical; nil when
    /// one is malformed.
    public static func basisIDs(_ basis: [String]) -> [String]? {
        var seen: Set<String> = []
        var ids: [String] = []
        for raw in basis {
            guard let id = canonical(raw) else { return nil }
            if seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    /// `credit.list`: every basis case must exist (`unknown_case`, checked first); at
    /// least one must show the condition, and no listing of the code may be open on
    /// `today` (else `invalid_state`). `found` holds the basis cases that exist, by
    /// canonical id; `open` is the code's listing still on the list, if any.
    public static func list(_ message: CreditList, found: [String: CreditBasisCase], open: CreditListing?,
                            today: Day) -> Outcome<CreditListing> {
        guard let ids = basisIDs(message.basis) else { return .failure(.unknownCase) }
        let cases = ids.compactMap { found[$0] }
        guard cases.count == ids.count else { return .failure(.unknownCase) }
        let showing = cases.filter(\.showsCondition)
        guard !showing.isEmpty else { return .failure(.invalidState) }
        if let open, open.isOpen(on: today) { return .failure(.invalidState) }
        let listing = CreditListing(
            creditCode: message.creditCode, name: message.name, decidedOn: message.decidedOn,
            listedUntil: CreditListing.listedUntil(decidedOn: message.decidedOn), basis: ids, persons: message.persons)
        let condition: JSONValue = .array(showing.map { c in
            .compact(["case_id": .string(c.caseID),
                      "referrals": c.acceptedReferrals.isEmpty ? nil : .strings(c.acceptedReferrals),
                      "collective_alerts": c.collectiveAlerts.isEmpty ? nil : .strings(c.collectiveAlerts)])
        })
        let detail: JSONValue = [
            "credit_code": .string(listing.creditCode), "name": .string(listing.name),
            "decided_on": .day(listing.decidedOn), "listed_until": .day(listing.listedUntil),
            "basis": .strings(ids), "condition": condition, "persons": .int(listing.persons.count),
            "settings": CreditTerms.recorded,
        ]
        return .success(Transition(state: listing, actions: entries(ids, event: "credit_listed", detail: detail)))
    }

    /// `credit.delist`: applies to the code's listing open on `today` (none:
    /// `invalid_state`). `error` withdraws it at once; `early_removal` needs every basis
    /// case resolved or closed (`basis` by canonical id; a missing one counts as open)
    /// and `today` at least 6 months after `corrected_on` (§7.8), else `invalid_state`.
    public static func delist(_ message: CreditDelist, open: CreditListing?, basis: [String: CreditBasisCase],
                              today: Day) -> Outcome<CreditListing> {
        guard var listing = open, listing.isOpen(on: today) else { return .failure(.invalidState) }
        var detail: [String: JSONValue] = [
            "credit_code": .string(listing.creditCode), "reason": .string(message.reason.rawValue),
            "removed_on": .day(today), "decided_on": .day(listing.decidedOn),
        ]
        switch message.reason {
        case .error:
            if let corrected = message.correctedOn { detail["corrected_on"] = .day(corrected) }
        case .earlyRemoval:
            guard let corrected = message.correctedOn else { return .failure(.schema("corrected_on")) }
            let allowedFrom = CreditListing.earlyRemovalAllowedFrom(correctedOn: corrected)
            guard today >= allowedFrom else { return .failure(.invalidState) }
            guard listing.basis.allSatisfy({ basis[$0]?.isSettled == true }) else { return .failure(.invalidState) }
            detail["corrected_on"] = .day(corrected)
            detail["allowed_from"] = .day(allowedFrom)
            detail["settings"] = CreditTerms.recorded
        }
        listing.removal = message.reason
        listing.removedOn = today
        listing.correctedOn = message.correctedOn
        return .success(Transition(state: listing, actions: entries(listing.basis, event: "credit_delisted",
                                                                    detail: .object(detail))))
    }

    /// One hrss timeline entry per basis case (no personal data: persons are counted, not named).
    private static func entries(_ ids: [String], event: String, detail: JSONValue) -> [Action] {
        ids.map { .appendTimeline(TimelineEntry(caseID: $0, department: .hrss, event: event, detail: detail)) }
    }
}
