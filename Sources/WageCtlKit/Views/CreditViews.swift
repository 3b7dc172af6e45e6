import Reports
import ArgumentParser
import Foundation
import Store
import Messages
import Workflow

/// The columns of `wage.credit_list` as `wagectl` shows them.
enum CreditColumns {
    static let listing = [
        Column("credit_code", "credit code"), Column("name", nil, .masked), Column("status"),
        Column("decided_on", "decided on", .day), Column("listed_until", "listed until", .day),
        Column("removed_on", "removed on", .day), Column("removal"), Column("corrected_on", "corrected on", .day),
        Column("basis", nil, .textArray, maxWidth: 80), Column("persons", nil, .int),
    ]
    static let listingSQL = """
        SELECT credit_code, name, status, decided_on, listed_until, removed_on, removal, corrected_on, basis, persons, listing_id
        FROM wage.credit_list
        """
    static let check = [
        Column("credit_code", "credit code"), Column("name", nil, .masked), Column("listed", nil, .bool),
        Column("listed_until", "listed until", .day), Column("decided_on", "decided on", .day),
        Column("cases_3y", "cases 3y", .int), Column("open_cases_3y", "open cases 3y", .int),
        Column("unpaid_3y", "unpaid 3y", .money), Column("active_projects", "active projects", .int),
    ]
}

/// `wagectl credit listings`: the blacklist (`wage.credit_list`), newest first.
struct CreditListingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listings", abstract: "The arrears blacklist (wage.credit_list; every principal).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this status: listed, removed_early, withdrawn, expired (repeat).") var status: [String] = []
    @Option(help: "At most this many rows.") var limit: Int = 100

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if !status.isEmpty { filter.add("status = ANY($?::text[])", status) }
            let rows = try db.execute(
                "\(CreditColumns.listingSQL)\(filter.whereClause) ORDER BY decided_on DESC, listing_id DESC LIMIT \(max(1, limit))",
                filter.params).rows
            RowSet(columns: CreditColumns.listing, rows: rows).print(to: session.console, json: output.json, empty: "no listings")
        }
    }
}

/// `wagectl credit show CODE`: every listing of a code, its persons (hrss only) and its check.
struct CreditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a credit code: its listings, persons (hrss only) and bid check.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The unified social credit code.") var creditCode: String

    static let personColumns = [Column("listing_id", "listing", .int), Column("role"), Column("name")]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let listings = RowSet(columns: CreditColumns.listing, rows: try db.execute(
                "\(CreditColumns.listingSQL) WHERE credit_code = $1 ORDER BY decided_on DESC, listing_id DESC", [creditCode]).rows)
            let check = RowSet(columns: CreditColumns.check, rows: try db.execute(
                "SELECT * FROM wage.credit_check WHERE credit_code = $1", [creditCode]).rows)
            var persons: RowSet?
            do {
                persons = RowSet(columns: Self.personColumns, rows: try db.execute(
                    """
                    SELECT p.listing_id, p.role, p.name FROM wage.credit_persons p
                    JOIN wage.credit_listings l USING (listing_id) WHERE l.credit_code = $1 ORDER BY p.listing_id DESC, p.seq
                    """, [creditCode]).rows)
            } catch where ViewRunner.isDenied(error) {
                persons = nil
            }
            guard !listings.rows.isEmpty || !check.rows.isEmpty else {
                throw WageCtlError(.notFound, "no listing and no case for credit code \(creditCode)")
            }
            if output.json {
                session.console.out(JSONPretty.render([
                    "listings": listings.jsonValue, "check": check.jsonValue.arrayValue?.first ?? .null,
                    "persons": persons?.jsonValue ?? .null]))
                return
            }
            session.console.out("listings of \(creditCode):")
            listings.print(to: session.console, json: false, empty: "  (never listed)")
            session.console.out()
            session.console.out("persons:")
            if let persons { persons.print(to: session.console, json: false, empty: "  (none named)") } else {
                session.console.out("  (readable by hrss only)")
            }
            session.console.out()
            session.console.out("bid check:")
            check.print(to: session.console, json: false, empty: "  (no row)")
        }
    }
}

