import Store

/// Runs a read-only view command with the identity's own database role, and
/// explains a missing grant instead of printing a bare SQL error.
enum ViewRunner {
    /// Who may read each view (docs/schema.md grant matrix), for hints.
    static let readers: [String: String] = [
        "referral_overview": "police, hrss", "fund_overview": "finance, government, hrss",
        "fund_balance": "finance, government, hrss", "legal_aid_overview": "justice, hrss, petitions, platform",
        "legal_aid_providers": "justice, hrss, petitions, platform", "petition_overview": "petitions, hrss",
        "fund_movements": "finance, government, hrss",
    ]

    static func run(_ identity: IdentityOptions, _ body: (Session, PGConnection) throws -> Void) throws {
        let session = Session(identity)
        defer { session.close() }
        let db = try session.database()
        do {
            try body(session, db)
        } catch let error as PGError where error.isInsufficientPrivilege {
            throw denied(error, identity: (try? session.identity())?.description ?? "?")
        }
    }

    static func denied(_ error: PGError, identity: String) -> WageCtlError {
        let view = readers.keys.first { error.message.contains($0) }
        let who = view.flatMap { readers[$0] }.map { "act as one that may (\($0)) or as admin" } ?? "act as a principal that may, or as admin"
        return WageCtlError(.refused, "\(identity) may not read this: \(error.message)", hint: who)
    }

    /// `true` when `error` is a missing grant (the caller then skips a section).
    static func isDenied(_ error: Error) -> Bool { (error as? PGError)?.isInsufficientPrivilege ?? false }
}

/// Builds a WHERE clause with numbered parameters.
struct SQLFilter {
    private(set) var conditions: [String] = []
    private(set) var params: [any PGBindable] = []

    /// Adds `template` with `$?` replaced by the next parameter number.
    mutating func add(_ template: String, _ value: any PGBindable) {
        params.append(value)
        conditions.append(template.replacingOccurrences(of: "$?", with: "$\(params.count)", maxReplacements: 1))
    }

    /// Adds a condition without parameters.
    mutating func add(_ condition: String) { conditions.append(condition) }

    /// Adds the next parameter and returns its placeholder.
    mutating func param(_ value: any PGBindable) -> String {
        params.append(value)
        return "$\(params.count)"
    }

    var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }
}
