import Reports
import Duties
import Messages
@testable import WageCtlKit
import XCTest

/// `wagectl`'s pure helpers: column widths for Chinese tables, `--field` values
/// converted by the catalogue's kinds, and typed option readers.
final class TextAndFieldTests: XCTestCase {
    func testChineseTakesTwoColumns() {
        XCTAssertEqual(TextWidth.of("abc"), 3)
        XCTAssertEqual(TextWidth.of("住建局"), 6)
        XCTAssertEqual(TextWidth.pad("人社", to: 6), "人社  ")
        XCTAssertEqual(TextWidth.truncate("金凤镇安置房二期", to: 7), "金凤镇…")
        XCTAssertEqual(TextWidth.truncate("short", to: 10), "short")
    }

    func testFieldValuesFollowTheCatalogueKinds() throws {
        let body = try FieldAssignments.payload(
            type: "clue.report", json: nil,
            fields: ["workers_count=12", "amount_owed=125000.00", "employer.name=某公司", "channel=hotline", "clue_ref=HL-1"])
        XCTAssertEqual(body["workers_count"], .number("12"), "an int field becomes a JSON number")
        XCTAssertEqual(body["amount_owed"], "125000.00", "money stays a decimal string")
        XCTAssertEqual(body["employer"]?["name"], "某公司", "dotted paths build nested objects")
        XCTAssertNil(MessageSchemas.validate(type: .clueReport, body: FieldAssignments.set("construction", at: ["sector"], in: body)))
    }

    func testFieldWithoutEqualsIsAUsageError() {
        XCTAssertThrowsError(try FieldAssignments.payload(type: "case.accept", json: nil, fields: ["case_id"])) {
            XCTAssertEqual(($0 as? WageCtlError)?.code, .usage)
        }
    }
}
