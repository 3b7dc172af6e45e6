import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// Malformed duty lists: each kind of error names the right line and reason,
/// and nothing is loaded.
final class DutyListErrorTests: XCTestCase {
    /// The shipped text with `old` replaced by `new` (which must occur exactly once).
    func variant(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let text = try shipped().text
        let parts = text.components(separatedBy: old)
        XCTAssertEqual(parts.count, 2, "'\(old)' must occur once", file: file, line: line)
        return parts.joined(separator: new)
    }

    /// The 1-based line of the first occurrence of `needle` in `text`.
    func lineOf(_ needle: String, in text: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// Parsing `yaml` fails with `reason` at the line of `at` (searched in `yaml`; nil = no line).
    func assertRefused(_ yaml: String, _ reason: DutyListError.Reason, at needle: String?,
                       file: StaticString = #filePath, line: UInt = #line) {
        do {
            let list = try DutyListLoader.parse(yaml: yaml, source: "test.yaml")
            XCTFail("loaded version \(list.version), expected \(reason.code)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.file, "test.yaml", file: file, line: line)
            XCTAssertEqual(error.reason, reason, "\(error)", file: file, line: line)
            XCTAssertEqual(error.line, needle.flatMap { lineOf($0, in: yaml) }, "\(error)", file: file, line: line)
        }
    }

    func testUnknownPrincipal() throws {
        let yaml = try variant("to: { fixed: [police, hrss] }", "to: { fixed: [police, hrs] }")
        assertRefused(yaml, .unknownPrincipal("hrs"), at: "to: { fixed: [police, hrs] }")
        let declared = try variant("  - code: market\n", "  - code: markets\n")
        assertRefused(declared, .unknownPrincipal("markets"), at: "code: markets")
        let sector = try variant("construction: housing", "construction: mayor")
        assertRefused(sector, .unknownPrincipal("mayor"), at: "construction: mayor")
    }

    func testUnknownMessageType() throws {
        let yaml = try variant("  case.close:", "  case.closed:")
        assertRefused(yaml, .unknownMessageType("case.closed"), at: "case.closed:")
    }

    func testMissingMessageType() throws {
        let yaml = try variant("  office.sweep:\n    from: [hrss]\n    to: { fixed: [hrss] }\n", "")
        assertRefused(yaml, .missingMessageType("office.sweep"), at: "  clue.report:")
        let noRejected = try variant("  message.rejected:\n", "  message.rejected_not:\n")
        assertRefused(noRejected, .unknownMessageType("message.rejected_not"), at: "message.rejected_not")
    }

    func testUnknownAndMissingSector() throws {
        assertRefused(try variant("  water: water\n", "  mining: water\n"), .unknownSector("mining"), at: "mining: water")
        assertRefused(try variant("  services: hrss\n", ""), .missingSector("services"), at: "  construction: housing")
    }

    func testDuplicateKeys() throws {
        let message = try variant("  office.sweep:", "  case.close:\n    from: [hrss]\n    to: { fixed: [hrss] }\n  office.sweep:")
        assertRefused(message, .duplicateKey("case.close"), at: "  case.close:\n    from: [hrss]\n    to: { fixed: [hrss] }\n  office.sweep:")
        let version = try variant("version: \"2026-2\"\n", "version: \"2026-2\"\nversion: \"2026-3\"\n")
        assertRefused(version, .duplicateKey("version"), at: "version: \"2026-3\"")
        let sender = try variant("    from: [hrss, finance]", "    from: [hrss, finance, hrss]")
        assertRefused(sender, .duplicateKey("hrss in from of fund.recovered"), at: "from: [hrss, finance, hrss]")
        let principal = try variant("  - code: router\n", "  - code: hrss\n")
        assertRefused(principal, .duplicateKey("principal hrss"), at: "  - code: hrss\n    name: { zh: \"消息路由\"")
        let sector = try variant("  other: hrss\n", "  other: hrss\n  other: police\n")
        assertRefused(sector, .duplicateKey("other"), at: "  other: police")
    }

    func testRecipientOrSenderOutsideThePrincipals() throws {
        let noRouter = try variant("  - code: router\n    name: { zh: \"消息路由\", en: \"Router\" }\n    worker: false", "  #")
            .replacingOccurrences(of: "copy_to: [hrss]", with: "copy_to: [hrss, router]")
        assertRefused(noRouter, .recipientOutsidePrincipals("router"), at: "copy_to: [hrss, router]")
        let noGovernment = try variant(
            "  - code: government\n    name: { zh: \"人民政府 / 管委会\", en: \"Government (approver)\" }\n    worker: false         # humans via the CLI (wagectl)\n", "")
        assertRefused(noGovernment, .undeclaredSender("government"), at: "from: [government]")
        let notifyRouter = try variant("    to: { payload: to, allowed: [hrss, petitions, platform, justice] }",
                                       "    to: { payload: to, allowed: [hrss, petitions, platform, justice, router] }")
        XCTAssertNoThrow(try DutyListLoader.parse(yaml: notifyRouter, source: "ok"), "router is declared")
    }

    func testBadToSpecs() throws {
        let specs: [(String, DutyListError.Reason)] = [
            ("to: nowhere", .badToSpec("unknown destination 'nowhere' in fund.deposit")),
            ("to: [finance]", .badToSpec("to of fund.deposit must be dead_letter or a mapping")),
            ("to: { fixed: [finance], sector: sector }", .badToSpec("to of fund.deposit needs exactly one of fixed, payload, sector")),
            ("to: { }", .badToSpec("to of fund.deposit needs exactly one of fixed, payload, sector")),
            ("to: { payload: amount, allowed: [hrss] }", .badToSpec("fund.deposit has no payload field amount of the right kind")),
            ("to: { sector: note }", .badToSpec("fund.deposit has no payload field note of the right kind")),
            ("to: { fixed: [finance], many: true }", .badToSpec("key many does not go with fixed in fund.deposit")),
            ("to: { payload: note }", .badToSpec("to.payload of fund.deposit needs allowed")),
            ("to: { fixed: [] }", .emptyList("to.fixed of fund.deposit")),
        ]
        for (spec, reason) in specs {
            let yaml = try variant("  fund.deposit:\n    from: [finance]\n    to: { fixed: [finance] }",
                                   "  fund.deposit:\n    from: [finance]\n    \(spec)")
            assertRefused(yaml, reason, at: spec)
        }
        let block = try variant("      payload: notify\n", "      payload: event\n")
        assertRefused(block, .badToSpec("case.notice has no payload field event of the right kind"), at: "payload: event")
        let single = try variant("      many: true\n", "")
        assertRefused(single, .badToSpec("case.notice has no payload field notify of the right kind"), at: "payload: notify")
        let match = try variant("must_match: to }", "must_match: note }")
        assertRefused(match, .badToSpec("case.transfer has no payload field note of the right kind"), at: "must_match: note")
        let copy = try variant("    to: dead_letter\n", "    copy_to: [hrss]\n    to: dead_letter\n")
        assertRefused(copy, .badToSpec("copy_to with dead_letter in message.rejected"), at: "copy_to: [hrss]\n    to: dead_letter")
    }

    func testMissingVersion() throws {
        let none = try variant("version: \"2026-2\"\n", "")
        assertRefused(none, .missingVersion, at: "principals:")
        assertRefused(try variant("version: \"2026-2\"\n", "version: \"\"\n"), .missingVersion, at: "version:")
        assertRefused(try variant("version: \"2026-2\"\n", "version:\n"), .missingVersion, at: "version:")
        assertRefused(try variant("version: \"2026-2\"\n", "version: [1]\n"), .missingVersion, at: "version:")
        assertRefused("", .missingVersion, at: nil)
        assertRefused("# only a comment\n", .missingVersion, at: nil)
    }

    func testShapeErrors() throws {
        assertRefused(try variant("    worker: false         # humans", "    worker: maybe         # humans"),
                      .wrongType(expected: "worker to be true or false"), at: "worker: maybe")
        assertRefused(try variant("  fund.deposit:\n    from: [finance]", "  fund.deposit:\n    form: [finance]"),
                      .unknownKey("form in fund.deposit"), at: "form: [finance]")
        assertRefused(try variant("  fund.deposit:\n    from: [finance]", "  fund.deposit:\n    from: []"),
                      .emptyList("from of fund.deposit"), at: "from: []")
        assertRefused(try variant("version: \"2026-2\"\n", "version: \"2026-2\"\nowner: me\n"),
                      .unknownKey("owner in the file"), at: "owner: me")
        assertRefused(try variant("    worker: true          # worker-police\n", ""),
                      .missingKey("worker in a principal"), at: "  - code: police")
        assertRefused("- version: 1\n", .wrongType(expected: "the file to be a mapping"), at: "- version")
        assertRefused("version: x\nprincipals: []\nsectors: {}\nmessages: {}\n", .emptyList("principals"), at: "principals:")
        assertRefused("version: x\n", .missingKey("principals"), at: "version: x")
    }

    func testYAMLSyntaxErrorHasALine() throws {
        let yaml = try variant("  case.close:", "  case.close: [unclosed")
        do {
            _ = try DutyListLoader.parse(yaml: yaml, source: "bad.yaml")
            XCTFail("loaded")
        } catch {
            XCTAssertEqual(error.reason.code, "yaml_syntax")
            XCTAssertNotNil(error.line)
            XCTAssertGreaterThanOrEqual(error.line ?? 0, lineOf("case.close: [unclosed", in: yaml) ?? .max)
        }
    }

    func testUnreadableFile() {
        do {
            _ = try DutyListLoader.load(path: "/nonexistent/duties.yaml")
            XCTFail("loaded")
        } catch {
            XCTAssertEqual(error.reason.code, "unreadable")
            XCTAssertNil(error.line)
            XCTAssertEqual(error.file, "/nonexistent/duties.yaml")
        }
    }

    func testErrorDescription() {
        let error = DutyListError(file: "a.yaml", line: 7, reason: .unknownSector("mining"))
        XCTAssertEqual(error.description, "a.yaml:7: unknown_sector: mining")
    }
}
