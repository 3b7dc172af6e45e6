import Foundation
import XCTest
@testable import Messages
@testable import Workflow

/// A day from ISO text; fails the test on a typo.
func d(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> Day {
    guard let day = Day(iso: iso) else {
        XCTFail("bad test date \(iso)", file: file, line: line)
        return Day(ordinal: 0)
    }
    return day
}

/// A yuan amount from wire text.
func yuan(_ text: String) -> Money { Money(yuan: text)! }

/// The shipped 2026 calendar, read from deploy/calendar/CN-2026.csv.
let cn2026: WorkingCalendar = {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/calendar/CN-2026.csv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        fatalError("cannot read \(url.path): the calendar tests need the repository's deploy/calendar")
    }
    do { return try CalendarCSV.calendar(text) } catch { fatalError("CN-2026.csv: \(error)") }
}()

/// A context on `today` with the 2026 calendar.
func ctx(_ today: String) -> WorkflowContext { WorkflowContext(today: d(today), calendar: cn2026) }

/// The transition of an accepted event; fails the test on a rejection.
func applied<S>(_ outcome: Outcome<S>, file: StaticString = #filePath, line: UInt = #line) throws -> Transition<S> {
    switch outcome {
    case .success(let t): return t
    case .failure(let r):
        XCTFail("unexpected rejection \(r.code)", file: file, line: line)
        throw r
    }
}

/// Asserts that an event was rejected with `reason`.
func assertRejected<S>(_ outcome: Outcome<S>, _ reason: RejectionReason, file: StaticString = #filePath, line: UInt = #line) {
    switch outcome {
    case .success: XCTFail("expected \(reason.code), was accepted", file: file, line: line)
    case .failure(let r): XCTAssertEqual(r, reason, file: file, line: line)
    }
}

/// Asserts that decoding throws `.schema(field)`.
func assertSchema<T>(_ field: String, file: StaticString = #filePath, line: UInt = #line,
                     _ decode: () throws(RejectionReason) -> T) {
    do {
        _ = try decode()
        XCTFail("expected schema:\(field), decoded fine", file: file, line: line)
    } catch {
        XCTAssertEqual(error, .schema(field), file: file, line: line)
    }
}

/// A JSON object literal as a payload dictionary.
func payload(_ value: JSONValue) -> [String: JSONValue] { value.objectValue ?? [:] }
