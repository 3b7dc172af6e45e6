import Foundation
@testable import Messages
import Workflow
import XCTest

/// A process started while PostgreSQL or RabbitMQ is down (a reboot in the wrong
/// order, a deploy during maintenance) waits for it instead of exiting, and
/// then works: nobody has to notice and start it again.
final class ServerDownAtStartTests: XCTestCase {
    func startProcesses(_ stack: FaultStack, tag: String) throws -> ServiceFleet {
        let fleet = try ServiceFleet(stack: stack, logDir: "\(stack.localDir)/faults-down-\(tag)")
        for s in fleet.services where ["wage-router", "worker-hrss"].contains(s.name) {
            try s.start(environment: fleet.environment)
        }
        return fleet
    }

    /// Polls for `seconds` that the router and worker-hrss keep running.
    func assertStillRunning(_ fleet: ServiceFleet, for seconds: Double, file: StaticString = #filePath, line: UInt = #line) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            for s in fleet.services where ["wage-router", "worker-hrss"].contains(s.name) && !s.isRunning {
                XCTFail("\(s.name) exited (status \(s.exitStatus ?? -1)) while a server was down:\n\(s.tail(3))", file: file, line: line)
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// After the server is back: a clue reported now becomes a case.
    func assertWorks(_ tag: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let h = try Harness()
        defer { h.admin.close() }
        try h.publish(as: .platform, "clue.report", Harness.clue("down-\(tag)"), id: "down-\(tag)-clue")
        try h.waitUntil("case registered after the server came back", timeout: 60, file: file, line: line) {
            try h.value("SELECT status FROM wage.cases WHERE clue_ref = $1", ["down-\(tag)"]) == "transferred"
        }
        for p in h.publishers.values { p.close() }
    }

    func testTheRouterAndAWorkerStartedWhilePostgreSQLIsDownWaitForIt() throws {
        let stack = try FaultStack()
        let tag = faultRunTag()
        do { let h = try Harness(); try h.purgeQueues(); h.admin.close() }
        XCTAssertEqual(stack.stackScript("stop-postgres"), 0)
        var restarted = false
        defer { if !restarted { stack.stackScript("start-postgres") } }
        let fleet = try startProcesses(stack, tag: tag)
        defer { fleet.stopAll() }
        assertStillRunning(fleet, for: 3)
        XCTAssertEqual(stack.stackScript("start-postgres"), 0)
        restarted = true
        try assertWorks(tag)
        assertStillRunning(fleet, for: 0.5)
    }

    func testTheRouterAndAWorkerStartedWhileRabbitMQIsDownWaitForIt() throws {
        let stack = try FaultStack()
        let tag = faultRunTag()
        do { let h = try Harness(); try h.purgeQueues(); h.admin.close() }
        XCTAssertEqual(stack.stackScript("stop-rabbitmq"), 0)
        var restarted = false
        defer { if !restarted { stack.stackScript("start-rabbitmq") } }
        let fleet = try startProcesses(stack, tag: tag)
        defer { fleet.stopAll() }
        assertStillRunning(fleet, for: 3)
        XCTAssertEqual(stack.stackScript("start-rabbitmq"), 0)
        restarted = true
        try assertWorks(tag)
        assertStillRunning(fleet, for: 0.5)
    }
}
