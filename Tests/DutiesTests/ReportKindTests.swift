import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// Department returns in the duty list (issue 22, docs/reports.md): the shipped
/// kinds, the router's kind check, and malformed `report_kinds` refused whole.
final class ReportKindTests: XCTestCase {
    let today = Day(year: 2026, month: 12, day: 8)!

    func decide(_ sender: Principal, _ body: JSONValue) throws -> RoutingDecision {
        route(type: "report.submitted", sender: sender.rawValue, body: body, dutyList: try shipped(), today: today)
    }

    func body(_ kind: String, _ figures: JSONValue, month: String = "2026-11") -> JSONValue {
        ["month": .string(month), "kind": .string(kind), "figures": figures]
    }

    func testTheShippedKindsNameTheirOwnersAndHrssEntersForTheBodies() throws {
        let kinds = try shipped().reportKinds
        XCTAssertEqual(Set(kinds.keys), ["approved_projects", "construction_starts", "water_projects", "fund_expenditure",
                                         "enterprise_integrity", "collective_bargaining", "police_incidents"])
        XCTAssertEqual(kinds["construction_starts"]?.sender, .housing)
        XCTAssertEqual(kinds["water_projects"]?.sender, .water)
        XCTAssertEqual(kinds["fund_expenditure"]?.sender, .finance)
        XCTAssertEqual(kinds["enterprise_integrity"]?.sender, .market)
        XCTAssertEqual(kinds["approved_projects"]?.owner, "ndrc")
        XCTAssertEqual(kinds["approved_projects"]?.sender, .hrss)
        XCTAssertEqual(kinds["collective_bargaining"]?.owner, "union")
        XCTAssertEqual(kinds["police_incidents"]?.due, .anyTime)
        XCTAssertEqual(kinds["construction_starts"]?.due, .dayOfNextMonth(10))
        XCTAssertEqual(try shipped().ownerNameZh("union"), "总工会")
        XCTAssertEqual(try shipped().ownerNameZh("housing"), "住房和城乡建设局")
    }

    func testTheOwnerSendsItsKindToHrssAndNobodyElseMay() throws {
        let starts = body("construction_starts", ["new_starts": 2, "workers_enrolled": 40, "wage_paid": "300000.00"])
        XCTAssertEqual(try decide(.housing, starts), .deliver(recipients: [.hrss], version: "2026-2"))
        XCTAssertEqual(try decide(.water, starts), .reject(.forbiddenSender))
        XCTAssertEqual(try decide(.hrss, starts), .reject(.forbiddenSender), "hrss enters only for bodies")
        XCTAssertEqual(try decide(.petitions, starts), .reject(.forbiddenSender), "not in from at all")
        let ndrc = body("approved_projects", ["projects": 1, "total_investment": "5000000.00"])
        XCTAssertEqual(try decide(.hrss, ndrc), .deliver(recipients: [.hrss], version: "2026-2"))
        XCTAssertEqual(try decide(.housing, ndrc), .reject(.forbiddenSender))
        let incidents = body("police_incidents", ["incidents": 3, "persons_involved": 41], month: "2026-12")
        XCTAssertEqual(try decide(.police, incidents), .deliver(recipients: [.hrss], version: "2026-2"),
                       "the current month is allowed")
    }

    func testFiguresMustBeExactlyTheKindsWithTheirKinds() throws {
        let cases: [(JSONValue, String)] = [
            (["new_starts": 2, "workers_enrolled": 40], "figures.wage_paid"),
            (["new_starts": 2, "workers_enrolled": 40, "wage_paid": "300000.00", "other": 1], "figures.other"),
            (["new_starts": "2", "workers_enrolled": 40, "wage_paid": "300000.00"], "figures.new_starts"),
            (["new_starts": 2, "workers_enrolled": -1, "wage_paid": "300000.00"], "figures.workers_enrolled"),
            (["new_starts": 2, "workers_enrolled": 40, "wage_paid": "-1.00"], "figures.wage_paid"),
            (["new_starts": .number("2.5"), "workers_enrolled": 40, "wage_paid": "1.00"], "figures.new_starts"),
        ]
        for (figures, path) in cases {
            XCTAssertEqual(try decide(.housing, body("construction_starts", figures)), .reject(.schema(path)), path)
        }
        XCTAssertEqual(try decide(.housing, body("construction_start", ["new_starts": 1])), .reject(.schema("kind")))
        XCTAssertEqual(try decide(.housing, body("construction_starts", .array([]))), .reject(.schema("figures")))
        XCTAssertEqual(try decide(.housing, body("construction_starts", ["new_starts": 1, "workers_enrolled": 1,
                                                                         "wage_paid": "1.00"], month: "2027-01")),
                       .reject(.schema("month")), "a month that has not begun")
    }

    func testTheReminderGoesOnlyToADepartmentThatOwesReturns() throws {
        let list = try shipped()
        func remind(_ department: String) -> RoutingDecision {
            route(type: "report.reminder", sender: "hrss",
                  body: ["department": .string(department), "month": "2026-11", "kind": "construction_starts", "due_on": "2026-12-10"],
                  dutyList: list, today: today)
        }
        XCTAssertEqual(remind("water"), .deliver(recipients: [.water], version: "2026-2"))
        XCTAssertEqual(remind("petitions"), .reject(.forbiddenRecipient))
    }

    /// The shipped text with `old` replaced by `new` (once).
    func variant(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let parts = try shipped().text.components(separatedBy: old)
        XCTAssertEqual(parts.count, 2, "'\(old)' must occur once", file: file, line: line)
        return parts.joined(separator: new)
    }

    func refusal(_ yaml: String) -> DutyListError.Reason? {
        do { _ = try DutyListLoader.parse(yaml: yaml, source: "test.yaml"); return nil } catch { return error.reason }
    }

    func testMalformedKindsAreRefusedWhole() throws {
        XCTAssertEqual(refusal(try variant("    owner: ndrc\n    entered_by: hrss\n", "    owner: ndrc\n")),
                       .badReportKind("report_kinds.approved_projects: a body's kind needs entered_by"))
        XCTAssertEqual(refusal(try variant("    owner: union\n", "    owner: unions\n")),
                       .badReportKind("report_kinds.collective_bargaining: owner unions is neither a principal nor in report_bodies"))
        XCTAssertEqual(refusal(try variant("    owner: police\n    due: any_time\n", "    owner: police\n    due: 31\n")),
                       .badReportKind("report_kinds.police_incidents.due must be any_time or a day 1...28 of the next month"))
        XCTAssertEqual(refusal(try variant("{ incidents: count, persons_involved: count }", "{ incidents: number }")),
                       .badReportKind("report_kinds.police_incidents.figures.incidents must be count or amount"))
        XCTAssertEqual(refusal(try variant("    owner: market\n", "    owner: market\n    entered_by: hrss\n")),
                       .badReportKind("report_kinds.enterprise_integrity: entered_by is only for a body's kind"))
        // A kind whose owner may not send report.submitted could never be sent.
        XCTAssertEqual(refusal(try variant("from: [hrss, housing, water, finance, market, police]", "from: [hrss, housing, water, finance, market]")),
                       .badReportKind("report_kinds.police_incidents: its sender is not in the from of report.submitted"))
        XCTAssertNotNil(refusal(try variant("report_kind: { field: kind, figures: figures }", "report_kind: { field: kinds, figures: figures }")))
    }
}
