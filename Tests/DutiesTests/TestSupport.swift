import Foundation
import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// The repository root, found from this file's path (Tests/DutiesTests/…).
let repositoryRoot: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

/// The shipped duty list path.
let shippedPath = repositoryRoot + "/" + DutyListLoader.defaultRelativePath

/// The shipped duty list, loaded once for all tests.
let shippedResult: Result<DutyList, DutyListError> = Result { () throws(DutyListError) in
    try DutyListLoader.load(path: shippedPath)
}

/// The shipped list, or a test failure.
func shipped(file: StaticString = #filePath, line: UInt = #line) throws -> DutyList {
    switch shippedResult {
    case .success(let list): return list
    case .failure(let error):
        XCTFail("shipped duty list does not load: \(error)", file: file, line: line)
        throw error
    }
}

/// "any department" of CONTRACT §3.
let anyDepartment: [Principal] = [.hrss, .housing, .police, .petitions, .justice, .finance,
                                  .transport, .water, .agriculture, .market]

/// A copy of `value` (an object) with `key` set to `newValue` (`nil` removes it).
func setting(_ value: JSONValue, _ key: String, _ newValue: JSONValue?) -> JSONValue {
    guard case .object(var object) = value else { return value }
    object[key] = newValue
    return .object(object)
}

/// A copy of `value` with the nested object at `key` changed by `change`.
func updating(_ value: JSONValue, _ key: String, _ change: (JSONValue) -> JSONValue) -> JSONValue {
    guard case .object(var object) = value, let inner = object[key] else { return value }
    object[key] = change(inner)
    return .object(object)
}
