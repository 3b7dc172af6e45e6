import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// Recipients resolved from `sector` (case.transfer) and named in the payload
/// (case.notice `notify`, legalaid.assigned `to`).
final class RecipientTests: XCTestCase {
    static let responsible: [Sector: Principal] = [
        .construction: .housing, .transport: .transport, .water: .water, .agriculture: .agriculture,
        .individualBusiness: .market, .manufacturing: .hrss, .services: .hrss, .other: .hrss,
    ]

    func transfer(_ sector: String, to: String?) -> JSONValue {
        var body: JSONValue = ["case_id": "C-1", "sector": .string(sector)]
        if let to { body = setting(body, "to", .string(to)) }
        return body
    }

    func testTransferGoesToResponsibleDepartmentPlusHrss() throws {
        let list = try shipped()
        for (sector, department) in Self.responsible {
            let expected = Array(Set([department, .hrss])).sorted()
            XCTAssertEqual(route(type: "case.transfer", sender: "hrss", body: transfer(sector.rawValue, to: nil), dutyList: list),
                           .deliver(recipients: expected, version: "2026-2"), "\(sector) without to")
            XCTAssertEqual(route(type: "case.transfer", sender: "hrss",
                                 body: transfer(sector.rawValue, to: department.rawValue), dutyList: list),
                           .deliver(recipients: expected, version: "2026-2"), "\(sector) with matching to")
            XCTAssertEqual(route(type: "case.transfer", sender: "hrss",
                                 body: setting(transfer(sector.rawValue, to: nil), "to", .null), dutyList: list),
                           .deliver(recipients: expected, version: "2026-2"), "\(sector) with null to")
        }
    }

    func testATransferTheSenderAppliedItselfIsNotCopiedBackButStillReachesItsRecipient() throws {
        let list = try shipped()
        for (sector, department) in Self.responsible {
            XCTAssertEqual(route(type: "case.transfer", sender: "hrss", body: transfer(sector.rawValue, to: nil), dutyList: list,
                                 appliedBySender: true),
                           .deliver(recipients: [department], version: "2026-2"),
                           "\(sector): no copy_to copy to hrss; hrss itself only when it is the responsible department")
        }
        let decision: JSONValue = ["referral_no": "R-1", "decision": "filed", "police_case_no": "P-1"]
        XCTAssertEqual(route(type: "referral.decision", sender: "police", body: decision, dutyList: list, appliedBySender: true),
                       .deliver(recipients: [.hrss], version: "2026-2"))
        XCTAssertEqual(route(type: "referral.decision", sender: "police", body: decision, dutyList: list),
                       .deliver(recipients: [.hrss, .police], version: "2026-2"), "without the header the copy goes")
    }

    func testTransferToAnyOtherPrincipalIsForbiddenRecipient() throws {
        let list = try shipped()
        for (sector, department) in Self.responsible {
            for other in Principal.allCases where other != department {
                XCTAssertEqual(route(type: "case.transfer", sender: "hrss",
                                     body: transfer(sector.rawValue, to: other.rawValue), dutyList: list),
                               .reject(.forbiddenRecipient), "\(sector) to \(other)")
            }
        }
    }

    func testTransferWithUnknownSectorOrToIsSchema() throws {
        let list = try shipped()
        XCTAssertEqual(route(type: "case.transfer", sender: "hrss", body: transfer("mining", to: nil), dutyList: list),
                       .reject(.schema("sector")))
        XCTAssertEqual(route(type: "case.transfer", sender: "hrss", body: transfer("construction", to: "mayor"),
                             dutyList: list), .reject(.schema("to")))
    }

    func testNoticeToEveryDepartmentAndNothingElse() throws {
        let list = try shipped()
        let base = SamplePayloads.valid(for: .caseNotice)
        for department in anyDepartment {
            XCTAssertEqual(route(type: "case.notice", sender: "hrss",
                                 body: setting(base, "notify", [.string(department.rawValue)]), dutyList: list),
                           .deliver(recipients: [department], version: "2026-2"))
        }
        let all = JSONValue.array(anyDepartment.map { .string($0.rawValue) } + [.string("hrss")])
        XCTAssertEqual(route(type: "case.notice", sender: "hrss", body: setting(base, "notify", all), dutyList: list),
                       .deliver(recipients: anyDepartment.sorted(), version: "2026-2"), "sorted, deduplicated")
        for outsider in [Principal.government, .platform, .router] {
            XCTAssertEqual(route(type: "case.notice", sender: "hrss",
                                 body: setting(base, "notify", ["housing", .string(outsider.rawValue)]), dutyList: list),
                           .reject(.forbiddenRecipient), outsider.rawValue)
        }
        XCTAssertEqual(route(type: "case.notice", sender: "hrss", body: setting(base, "notify", ["nobody"]), dutyList: list),
                       .reject(.schema("notify[0]")))
        XCTAssertEqual(route(type: "case.notice", sender: "hrss", body: setting(base, "notify", []), dutyList: list),
                       .reject(.schema("notify")))
    }

    func testLegalAidAssignedGoesBackToTheRequester() throws {
        let list = try shipped()
        let base = SamplePayloads.valid(for: .legalaidAssigned)
        let requesters: [Principal] = [.hrss, .petitions, .platform, .justice]
        for principal in Principal.allCases {
            let decision = route(type: "legalaid.assigned", sender: "justice",
                                 body: setting(base, "to", .string(principal.rawValue)), dutyList: list)
            if requesters.contains(principal) {
                XCTAssertEqual(decision, .deliver(recipients: [principal], version: "2026-2"), principal.rawValue)
            } else {
                XCTAssertEqual(decision, .reject(.forbiddenRecipient), principal.rawValue)
            }
        }
        XCTAssertEqual(route(type: "legalaid.assigned", sender: "justice", body: setting(base, "to", ["hrss"]),
                             dutyList: list), .reject(.schema("to")))
    }
}
