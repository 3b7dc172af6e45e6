import Foundation
import Runtime
import Store
import Messages
import Workflow

/// The arrears blacklist in PostgreSQL (`wage.credit_listings`, `wage.credit_persons`,
/// sql/0118, 0140) and the facts about basis cases, as the office's credit desk reads
/// and writes them inside the message's transaction.
struct CreditStore {
    let db: PGConnection

    /// Serialises the messages about one credit code across lanes and instances
    /// (transaction-scoped advisory lock).
    func lock(_ creditCode: String) throws {
        try db.execute("SELECT pg_advisory_xact_lock(hashtextextended('credit:' || $1, 19))", [creditCode])
    }

    /// The code's newest listing still on the list on `today` (not removed, not expired), with its id.
    func openListing(_ creditCode: String, today: Day) throws -> (id: Int64, listing: CreditListing)? {
        guard let row = try db.execute(
            """
            SELECT listing_id, credit_code, name, decided_on::text AS decided_on, listed_until::text AS listed_until,
                   basis, removal, removed_on::text AS removed_on, corrected_on::text AS corrected_on
            FROM wage.credit_listings
            WHERE credit_code = $1 AND removal IS NULL AND listed_until >= $2::date
            ORDER BY listed_until DESC, listing_id DESC LIMIT 1
            """, [creditCode, today.iso]).rows.first else { return nil }
        return (try row.int64("listing_id"), try CreditStore.listing(row))
    }

    static func listing(_ row: PGRow) throws -> CreditListing {
        func day(_ column: String) throws -> Day? { try row.optionalString(column).flatMap(Day.init(iso:)) }
        guard let decided = try day("decided_on"), let until = try day("listed_until") else {
            throw CorruptRow("wage.credit_listings \(try row.string("listing_id"))", "decided_on or listed_until is not a date")
        }
        return CreditListing(
            creditCode: try row.string("credit_code"), name: try row.string("name"), decidedOn: decided,
            listedUntil: until, basis: try row.stringArray("basis"),
            removal: try row.optionalString("removal").flatMap(CreditRemoval.init(rawValue:)),
            removedOn: try day("removed_on"), correctedOn: try day("corrected_on"))
    }

    /// The basis cases that exist, by canonical id, with the facts of the listing
    /// condition: referrals accepted for review (`wage.referral_overview`, any status but
    /// `incomplete`) and linked collective-visit alerts (`wage.office_alerts`).
    func basisCases(_ ids: [String]) throws -> [String: CreditBasisCase] {
        guard !ids.isEmpty else { return [:] }
        let rows = try db.execute(
            """
            SELECT c.case_id::text AS case_id, c.status, c.disposition,
                   ARRAY(SELECT r.referral_no FROM wage.referral_overview r
                         WHERE r.case_id = c.case_id AND r.status <> 'incomplete' ORDER BY r.referral_no) AS referrals,
                   ARRAY(SELECT DISTINCT a.petition_no FROM wage.office_alerts a
                         WHERE a.case_id = c.case_id ORDER BY a.petition_no) AS alerts
            FROM wage.cases c WHERE c.case_id = ANY($1::uuid[])
            """, [ids]).rows
        var found: [String: CreditBasisCase] = [:]
        for row in rows {
            let id = try row.string("case_id")
            guard let status = CaseStatus(rawValue: try row.string("status")) else {
                throw CorruptRow("wage.cases \(id)", "unknown status")
            }
            found[id] = CreditBasisCase(
                caseID: id, status: status, unfounded: try row.optionalString("disposition") == "unfounded",
                acceptedReferrals: try row.stringArray("referrals"), collectiveAlerts: try row.stringArray("alerts"))
        }
        return found
    }

    /// Inserts a new listing and its persons; returns its id.
    func insert(_ listing: CreditListing, messageID: String, at now: Date) throws -> Int64 {
        guard let row = try db.execute(
            """
            INSERT INTO wage.credit_listings (credit_code, name, decided_on, listed_until, basis, listed_at, message_id, settings)
            VALUES ($1, $2, $3::date, $4::date, $5::text[], $6, $7, $8::jsonb)
            RETURNING listing_id
            """, [listing.creditCode, listing.name, listing.decidedOn.iso, listing.listedUntil.iso, listing.basis, now,
                  messageID, CreditTerms.recorded.serialized]).rows.first else {
            throw CorruptRow("wage.credit_listings \(listing.creditCode)", "INSERT returned no listing_id")
        }
        let id = try row.int64("listing_id")
        if !listing.persons.isEmpty {
            try db.execute(
                """
                INSERT INTO wage.credit_persons (listing_id, seq, name, role)
                SELECT $1, p.n, p.name, p.role FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS p(name, role, n)
                """, [id, listing.persons.map(\.name), listing.persons.map(\.role)])
        }
        return id
    }

    /// Records the removal of listing `id`.
    func remove(_ id: Int64, _ listing: CreditListing, messageID: String, at now: Date) throws {
        try db.execute(
            """
            UPDATE wage.credit_listings
            SET removal = $2, removed_on = $3::date, corrected_on = $4::date, removal_message_id = $5, removed_at = $6,
                settings = settings || $7::jsonb
            WHERE listing_id = $1
            """, [id, listing.removal?.rawValue, listing.removedOn?.iso, listing.correctedOn?.iso, messageID, now,
                  CreditStore.removalSettings(listing).serialized])
    }

    private static func removalSettings(_ listing: CreditListing) -> JSONValue {
        guard listing.removal == .earlyRemoval, let corrected = listing.correctedOn else { return [:] }
        return ["early_removal_allowed_from": .day(CreditListing.earlyRemovalAllowedFrom(correctedOn: corrected))]
    }
}