/// `wagectl credit check CODE`: what a bidding office (招投标) needs, on one screen.
struct CreditCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "The bid check of a credit code (wage.credit_check): listed? cases and unpaid wages of 3 years.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The unified social credit code.") var creditCode: String

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let row = try db.execute("SELECT * FROM wage.credit_check WHERE credit_code = $1", [creditCode]).rows.first
            let history = RowSet(columns: CreditColumns.listing, rows: try db.execute(
                "\(CreditColumns.listingSQL) WHERE credit_code = $1 ORDER BY decided_on DESC, listing_id DESC", [creditCode]).rows)
            let check = try CreditCheckCard(code: creditCode, row: row, today: Day(shanghai: Date()))
            if output.json {
                guard case .object(var o) = check.json else { return }
                o["listings"] = history.jsonValue
                session.console.out(JSONPretty.render(.object(o)))
                return
            }
            for line in check.lines { session.console.out(line) }
            if !history.rows.isEmpty {
                session.console.out()
                session.console.out("名单记录 (listings):")
                history.print(to: session.console, json: false, empty: "")
            }
        }
    }
}

/// The bid check of one code as figures, a verdict and a screen of Chinese labels.
struct CreditCheckCard {
    let code: String
    let today: Day
    var name: String?
    var listed = false
    var listedUntil: String?
    var decidedOn: String?
    var cases = 0
    var openCases = 0
    var unpaid = "0.00"
    var activeProjects = 0

    init(code: String, row: PGRow?, today: Day) throws {
        self.code = code
        self.today = today
        guard let row else { return }
        name = try row.optionalString("name")
        listed = try row.bool("listed")
        listedUntil = try row.optionalString("listed_until")
        decidedOn = try row.optionalString("decided_on")
        cases = try row.int("cases_3y")
        openCases = try row.int("open_cases_3y")
        unpaid = try row.string("unpaid_3y")
        activeProjects = try row.int("active_projects")
    }

    init(code: String, today: Day, name: String?, listed: Bool, listedUntil: String?, cases: Int, openCases: Int,
         unpaid: String) {
        self.code = code
        self.today = today
        self.name = name
        self.listed = listed
        self.listedUntil = listedUntil
        self.cases = cases
        self.openCases = openCases
        self.unpaid = unpaid
    }

    /// `restricted` (listed), `attention` (open cases), `notice` (settled cases) or `clear`.
    var verdict: String {
        if listed { return "restricted" }
        if openCases > 0 { return "attention" }
        if cases > 0 { return "notice" }
        return "clear"
    }

    /// The verdict in words (Chinese).
    var conclusion: String {
        switch verdict {
        case "restricted":
            return "限制：列入拖欠农民工工资失信联合惩戒对象名单（有效期至 \(listedUntil ?? "?")），依法限制参与招投标、政府资金、融资和市场准入（一处违法、处处受限）"
        case "attention": return "关注：近三年有未办结的欠薪案件 \(openCases) 件，未结欠薪 \(unpaid) 元"
        case "notice": return "提示：近三年有欠薪案件 \(cases) 件，均已办结"
        default: return "未发现失信记录或近三年欠薪案件"
        }
    }

    var lines: [String] {
        let rows: [(String, String)] = [
            ("统一社会信用代码", code),
            ("名称", name.map(Masking.text) ?? "（系统中无记录）"),
            ("失信联合惩戒名单", listed ? "是（列入 \(decidedOn ?? "?")，有效期至 \(listedUntil ?? "?")）" : "否"),
            ("近三年欠薪案件", "\(cases) 件（未办结 \(openCases) 件；不含查无实据）"),
            ("近三年未结欠薪金额", "\(unpaid) 元"),
            ("在建项目（总承包）", "\(activeProjects) 个"),
            ("核查结论", conclusion),
        ]
        let width = rows.map { TextWidth.of($0.0) }.max() ?? 0
        return ["欠薪失信核查（招投标） \(today.iso)"] + rows.map { TextWidth.pad($0.0, to: width) + "  " + $0.1 }
    }

    var json: JSONValue {
        .compact([
            "credit_code": .string(code), "name": name.map(JSONValue.string), "listed": .bool(listed),
            "listed_until": listedUntil.map(JSONValue.string), "decided_on": decidedOn.map(JSONValue.string),
            "cases_3y": .int(cases), "open_cases_3y": .int(openCases), "unpaid_3y": .string(unpaid),
            "active_projects": .int(activeProjects), "verdict": .string(verdict), "conclusion": .string(conclusion),
            "checked_on": .day(today),
        ])
    }
}
