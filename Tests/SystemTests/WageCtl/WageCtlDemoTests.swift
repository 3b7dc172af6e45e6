import Departments
import Foundation
import Runtime
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// `wagectl demo` end to end: the router and every department worker run
/// in-process (as `deploy/local/run.sh` runs them as processes), and every step
/// of the scenario must happen; a missing worker must fail the step loudly.
final class WageCtlDemoTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    func startAllWorkers() throws {
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        try h.startWorker(.housing) { Workers.sector(.housing) }
        try h.startWorker(.police) { Workers.police() }
        try h.startWorker(.petitions) { Workers.petitions() }
        try h.startWorker(.justice) { Workers.justice() }
        try h.startWorker(.finance) { Workers.finance() }
        try h.startWorker(.platform) { CompositeHandler(principal: .platform, parts: []) }
    }

    func testTheDemoRunsEveryStepThroughTheRunningWorkers() throws {
        try startAllWorkers()
        let run = h.wagectl(["demo", "--timeout", "15"])
        XCTAssertNil(run.error, run.failure?.description ?? "\(String(describing: run.error))")
        for line in run.output.split(separator: "\n") where line.contains("FAILED") { XCTFail(String(line)) }
        XCTAssertEqual(run.output.components(separatedBy: " ... ok (").count - 1, 26, "all 26 steps happened")
        XCTAssertTrue(run.output.contains("the clue is unfounded"), "the demo shows an unfounded clue (§7.1)")
        XCTAssertTrue(run.output.contains("unfounded"), run.output)
        XCTAssertTrue(run.output.contains("the unpaid wages open a case by themselves"), "the demo shows a payroll case (§8.4)")
        XCTAssertTrue(run.output.contains("every step happened"))
        XCTAssertTrue(run.output.contains("== case WA-"), "timelines printed")
    }

    func testAMissingWorkerStopsTheDemoAtItsStepSayingWhichWorker() throws {
        try h.startWorker(.finance) { Workers.finance() }
        try h.startWorker(.justice) { Workers.justice() }
        // No worker-hrss: the clue is routed but never registered.
        let run = h.wagectl(["demo", "--timeout", "2", "--quiet"])
        XCTAssertEqual(run.failure?.code, .timeout, run.output)
        XCTAssertTrue(run.output.contains("[ 3/26] the national platform reports a construction clue"), run.output)
        XCTAssertTrue(run.output.contains("... FAILED"), run.output)
        XCTAssertTrue(run.failure?.message.contains("step 3") ?? false, run.failure?.description ?? "")
        XCTAssertTrue(run.failure?.hint?.contains("worker-hrss") ?? false, run.failure?.description ?? "")
    }
}
