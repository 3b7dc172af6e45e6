import Foundation
import Runtime
import XCTest

/// Threads of a worker carry their names to the operating system (top -H, ps -L, perf).
final class ThreadNameTests: XCTestCase {
    final class Box: @unchecked Sendable { var comm = "" }

    func testASpawnedThreadIsNamedForTheKernelCutTo15Bytes() async throws {
        let threads = ThreadGroup()
        let short = Box(), long = Box()
        threads.spawn("hrss-relay") { short.comm = Self.kernelName() }
        threads.spawn("agriculture-consumer") { long.comm = Self.kernelName() }
        await threads.wait()
        XCTAssertEqual(short.comm, "hrss-relay")
        XCTAssertEqual(long.comm, "agriculture-con")
    }

    /// `/proc/thread-self/comm` of the calling thread, without the line end.
    static func kernelName() -> String {
        let text = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
