import XCTest
@testable import Messages
import Workflow
@testable import Duties

final class ShippedListTests: XCTestCase {
    func testShippedFileLoads() throws {
        let list = try shipped()
        XCTAssertEqual(list.version, "2026-2")
        XCTAssertEqual(list.source, shippedPath)
        XCTAssertEqual(list.contentHash.count, 64)
        XCTAssertEqual(list.contentHash, DutyList.digest(list.text))
        XCTAssertEqual(Set(list.duties.keys), Set(MessageType.allCases))
    }

    func testEveryPrincipalOfContractSection1IsDeclared() throws {
        let list = try shipped()
        XCTAssertEqual(list.principals.map(\.code), Principal.allCases)
        XCTAssertEqual(list.info(for: .hrss)?.nameZh, "人力资源和社会保障局")
        XCTAssertEqual(list.info(for: .police)?.nameEn, "Public Security")
        XCTAssertEqual(list.workerPrincipals, anyDepartment.sorted())
        for principal in list.principals { XCTAssertFalse(principal.nameZh.isEmpty || principal.nameEn.isEmpty) }
    }

    /// CONTRACT §1 sector table, transcribed independently of the YAML.
    func testSectorTableIsContractSection1() throws {
        let expected: [Sector: Principal] = [
            .construction: .housing, .transport: .transport, .water: .water, .agriculture: .agriculture,
            .individualBusiness: .market, .manufacturing: .hrss, .services: .hrss, .other: .hrss,
        ]
        let list = try shipped()
        XCTAssertEqual(list.sectorTable, expected)
        for sector in Sector.allCases { XCTAssertEqual(list.responsibleDepartment(for: sector), expected[sector]) }
    }

    func testContentHashIsStableAndChangesWithText() throws {
        let list = try shipped()
        let again = try DutyListLoader.parse(yaml: list.text, source: "again")
        XCTAssertEqual(again.contentHash, list.contentHash)
        let changed = try DutyListLoader.parse(yaml: list.text + "\n# comment\n", source: "changed")
        XCTAssertNotEqual(changed.contentHash, list.contentHash)
        XCTAssertEqual(changed.duties, list.duties)
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(DutyList.digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(DutyList.digest("abc"),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(DutyList.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(DutyList.digest(String(repeating: "a", count: 1_000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
