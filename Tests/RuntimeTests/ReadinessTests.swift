import HealthServer
@testable import Runtime
import XCTest

/// The readiness verdict from what the threads publish (no servers).
final class ReadinessTests: XCTestCase {
    func testNoComponentYetIsNotReady() {
        let verdict = HealthBoard.readiness(of: [:])
        XCTAssertFalse(verdict.isReady)
        XCTAssertEqual(verdict.reasons, ["starting: no consumer is running yet"])
    }

    func testARegisteredComponentIsDownUntilEachCheckIsSet() {
        let board = HealthBoard(principal: "hrss")
        board.register("hrss-consumer", checks: [.broker, .database, .consuming])
        XCTAssertEqual(board.readiness().reasons, [
            "hrss-consumer: broker not connected", "hrss-consumer: not consuming", "hrss-consumer: database not connected",
        ])
        board.set(.database, true, for: "hrss-consumer")
        board.set(.broker, true, for: "hrss-consumer")
        XCTAssertEqual(board.readiness().reasons, ["hrss-consumer: not consuming"])
        board.set(.consuming, true, for: "hrss-consumer")
        XCTAssertTrue(board.readiness().isReady)
        board.set(.database, false, for: "hrss-consumer")
        XCTAssertEqual(board.readiness(), Readiness(reasons: ["hrss-consumer: database not connected"]))
    }

    func testEveryComponentMustBeReadyAndUnregisteredChecksAreIgnored() {
        let board = HealthBoard(principal: "router")
        board.register("router-0", checks: [.database])
        board.register("router-1", checks: [.database])
        board.set(.database, true, for: "router-0")
        board.set(.broker, false, for: "router-0")  // not one of its checks
        XCTAssertEqual(board.readiness().reasons, ["router-1: database not connected"])
        board.remove("router-1")
        XCTAssertTrue(board.readiness().isReady)
    }

    func testTheReadyzBodyIsJSONWithTheReasons() throws {
        XCTAssertEqual(Readiness(reasons: []).json, "{\"status\":\"ready\"}\n")
        let body = Readiness(reasons: ["a \"quoted\"\nreason"]).json
        let parsed = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["status"] as? String, "not_ready")
        XCTAssertEqual(parsed?["reasons"] as? [String], ["a \"quoted\"\nreason"])
    }
}
