import Duties
import Foundation
@testable import Messages
import XCTest

/// Walks the whole catalogue: every type's sample passes the router's validation and
/// decodes in the worker; every required field, removed, gives exactly
/// `schema:<that field>` from both; every enumeration refuses a value outside its
/// set; encoding a decoded sample gives a payload that validates and decodes again.
final class CatalogueTests: XCTestCase {
    let today = Day(year: 2026, month: 12, day: 3)!

    func testEveryMessageTypeIsCataloguedOnce() {
        let types = MessageCatalogue.all.map { $0.wireType }
        XCTAssertEqual(Set(types).count, types.count, "a type catalogued twice")
        XCTAssertEqual(Set(types), Set(MessageType.allCases), "a MessageType without a catalogue entry or vice versa")
    }

    func testEverySampleValidatesAndDecodes() throws {
        for entry in MessageCatalogue.all {
            XCTAssertNil(entry.validate(entry.sample, today: today), "\(entry.wireType.rawValue): sample refused by the router")
            XCTAssertNoThrow(try entry.init(body: entry.sample), "\(entry.wireType.rawValue): sample refused by the decoder")
        }
    }

    func testEncodingRoundTrips() throws {
        for entry in MessageCatalogue.all {
            let decoded = try entry.init(body: entry.sample)
            let encoded = decoded.json
            XCTAssertNil(entry.validate(encoded, today: today), "\(entry.wireType.rawValue): encoded payload refused: \(encoded)")
            let again = try entry.init(body: encoded)
            XCTAssertEqual(again.json, encoded, "\(entry.wireType.rawValue): encode ∘ decode is not stable")
        }
    }

    func testEveryRequiredFieldRemovedIsRefusedWithItsName() throws {
        for entry in MessageCatalogue.all {
            guard case .object(let sample) = entry.sample else { return XCTFail("\(entry.wireType.rawValue): sample not an object") }
            for field in entry.fields where isRequired(field, in: sample) {
                var body = sample
                body[field.name] = nil
                let expected = RejectionReason.schema(field.name)
                XCTAssertEqual(entry.validate(.object(body), today: today), expected,
                               "\(entry.wireType.rawValue): router without \(field.name)")
                XCTAssertThrowsError(try entry.init(json: body), "\(entry.wireType.rawValue): decoder without \(field.name)") {
                    XCTAssertEqual($0 as? RejectionReason, expected, "\(entry.wireType.rawValue): decoder reason")
                }
            }
        }
    }

    func testEveryOptionalFieldRemovedStillDecodes() throws {
        for entry in MessageCatalogue.all {
            guard case .object(let sample) = entry.sample else { continue }
            for field in entry.fields where !isRequired(field, in: sample) && sample[field.name] != nil {
                var body = sample
                body[field.name] = nil
                XCTAssertNil(entry.validate(.object(body), today: today), "\(entry.wireType.rawValue): router without \(field.name)")
                XCTAssertNoThrow(try entry.init(json: body), "\(entry.wireType.rawValue): decoder without optional \(field.name)")
            }
        }
    }

    func testEveryEnumerationRefusesAValueOutsideItsSet() throws {
        for entry in MessageCatalogue.all {
            guard case .object(let sample) = entry.sample else { continue }
            for field in entry.fields {
                guard case .enumeration = field.kind else { continue }
                var body = sample
                body[field.name] = "not-a-value"
                XCTAssertEqual(entry.validate(.object(body), today: today), .schema(field.name),
                               "\(entry.wireType.rawValue): router, \(field.name) outside its set")
                XCTAssertThrowsError(try entry.init(json: body), "\(entry.wireType.rawValue): decoder, \(field.name)") {
                    XCTAssertEqual($0 as? RejectionReason, .schema(field.name))
                }
            }
        }
    }

    func testEveryTopLevelFieldOfTheWrongJSONTypeIsRefusedByBoth() throws {
        for entry in MessageCatalogue.all {
            guard case .object(let sample) = entry.sample else { continue }
            for field in entry.fields where sample[field.name] != nil {
                guard let wrong = wrongValue(for: field.kind) else { continue }
                var body = sample
                body[field.name] = wrong
                let reason = entry.validate(.object(body), today: today)
                XCTAssertEqual(reason, .schema(field.name), "\(entry.wireType.rawValue): router, \(field.name) = \(wrong)")
                XCTAssertThrowsError(try entry.init(json: body), "\(entry.wireType.rawValue): decoder, \(field.name) = \(wrong)")
            }
        }
    }

