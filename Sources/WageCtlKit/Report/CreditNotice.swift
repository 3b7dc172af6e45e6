import ArgumentParser
import Foundation
import Store
import Messages
import Workflow

/// The yearly public notice of the arrears blacklist (每年通报, CONTRACT §9 / issue 19):
/// the listings in force on the notice day, persons masked (`张*`), as CSV (UTF-8
/// with a byte-order mark, so that spreadsheet programs read the Chinese) and HTML.
struct CreditNotice {
    struct Entry: Equatable {
        var creditCode: String
        var name: String
        var decidedOn: String
        var listedUntil: String
        /// As stored; masked when rendered.
        var persons: [CreditPerson]
        var basisCases: Int

        /// `法定代表人：张*；实际控制人：李*`.
        var maskedPersons: String {
            persons.map { "\($0.role)：\($0.masked.name)" }.joined(separator: "；")
        }
    }

    let year: Int
    /// The day the list is as of: 31 December of `year`, or today when that is earlier.
    let asOf: Day
    let entries: [Entry]
    /// Whether the persons could be read (hrss); otherwise the column is empty.
    let personsReadable: Bool

    static let headers = ["序号", "统一社会信用代码", "单位名称", "列入日期", "有效期至", "相关人员", "依据案件数"]

    func cells(_ i: Int, _ e: Entry) -> [String] {
        [String(i + 1), e.creditCode, e.name, e.decidedOn, e.listedUntil, e.maskedPersons, String(e.basisCases)]
    }

    /// CSV (RFC 4180, CRLF) with a UTF-8 byte-order mark.
    var csv: String {
        var lines = [Self.headers.map(Self.csvField).joined(separator: ",")]
        for (i, e) in entries.enumerated() { lines.append(cells(i, e).map(Self.csvField).joined(separator: ",")) }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    var title: String { "\(year)年度拖欠农民工工资失信联合惩戒对象名单通报" }

    /// A self-contained HTML page.
    var html: String {
        let head = Self.headers.map { "<th>\(Self.escape($0))</th>" }.joined()
        let body = entries.enumerated().map { i, e in
            "<tr>" + cells(i, e).map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(Self.escape(title))</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}th,td{border:1px solid #999;padding:4px 8px}th{background:#eee}</style>
            </head><body>
            <h1>\(Self.escape(title))</h1>
            <p>截至 \(asOf.iso)，在册失信联合惩戒对象 \(entries.count) 家（列入之日起3年；相关人员姓名已脱敏）。</p>
            <table><thead><tr>\(head)</tr></thead><tbody>
            \(body)
            </tbody></table>
            </body></html>

            """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    var json: JSONValue {
        ["year": .int(year), "as_of": .day(asOf), "count": .int(entries.count),
         "entries": .array(entries.map { e in
             ["credit_code": .string(e.creditCode), "name": .string(e.name), "decided_on": .string(e.decidedOn),
              "listed_until": .string(e.listedUntil), "persons": .string(e.maskedPersons), "basis_cases": .int(e.basisCases)]
         })]
    }

    /// The notice day of `year`: its 31 December, or `today` when that is earlier.
    static func asOf(year: Int, today: Day) -> Day? {
        guard let end = Day(year: year, month: 12, day: 31) else { return nil }
        return min(end, today)
    }

    /// Reads the listings in force on `asOf` (and their persons, when the role may).
    static func load(year: Int, asOf: Day, db: PGConnection) throws -> CreditNotice {
        let rows = try db.execute(
            """
            SELECT listing_id, credit_code, name, decided_on::text AS decided_on, listed_until::text AS listed_until,
                   cardinality(basis) AS basis_cases
            FROM wage.credit_list
            WHERE removal IS NULL AND decided_on <= $1::date AND $1::date <= listed_until
            ORDER BY decided_on, credit_code, listing_id
            """, [asOf.iso]).rows
        var persons: [String: [CreditPerson]] = [:]
        var readable = true
        do {
            for row in try db.execute(
                """
                SELECT p.listing_id::text AS id, p.role, p.name FROM wage.credit_persons p
                JOIN wage.credit_listings l USING (listing_id)
                WHERE l.removal IS NULL AND l.decided_on <= $1::date AND $1::date <= l.listed_until
                ORDER BY p.listing_id, p.seq
                """, [asOf.iso]).rows {
                persons[try row.string("id"), default: []].append(CreditPerson(name: try row.string("name"), role: try row.string("role")))
            }
        } catch where ViewRunner.isDenied(error) {
            readable = false
        }
        let entries = try rows.map { row in
            Entry(creditCode: try row.string("credit_code"), name: try row.string("name"),
                  decidedOn: try row.string("decided_on"), listedUntil: try row.string("listed_until"),
                  persons: persons[try row.string("listing_id")] ?? [], basisCases: try row.int("basis_cases"))
        }
        return CreditNotice(year: year, asOf: asOf, entries: entries, personsReadable: readable)
    }
}

/// `wagectl credit notice --year Y`: the yearly public notice (每年通报).
struct CreditNoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "The yearly public notice of the blacklist (每年通报): CSV (UTF-8, BOM) and HTML, persons masked.",
        discussion: """
        Lists the listings in force on 31 December of the year (or today, for the current year). Act as hrss \
        (the office publishes it and may read the persons) or as admin. Without --csv or --html, writes \
        credit-notice-<year>.csv and .html in the current directory.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The year, e.g. 2026.") var year: Int
    @Option(help: "Write the CSV here.") var csv: String?
    @Option(help: "Write the HTML page here.") var html: String?

    func run() throws {
        guard let asOf = CreditNotice.asOf(year: year, today: Day(shanghai: Date())),
              (2000...2100).contains(year) else {
            throw WageCtlError(.usage, "--year must be a year such as 2026")
        }
        try ViewRunner.run(identity) { session, db in
            let notice = try CreditNotice.load(year: year, asOf: asOf, db: db)
            if !notice.personsReadable { session.console.err("note: persons are readable by hrss only; the column is empty") }
            let targets = csv == nil && html == nil
                ? [("credit-notice-\(year).csv", notice.csv), ("credit-notice-\(year).html", notice.html)]
                : [(csv, notice.csv), (html, notice.html)].compactMap { path, text in path.map { ($0, text) } }
            for (path, text) in targets {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
                    throw WageCtlError(.failed, "cannot write \(path): \(error.localizedDescription)")
                }
                session.console.err("wrote \(path)")
            }
            if output.json { session.console.out(JSONPretty.render(notice.json)); return }
            session.console.out("\(notice.title)（截至 \(asOf.iso)）：\(notice.entries.count) 家")
            for (i, e) in notice.entries.enumerated() { session.console.out(notice.cells(i, e).joined(separator: "  ")) }
        }
    }
}