    func testSampleSenderMayRouteTheSampleUnderTheShippedDutyList() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let list = try DutyListLoader.load(path: root + "/" + DutyListLoader.defaultRelativePath)
        for entry in MessageCatalogue.all {
            XCTAssertTrue(list.maySend(entry.sampleSender, entry.wireType),
                          "\(entry.wireType.rawValue): \(entry.sampleSender.rawValue) may not send it under \(list.version)")
        }
    }

    func testWorkersPaidZeroIsRefusedEverywhere() throws {
        guard case .object(var body) = CaseResolved.sample else { return XCTFail() }
        body["workers_paid"] = 0
        XCTAssertEqual(CaseResolved.validate(.object(body), today: today), .schema("workers_paid"))
        XCTAssertThrowsError(try CaseResolved(json: body)) { XCTAssertEqual($0 as? RejectionReason, .schema("workers_paid")) }
    }

    /// CONTRACT §7.1: the field rules of case.resolved depend on its disposition; the
    /// router and the decoder agree on each case.
    func testCaseResolvedRulesFollowTheDisposition() throws {
        func verdicts(_ body: [String: JSONValue]) -> (router: RejectionReason?, decoder: RejectionReason?) {
            let decoded: RejectionReason?
            do { _ = try CaseResolved(json: body); decoded = nil } catch { decoded = error }
            return (CaseResolved.validate(.object(body), today: today), decoded)
        }
        let unfounded = try XCTUnwrap(CaseResolved.unfoundedSample.objectValue)
        XCTAssertTrue(verdicts(unfounded) == (nil, nil), "unfounded with a note and no figures")
        let decoded = try CaseResolved(json: unfounded)
        XCTAssertEqual(decoded.disposition, .unfounded)
        XCTAssertNil(decoded.amountPaid)
        XCTAssertEqual(decoded.json, CaseResolved.unfoundedSample, "the disposition is written back")
        for disposition in CaseDisposition.allCases where disposition != .paid {
            var body = unfounded
            body["disposition"] = .string(disposition.rawValue)
            body["note"] = nil
            XCTAssertTrue(verdicts(body) == (.schema("note"), .schema("note")), "\(disposition): note required")
            body["note"] = "已调解"
            body["amount_paid"] = "0.00"
            XCTAssertTrue(verdicts(body) == (.schema("amount_paid"), .schema("amount_paid")), "\(disposition): amount_paid > 0 when given")
            body["amount_paid"] = "800.00"
            body["workers_paid"] = 0
            XCTAssertTrue(verdicts(body) == (.schema("workers_paid"), .schema("workers_paid")), "\(disposition): workers_paid >= 1")
            body["workers_paid"] = 2
            XCTAssertTrue(verdicts(body) == (nil, nil), "\(disposition) with figures")
        }
        var paid = try XCTUnwrap(CaseResolved.sample.objectValue)
        paid["disposition"] = "paid"
        paid["note"] = nil
        XCTAssertTrue(verdicts(paid) == (nil, nil), "paid needs no note")
        paid["amount_paid"] = nil
        XCTAssertTrue(verdicts(paid) == (.schema("amount_paid"), .schema("amount_paid")), "paid needs amount_paid")
        XCTAssertEqual(try CaseResolved(json: try XCTUnwrap(CaseResolved.sample.objectValue)).disposition, .paid,
                       "absent means paid")
    }

    private func isRequired(_ field: FieldSpec, in object: [String: JSONValue]) -> Bool {
        field.requirement.applies(in: object)
    }

    /// A JSON value of the wrong type for `kind` (nil where every JSON type is allowed).
    private func wrongValue(for kind: FieldKind) -> JSONValue? {
        switch kind {
        case .any, .oneOf: return nil
        case .int, .bool: return "x"
        case .object, .array: return .number("7")
        default: return .bool(true)  // strings, enumerations, money, dates, codes
        }
    }
}
